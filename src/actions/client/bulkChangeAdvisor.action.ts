import type { DataSource } from 'typeorm'
import { contractBulkAction } from '../contract/contractBulkAction.js'

/** Give the selected contracts another advisor (by code): one event per client concerned. */
export const bulkChangeAdvisorAction = (dataSource: DataSource, components: { ClientActionForm: string }) =>
  contractBulkAction(dataSource, components, {
    name: 'bulkChangeAdvisor',
    icon: 'UserCheck',
    field: 'advisorCode',
  })
