import type { TemplateStore } from '../../services/mail/templateStore.js'
import { templateAction } from './templateAction.js'

/** One template in one language: texts in force and shipped, merge fields, history of changes. */
export const emailTemplateAction = (templates: TemplateStore) =>
  templateAction(templates, { name: 'emailTemplate', method: 'get', run: (t, _actor, q) => t.details(q) })
