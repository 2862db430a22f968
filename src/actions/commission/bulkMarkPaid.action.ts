// Mark the selected commissions paid (those pending); GET shows the confirmation; refusals are notices.
import { markCommissionsPaid } from '../../services/lifecycle/commissionPayments.js'
import { bulkFormAction } from '../core/bulkFormAction.js'
import type { ClientActionDeps } from '../core/clientActionSpecs.js'

export const bulkMarkPaidAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkMarkPaid',
    icon: 'CheckSquare',
    handler: ({ ids }) => markCommissionsPaid(lifecycle, ids),
    notice: ({ paid, skipped }) => ({
      message: 'commissionsMarkedPaid',
      type: 'success',
      resourceId: 'Commission',
      options: { count: paid, skipped },
    }),
  })
