import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'

export const removeTwoFactorForm: ActionForm = { fields: [], id: 'removeTwoFactor' }

export const removeTwoFactorAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'removeTwoFactor',
    icon: 'ShieldOff',
    variant: 'danger',
    form: removeTwoFactorForm,
    appliesTo: (p) => p.status !== 'deleted' && Boolean(p.twoFactorEnabledAt),
    success: 'twoFactorRemoved',
    run: (lifecycle, actor, id) => lifecycle.removeTwoFactor(actor, [id]),
  })
