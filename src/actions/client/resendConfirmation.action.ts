import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const resendConfirmationAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'resendConfirmation',
    group: 'account',
    icon: 'Send',
    appliesTo: (p) => p.status === 'pending' && Boolean(p.email),
    success: 'confirmationSent',
    onPost: (lifecycle, actor, id) => lifecycle.resendConfirmation(actor, id),
  })
