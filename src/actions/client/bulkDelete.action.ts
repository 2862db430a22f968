import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import { bulkClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkDeleteAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkDelete',
    fields: { reason: MAX_REASON_LENGTH },
    icon: 'Trash2',
    variant: 'danger',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.softDelete(actor, ids, payload),
  })
