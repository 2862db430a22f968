import type { TemplateStore } from '../../services/mail/templateStore.js'
import { templateAction } from './templateAction.js'

/** Back to the shipped text (recorded). */
export const resetEmailTemplateAction = (templates: TemplateStore) =>
  templateAction(templates, {
    name: 'resetEmailTemplate',
    method: 'post',
    success: 'emailTemplateReset',
    run: (t, actor, payload) => t.reset(actor, payload),
  })
