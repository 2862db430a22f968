import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

export const sendEmailAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'sendEmail',
    group: 'contact',
    icon: 'Mail',
    appliesTo: (p) => p.status !== 'deleted' && Boolean(p.email),
    success: 'emailSent',
    onPost: (lifecycle, actor, id, payload) => lifecycle.sendEmail(actor, [id], payload),
  })
