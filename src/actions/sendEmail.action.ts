import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'
import { MAX_EMAIL_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '../services/clientLifecycle.js'

export const sendEmailForm: ActionForm = {
  id: 'sendEmail',
  fields: [
    { name: 'subject', type: 'text', required: true, maxLength: MAX_SUBJECT_LENGTH },
    { name: 'body', type: 'textarea', required: true, maxLength: MAX_EMAIL_BODY_LENGTH },
  ],
}

export const sendEmailAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'sendEmail',
    icon: 'Mail',
    form: sendEmailForm,
    appliesTo: (p) => p.status !== 'deleted' && Boolean(p.email),
    success: 'emailSent',
    run: (lifecycle, actor, id, payload) => lifecycle.sendEmail(actor, [id], payload),
  })
