import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'

export const resendConfirmationForm: ActionForm = { fields: [], id: 'resendConfirmation' }

export const resendConfirmationAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'resendConfirmation',
    icon: 'Send',
    form: resendConfirmationForm,
    appliesTo: (p) => p.status === 'pending' && Boolean(p.email),
    success: 'confirmationSent',
    run: (lifecycle, actor, id) => lifecycle.resendConfirmation(actor, id),
  })
