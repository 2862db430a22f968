import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const deleteAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'delete',
    fields: { reason: MAX_REASON_LENGTH },
    group: 'status',
    icon: 'Trash2',
    variant: 'danger',
    appliesTo: (p) => p.status !== 'deleted',
    success: 'clientDeleted',
    onPost: (lifecycle, actor, id, payload) => lifecycle.softDelete(actor, [id], payload),
  })
