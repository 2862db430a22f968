// Replaces AdminJS's hard delete: the client is kept, hidden from the list, and can be restored.
import { softDelete } from '../../services/lifecycle/softDeletion.js'
import { softDeleteInput } from '../../shared/actionInputs/softDelete.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const deleteAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'delete',
    group: 'status',
    icon: 'Trash2',
    variant: 'danger',
    appliesTo: { notStatus: ['deleted'] },
    input: softDeleteInput,
    handler: ({ actor, id, input }) => softDelete(lifecycle, actor, [id], input),
    success: 'clientDeleted',
  })
