import type { DataSource } from 'typeorm'
import { contractBulkAction } from './contractBulkAction.js'

/** Give the selected contracts another status: one event per client concerned. */
export const bulkChangeStatusAction = (dataSource: DataSource, components: { ClientActionForm: string }) =>
  contractBulkAction(dataSource, components, { name: 'bulkChangeStatus', icon: 'Flag', field: 'status' })
