import { useTranslation } from 'adminjs'

const CLIENT = 'Client'

/** `t` for the client page: its texts live under `ClientShow.*` of the Client resource. */
export function useClientShowText() {
  const { translateComponent } = useTranslation()
  return (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ClientShow.${key}`, CLIENT, options)
}
