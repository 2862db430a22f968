import { MAX_EMAIL_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '../../shared/limits.js'
import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const sendEmailAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'sendEmail',
    fields: { subject: MAX_SUBJECT_LENGTH, body: MAX_EMAIL_BODY_LENGTH, template: 32 },
    group: 'contact',
    icon: 'Mail',
    appliesTo: (p) => p.status !== 'deleted' && Boolean(p.email),
    success: 'emailSent',
    onPost: (lifecycle, actor, id, payload) => lifecycle.sendEmail(actor, [id], payload),
  })
