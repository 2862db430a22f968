import { MAX_EMAIL_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '../../shared/limits.js'
import { bulkClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkSendEmailAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkSendEmail',
    fields: { subject: MAX_SUBJECT_LENGTH, body: MAX_EMAIL_BODY_LENGTH, template: 32 },
    icon: 'Mail',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.sendEmail(actor, ids, payload),
  })
