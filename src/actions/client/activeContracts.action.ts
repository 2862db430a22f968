import type { Action, RecordActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { activeContractsOf } from '../../services/list/activeContracts.js'

/**
 * The client's active contracts for the suspend and ban forms: `GET …/records/:id/activeContracts`.
 * Read-only whatever the method, hidden, allowed to whoever may see the client
 * (secureActions: `rights: { activeContracts: 'show' }`).
 */
export const activeContractsAction = (dataSource: DataSource): Partial<Action<RecordActionResponse>> => ({
  name: 'activeContracts',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (_request, _response, context) => {
    const record = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    const activeContracts = await activeContractsOf(dataSource, Number(context.record?.id()))
    return { record, activeContracts } as RecordActionResponse
  },
})
