import { MAX_EMAIL_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '../services/limits.js'
import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'

export const bulkSendEmailAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkSendEmail',
    fields: { subject: MAX_SUBJECT_LENGTH, body: MAX_EMAIL_BODY_LENGTH },
    icon: 'Mail',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.sendEmail(actor, ids, payload),
  })
