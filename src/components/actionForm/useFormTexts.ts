import { useTranslation, type RecordJSON } from 'adminjs'
import type { ActionForm } from './clientActionForms.js'

/**
 * The form's texts (`forms.<id>.<key>`); one client's form may have texts of its own for that
 * client's state (`forms.<id>.<variant>.<key>`, clientActionForms.ts's `textsFor`).
 */
export function useFormTexts(
  form: ActionForm,
  resourceId: string,
  record?: RecordJSON,
  records?: RecordJSON[],
) {
  const { translateMessage, i18n } = useTranslation()
  const variant = record && !records ? (form.textsFor?.(record.params) ?? null) : null
  return (key: string, options?: Record<string, unknown>) => {
    const own = variant && `forms.${form.id}.${variant}.${key}`
    return own && i18n.exists(`messages.${own}`)
      ? translateMessage(own, resourceId, options)
      : translateMessage(`forms.${form.id}.${key}`, resourceId, options)
  }
}
