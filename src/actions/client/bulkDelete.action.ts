// Delete (soft) the selected clients (the form of `delete`).
import { softDelete } from '../../services/lifecycle/softDeletion.js'
import { softDeleteInput } from '../../shared/actionInputs/softDelete.js'
import { bulkFormAction, clientsNotice } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkDeleteAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkDelete',
    icon: 'Trash2',
    variant: 'danger',
    input: softDeleteInput,
    handler: ({ actor, ids, input }) => softDelete(lifecycle, actor, ids, input),
    notice: clientsNotice,
  })
