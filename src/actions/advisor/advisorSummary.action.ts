import type { Action, RecordActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { advisorSummary } from '../../services/list/advisorSummary.js'

/** What the advisor's page shows under its fields (clients, contracts, commissions by month). GET only. */
export const advisorSummaryAction = (dataSource: DataSource): Partial<Action<RecordActionResponse>> => ({
  name: 'summary',
  actionType: 'record',
  isVisible: false,
  handler: async (_request, _response, context) => ({
    record: context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record'],
    summary: await advisorSummary(dataSource, Number(context.record?.id())),
  }),
})
