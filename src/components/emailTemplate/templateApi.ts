import { ApiClient } from 'adminjs'
import type { TemplateDetails, TemplatePreview, TemplateSummary } from '../../services/mail/templateStore.js'

export type { TemplateDetails, TemplatePreview, TemplateSummary }

const api = new ApiClient()

/** A template being edited, as the form holds it. */
export interface TemplateDraftValues {
  subject: string
  text: string
  html: string
}

export interface TemplateRef {
  key: string
  language: string
}

/** What a POST of the page answers: its result, the field errors (message keys), the raw response for notices. */
export interface TemplateAnswer<T> {
  result: T | null
  errors: Record<string, string>
  response: Awaited<ReturnType<ApiClient['resourceAction']>>
}

const formOf = (ref: TemplateRef, draft?: TemplateDraftValues, clientId?: string) => {
  const data = new FormData()
  data.append('template', ref.key)
  data.append('language', ref.language)
  if (draft) {
    data.append('subject', draft.subject)
    data.append('text', draft.text)
    data.append('html', draft.html)
  }
  if (clientId) data.append('clientId', clientId)
  return data
}

/** The calls of the templates page to its resource's actions. */
export function templateApi(resourceId: string) {
  const get = async <T>(actionName: string, params?: Record<string, string>) => {
    const response = await api.resourceAction({ resourceId, actionName, params })
    const result = (response.data as { emailTemplate?: T }).emailTemplate
    if (!result) throw new Error(`${actionName}: no answer`)
    return result
  }
  const post = async <T>(
    actionName: string,
    ref: TemplateRef,
    draft?: TemplateDraftValues,
    clientId?: string,
  ): Promise<TemplateAnswer<T>> => {
    const response = await api.resourceAction({
      resourceId,
      actionName,
      method: 'post',
      data: formOf(ref, draft, clientId),
    })
    const errors = (response.data.record?.errors ?? {}) as Record<string, { message: string }>
    return {
      result: ((response.data as { emailTemplate?: T }).emailTemplate ?? null) as T | null,
      errors: Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e.message])),
      response,
    }
  }
  return {
    overview: () => get<TemplateSummary[]>('emailTemplates'),
    details: (ref: TemplateRef) =>
      get<TemplateDetails>('emailTemplate', { template: ref.key, language: ref.language }),
    save: (ref: TemplateRef, draft: TemplateDraftValues) =>
      post<TemplateDetails>('saveEmailTemplate', ref, draft),
    reset: (ref: TemplateRef) => post<TemplateDetails>('resetEmailTemplate', ref),
    preview: (ref: TemplateRef, draft: TemplateDraftValues, clientId: string) =>
      post<TemplatePreview>('previewEmailTemplate', ref, draft, clientId),
    sendTest: (ref: TemplateRef, draft: TemplateDraftValues, clientId: string) =>
      post<{ to: string }>('testEmailTemplate', ref, draft, clientId),
  }
}
