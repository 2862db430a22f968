// Turn off the client's two-factor authentication (its sessions end): a confirmation.
import { removeTwoFactor } from '../../services/lifecycle/accountChanges.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const removeTwoFactorAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'removeTwoFactor',
    group: 'account',
    icon: 'ShieldOff',
    variant: 'danger',
    appliesTo: { notStatus: ['deleted'], has: ['twoFactorEnabledAt'] },
    handler: ({ actor, id }) => removeTwoFactor(lifecycle, actor, [id]),
    success: 'twoFactorRemoved',
  })
