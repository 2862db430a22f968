import type { DataSource } from 'typeorm'
import { markCommissionsPaid } from '../../services/lifecycle/commissionPayments.js'
import { formBulkAction } from '../core/formBulkAction.js'

/** Mark the selected commissions paid (those pending); GET shows the confirmation; refusals are notices. */
export const bulkMarkPaidAction = (dataSource: DataSource, components: { ClientActionForm: string }) =>
  formBulkAction(components, {
    name: 'bulkMarkPaid',
    icon: 'CheckSquare',
    resourceId: 'Commission',
    success: 'commissionsMarkedPaid',
    onPost: async (ids) => {
      const { paid, skipped } = await markCommissionsPaid(dataSource, ids)
      return { count: paid, skipped }
    },
  })
