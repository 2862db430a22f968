import { flat, type Action, type ActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { commissionTotals, readCommissionFilters } from '../../services/list/commissionTotals.js'

/** The totals shown above the Commission list: same filters as the list, one query. GET only. */
export const commissionTotalsAction = (dataSource: DataSource): Partial<Action<ActionResponse>> => ({
  name: 'totals',
  actionType: 'resource',
  isVisible: false,
  handler: async (request) => {
    const { filters } = flat.unflatten(request.query ?? {}) as { filters?: Record<string, unknown> }
    return { totals: await commissionTotals(dataSource, readCommissionFilters(filters)) }
  },
})
