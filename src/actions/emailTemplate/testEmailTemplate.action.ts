import type { TemplateStore } from '../../services/mail/templateStore.js'
import { templateAction } from './templateAction.js'

/** "Send me a test": the draft to the admin's own address, through the outbox. */
export const testEmailTemplateAction = (templates: TemplateStore) =>
  templateAction(templates, {
    name: 'testEmailTemplate',
    method: 'post',
    success: 'emailTemplateTestSent',
    run: (t, actor, payload) => t.sendTest(actor, payload),
  })
