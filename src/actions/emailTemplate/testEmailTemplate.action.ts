import type { EmailTemplates } from '../../services/mail/templateStore.js'
import { templateAction } from './templateAction.js'

/** "Send me a test": the draft to the admin's own address, through the outbox. */
export const testEmailTemplateAction = (templates: EmailTemplates) =>
  templateAction(templates, {
    name: 'testEmailTemplate',
    method: 'post',
    success: 'emailTemplateTestSent',
    run: (t, actor, payload) => t.sendTest(actor, payload),
  })
