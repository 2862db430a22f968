import { bulkClientAction, type ClientActionDeps } from './defineClientAction.js'
import { removeTwoFactorForm } from './removeTwoFactor.action.js'

export const bulkRemoveTwoFactorAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkRemoveTwoFactor',
    icon: 'ShieldOff',
    variant: 'danger',
    form: removeTwoFactorForm,
    run: (lifecycle, actor, ids) => lifecycle.removeTwoFactor(actor, ids),
  })
