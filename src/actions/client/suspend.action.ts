// Suspend one client: the form asks why, which of its contracts too, and whether to tell it.
// Who may run it: the `suspend` right of the roles map (services/core/accessControl.ts).
import { suspend } from '../../services/lifecycle/statusTransitions.js'
import { statusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const suspendAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'suspend',
    group: 'status',
    icon: 'PauseCircle',
    variant: 'danger',
    appliesTo: { status: ['active'] },
    input: statusChangeInput,
    handler: ({ actor, id, input }) => suspend(lifecycle, actor, [id], input),
    success: 'clientSuspended',
  })
