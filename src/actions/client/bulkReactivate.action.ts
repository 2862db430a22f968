// Reactivate the selected clients (the form of `reactivate`).
import { reactivate } from '../../services/lifecycle/statusTransitions.js'
import { reactivateInput } from '../../shared/actionInputs/reactivate.js'
import { bulkFormAction, clientsNotice } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkReactivateAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkReactivate',
    icon: 'PlayCircle',
    input: reactivateInput,
    handler: ({ actor, ids, input }) => reactivate(lifecycle, actor, ids, input),
    notice: clientsNotice,
  })
