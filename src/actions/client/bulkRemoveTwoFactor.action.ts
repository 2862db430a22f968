// Turn off two-factor authentication for the selected clients: a confirmation.
import { removeTwoFactor } from '../../services/lifecycle/accountChanges.js'
import { bulkFormAction, clientsNotice } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkRemoveTwoFactorAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkRemoveTwoFactor',
    icon: 'ShieldOff',
    variant: 'danger',
    handler: ({ actor, ids }) => removeTwoFactor(lifecycle, actor, ids),
    notice: clientsNotice,
  })
