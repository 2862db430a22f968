import { bulkClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkRemoveTwoFactorAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkRemoveTwoFactor',
    icon: 'ShieldOff',
    variant: 'danger',
    onPost: (lifecycle, actor, ids) => lifecycle.removeTwoFactor(actor, ids),
  })
