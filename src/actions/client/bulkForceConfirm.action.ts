// Confirm the selected pending clients: a confirmation.
import { forceConfirm } from '../../services/lifecycle/accountChanges.js'
import { bulkFormAction, clientsNotice } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkForceConfirmAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkForceConfirm',
    icon: 'CheckCircle',
    handler: ({ actor, ids }) => forceConfirm(lifecycle, actor, ids),
    notice: clientsNotice,
  })
