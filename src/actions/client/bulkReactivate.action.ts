import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import { bulkClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkReactivateAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkReactivate',
    fields: { reason: MAX_REASON_LENGTH, contracts: 8, notify: 8 },
    icon: 'PlayCircle',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.reactivate(actor, ids, payload),
  })
