import { useTranslation } from 'adminjs'
import { resourceId } from '../common/resourceId.js'

/** `t` for the client page: its texts live under `ClientShow.*` of the Client resource. */
export function useClientShowText() {
  const { translateComponent } = useTranslation()
  return (key: string, options?: Record<string, unknown>) =>
    translateComponent(`ClientShow.${key}`, resourceId('Client'), options)
}
