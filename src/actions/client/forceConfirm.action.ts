import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const forceConfirmAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'forceConfirm',
    group: 'account',
    icon: 'CheckCircle',
    appliesTo: (p) => p.status === 'pending',
    success: 'accountConfirmed',
    onPost: (lifecycle, actor, id) => lifecycle.forceConfirm(actor, [id]),
  })
