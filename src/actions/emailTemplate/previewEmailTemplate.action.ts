import type { TemplateStore } from '../../services/mail/templateStore.js'
import { templateAction } from './templateAction.js'

/** The draft as a client would receive it (POST for the texts' length; nothing written). */
export const previewEmailTemplateAction = (templates: TemplateStore) =>
  templateAction(templates, {
    name: 'previewEmailTemplate',
    method: 'post',
    run: (t, _actor, payload) => t.preview(payload),
  })
