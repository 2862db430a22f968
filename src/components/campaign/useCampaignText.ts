import { useTranslation } from 'adminjs'

/** The campaign pages' texts (locale `components.Campaign.*`) and the panel's messages (field errors, reasons). */
export function useCampaignText(resourceId: string) {
  const { translateComponent, translateMessage, i18n } = useTranslation()
  return {
    t: (key: string, options?: Record<string, unknown>) =>
      translateComponent(`Campaign.${key}`, resourceId, options),
    message: (key: string, options?: Record<string, unknown>) => translateMessage(key, resourceId, options),
    language: i18n.language,
  }
}
