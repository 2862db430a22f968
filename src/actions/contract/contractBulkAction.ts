import type { DataSource } from 'typeorm'
import { changeContracts } from '../../services/lifecycle/contractBulk.js'
import { actorOf } from '../core/actionResponses.js'
import { formBulkAction } from '../core/formBulkAction.js'

/** A bulk change of contracts (advisor or status) through services/lifecycle/contractBulk.ts. */
export function contractBulkAction(
  dataSource: DataSource,
  components: { ClientActionForm: string },
  spec: { name: string; icon: string; field: 'advisorCode' | 'status' },
) {
  return formBulkAction(components, {
    name: spec.name,
    icon: spec.icon,
    resourceId: 'Contract',
    fields: { [spec.field]: 32 },
    success: 'contractsChanged',
    onPost: async (ids, payload, request, context) => {
      const result = await changeContracts(dataSource, actorOf(request, context), ids, {
        [spec.field]: payload[spec.field] ?? '',
      })
      return { count: result.contracts, clients: result.clients }
    },
  })
}
