import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'

export const bulkRemoveTwoFactorAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkRemoveTwoFactor',
    icon: 'ShieldOff',
    variant: 'danger',
    onPost: (lifecycle, actor, ids) => lifecycle.removeTwoFactor(actor, ids),
  })
