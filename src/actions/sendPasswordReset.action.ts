import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'

export const sendPasswordResetForm: ActionForm = { fields: [], id: 'sendPasswordReset' }

export const sendPasswordResetAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'sendPasswordReset',
    icon: 'Key',
    form: sendPasswordResetForm,
    appliesTo: (p) => p.status !== 'deleted' && p.status !== 'banned' && Boolean(p.email),
    success: 'passwordResetSent',
    run: (lifecycle, actor, id) => lifecycle.sendPasswordReset(actor, id),
  })
