import { MAX_CONTRACT_IDS_LENGTH, MAX_REASON_LENGTH } from '../../shared/limits.js'
import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const suspendAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'suspend',
    fields: { reason: MAX_REASON_LENGTH, contracts: 8, contractIds: MAX_CONTRACT_IDS_LENGTH, notify: 8 },
    group: 'status',
    icon: 'PauseCircle',
    variant: 'danger',
    appliesTo: (p) => p.status === 'active',
    success: 'clientSuspended',
    onPost: (lifecycle, actor, id, payload) => lifecycle.suspend(actor, [id], payload),
  })
