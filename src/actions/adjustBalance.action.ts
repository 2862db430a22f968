import { recordClientAction, type ClientActionDeps } from './defineClientAction.js'

export const adjustBalanceAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'adjustBalance',
    group: 'account',
    icon: 'DollarSign',
    appliesTo: (p) => p.status !== 'deleted',
    success: 'balanceChanged',
    onPost: (lifecycle, actor, id, payload) => lifecycle.adjustBalance(actor, id, payload),
  })
