import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const reactivateAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'reactivate',
    fields: { reason: MAX_REASON_LENGTH, contracts: 8, notify: 8 },
    group: 'status',
    icon: 'PlayCircle',
    appliesTo: (p) => p.status === 'suspended' || p.status === 'banned',
    success: 'clientReactivated',
    onPost: (lifecycle, actor, id, payload) => lifecycle.reactivate(actor, [id], payload),
  })
