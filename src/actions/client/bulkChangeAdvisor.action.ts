// Give the selected contracts another advisor (by code): one event per client concerned.
import { changeContractAdvisor } from '../../services/lifecycle/contractBulk.js'
import { changeAdvisorInput } from '../../shared/actionInputs/contractBulk.js'
import { bulkFormAction } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkChangeAdvisorAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkChangeAdvisor',
    icon: 'UserCheck',
    input: changeAdvisorInput,
    handler: ({ actor, ids, input }) => changeContractAdvisor(lifecycle, actor, ids, input),
    notice: ({ contracts, clients }) => ({
      message: 'contractsChanged',
      type: 'success',
      resourceId: 'Contract',
      options: { count: contracts, clients },
    }),
  })
