import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import { recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const adjustBalanceAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'adjustBalance',
    fields: { amount: 32, reason: MAX_REASON_LENGTH },
    group: 'account',
    icon: 'DollarSign',
    appliesTo: (p) => p.status !== 'deleted',
    success: 'balanceChanged',
    onPost: (lifecycle, actor, id, payload) => lifecycle.adjustBalance(actor, id, payload),
  })
