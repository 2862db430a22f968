// Give the selected contracts another status: one event per client concerned.
import { changeContractStatus } from '../../services/lifecycle/contractBulk.js'
import { changeContractStatusInput } from '../../shared/actionInputs/contractBulk.js'
import { bulkFormAction } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkChangeStatusAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkChangeStatus',
    icon: 'Flag',
    input: changeContractStatusInput,
    handler: ({ actor, ids, input }) => changeContractStatus(lifecycle, actor, ids, input),
    notice: ({ contracts, clients }) => ({
      message: 'contractsChanged',
      type: 'success',
      resourceId: 'Contract',
      options: { count: contracts, clients },
    }),
  })
