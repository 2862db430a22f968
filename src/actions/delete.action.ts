import { MAX_REASON_LENGTH } from '../services/limits.js'
import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

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
