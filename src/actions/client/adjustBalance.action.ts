// A change of the client's balance: a signed amount and why (the form previews the result).
import { adjustBalance } from '../../services/lifecycle/accountChanges.js'
import { adjustBalanceInput } from '../../shared/actionInputs/adjustBalance.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

export const adjustBalanceAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'adjustBalance',
    group: 'account',
    icon: 'DollarSign',
    appliesTo: { notStatus: ['deleted'] },
    input: adjustBalanceInput,
    handler: ({ actor, id, input }) => adjustBalance(lifecycle, actor, id, input),
    success: 'balanceChanged',
  })
