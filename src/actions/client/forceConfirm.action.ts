// Confirm a pending client's email without the link: a confirmation.
import { forceConfirm } from '../../services/lifecycle/accountChanges.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const forceConfirmAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'forceConfirm',
    group: 'account',
    icon: 'CheckCircle',
    appliesTo: { status: ['pending'] },
    handler: ({ actor, id }) => forceConfirm(lifecycle, actor, [id]),
    success: 'accountConfirmed',
  })
