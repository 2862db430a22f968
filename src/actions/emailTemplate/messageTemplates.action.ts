import type { TemplateStore } from '../../services/mail/templateStore.js'
import { templateAction } from './templateAction.js'

/**
 * The admin's message templates in force ("Relance impayé"…), for the "Write from" choice of
 * the send-an-email form: a Client action, allowed to whoever may send an email.
 */
export const messageTemplatesAction = (templates: TemplateStore) =>
  templateAction(templates, { name: 'messageTemplates', method: 'get', run: (t) => t.messageTemplates() })
