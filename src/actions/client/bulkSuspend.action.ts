import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import { bulkClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkSuspendAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkSuspend',
    fields: { reason: MAX_REASON_LENGTH, contracts: 8, notify: 8 },
    icon: 'PauseCircle',
    variant: 'danger',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.suspend(actor, ids, payload),
  })
