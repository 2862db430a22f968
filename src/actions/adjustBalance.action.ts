import { recordClientAction, type ClientActionDeps, type ActionForm } from './defineClientAction.js'
import { MAX_REASON_LENGTH } from '../services/clientLifecycle.js'

export const adjustBalanceForm: ActionForm = {
  id: 'adjustBalance',
  show: ['balance'],
  fields: [
    { name: 'amount', type: 'amount', required: true },
    { name: 'reason', type: 'textarea', required: true, maxLength: MAX_REASON_LENGTH },
  ],
}

export const adjustBalanceAction = (deps: ClientActionDeps) =>
  recordClientAction(deps, {
    name: 'adjustBalance',
    icon: 'DollarSign',
    form: adjustBalanceForm,
    appliesTo: (p) => p.status !== 'deleted',
    success: 'balanceChanged',
    run: (lifecycle, actor, id, payload) => lifecycle.adjustBalance(actor, id, payload),
  })
