import { MAX_CONTRACT_IDS_LENGTH, MAX_REASON_LENGTH } from '../../shared/limits.js'
import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const banAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'ban',
    fields: { reason: MAX_REASON_LENGTH, contracts: 8, contractIds: MAX_CONTRACT_IDS_LENGTH, notify: 8 },
    group: 'status',
    icon: 'Slash',
    variant: 'danger',
    appliesTo: (p) => p.status !== 'banned' && p.status !== 'deleted',
    success: 'clientBanned',
    onPost: (lifecycle, actor, id, payload) => lifecycle.ban(actor, [id], payload),
  })
