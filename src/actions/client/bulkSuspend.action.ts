// Suspend the selected clients (the form of `suspend`; the contracts: all active ones, or none).
import { suspend } from '../../services/lifecycle/statusTransitions.js'
import { statusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { bulkFormAction, clientsNotice } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkSuspendAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkSuspend',
    icon: 'PauseCircle',
    variant: 'danger',
    input: statusChangeInput,
    handler: ({ actor, ids, input }) => suspend(lifecycle, actor, ids, input),
    notice: clientsNotice,
  })
