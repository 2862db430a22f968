import { MAX_REASON_LENGTH } from '../services/limits.js'
import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

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
