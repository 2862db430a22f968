import { useTranslation } from 'adminjs'

/** `t` for the import page: its texts live under `CommissionImport.*` of the Commission resource. */
export function useCommissionImportText(resourceId: string) {
  const { translateComponent } = useTranslation()
  return (key: string, options?: Record<string, unknown>) =>
    translateComponent(`CommissionImport.${key}`, resourceId, options)
}
