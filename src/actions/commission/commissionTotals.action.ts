import { flat, type Action, type ActionResponse } from 'adminjs'
import { commissionTotals } from '../../services/list/commissionTotals.js'
import { readRecordListQuery, type RecordList } from '../../services/list/recordList.js'

/** The totals shown above the Commission list: the list's own query and filters, one statement. GET only. */
export const commissionTotalsAction = (list: RecordList): Partial<Action<ActionResponse>> => ({
  name: 'totals',
  actionType: 'resource',
  isVisible: false,
  handler: async (request) => {
    const params = flat.flatten(request.query ?? {}) as Record<string, unknown>
    const query = readRecordListQuery(list.spec, params, {
      sortBy: 'period',
      direction: 'desc',
      perPage: 10,
      maxPerPage: 500,
    })
    return { totals: await commissionTotals(list, query) }
  },
})
