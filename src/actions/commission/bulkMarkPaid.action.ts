import type { Action, BulkActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { markCommissionsPaid } from '../../services/list/commissionTotals.js'
import { readPayload, refusalResponse, requestedIds } from '../core/actionResponses.js'

/** Mark the selected commissions paid (those pending); GET shows the confirmation; refusals are notices. */
export const bulkMarkPaidAction = (
  dataSource: DataSource,
  components: { ClientActionForm: string },
): Partial<Action<BulkActionResponse>> => ({
  name: 'bulkMarkPaid',
  actionType: 'bulk',
  icon: 'CheckSquare',
  component: components.ClientActionForm,
  showInDrawer: true,
  guard: '',
  handler: async (request, _response, context) => {
    const current = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
    if (request.method !== 'post') return { records: current }
    try {
      // Nothing to read, but a payload no form sends is refused like in every other action.
      readPayload(request)
      const { paid, skipped } = await markCommissionsPaid(dataSource, requestedIds(request))
      return {
        records: [],
        notice: {
          message: 'commissionsMarkedPaid',
          type: 'success',
          resourceId: 'Commission',
          options: { count: paid, skipped },
        },
        redirectUrl: context.h.resourceUrl({ resourceId: 'Commission' }),
      }
    } catch (error) {
      return refusalResponse(error, context) as BulkActionResponse
    }
  },
})
