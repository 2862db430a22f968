import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const removeTwoFactorAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'removeTwoFactor',
    group: 'account',
    icon: 'ShieldOff',
    variant: 'danger',
    appliesTo: (p) => p.status !== 'deleted' && Boolean(p.twoFactorEnabledAt),
    success: 'twoFactorRemoved',
    onPost: (lifecycle, actor, id) => lifecycle.removeTwoFactor(actor, [id]),
  })
