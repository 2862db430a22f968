import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import { bulkClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkBanAction = (deps: ClientActionDeps) =>
  bulkClientAction(deps, {
    name: 'bulkBan',
    fields: { reason: MAX_REASON_LENGTH, contracts: 8, notify: 8 },
    icon: 'Slash',
    variant: 'danger',
    onPost: (lifecycle, actor, ids, payload) => lifecycle.ban(actor, ids, payload),
  })
