import type { Action, BulkActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { changeContracts } from '../../services/lifecycle/contractBulk.js'
import { actorOf, readPayload, refusalResponse, requestedIds } from '../core/actionResponses.js'

/** A bulk change of contracts (advisor or status) through services/contractBulk.ts. */
export function contractBulkAction(
  dataSource: DataSource,
  components: { ClientActionForm: string },
  spec: { name: string; icon: string; field: 'advisorCode' | 'status' },
): Partial<Action<BulkActionResponse>> {
  return {
    name: spec.name,
    actionType: 'bulk',
    icon: spec.icon,
    component: components.ClientActionForm,
    showInDrawer: true,
    guard: '',
    handler: async (request, _response, context) => {
      const current = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
      if (request.method !== 'post') return { records: current }
      try {
        const payload = readPayload(request, { [spec.field]: 32 })
        const result = await changeContracts(dataSource, actorOf(request, context), requestedIds(request), {
          [spec.field]: payload[spec.field] ?? '',
        })
        return {
          records: [],
          notice: {
            message: 'contractsChanged',
            type: 'success',
            resourceId: 'Contract',
            options: { count: result.contracts, clients: result.clients },
          },
          redirectUrl: context.h.resourceUrl({ resourceId: 'Contract' }),
        }
      } catch (error) {
        return refusalResponse(error, context) as BulkActionResponse
      }
    },
  }
}
