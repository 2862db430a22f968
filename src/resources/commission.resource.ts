import type { ResourceWithOptions } from 'adminjs'
import { Commission } from '../entities/Commission.js'
import { COMMISSION_STATUSES } from '../entities/columns.js'
import { importCommissionsAction } from '../actions/commission/importCommissions.action.js'
import { commissionTotalsAction } from '../actions/commission/commissionTotals.action.js'
import { bulkMarkPaidAction } from '../actions/commission/bulkMarkPaid.action.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { recordListHandler } from '../actions/core/recordListHandler.js'
import { exportListAction } from '../actions/export/exportList.action.js'
import { savedViewActions } from '../actions/views/savedViewActions.js'
import { COMMISSION_LIST_COLUMNS } from '../shared/savedViews.js'
import { formatted } from './formattedProperty.js'
import { secureActions, valuesOf } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

const EDITABLE = ['period', 'clientId', 'contractId', 'advisorId', 'amount', 'rate', 'status']

export function createCommissionResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: Commission,
    options: {
      id: deps.ids.Commission,
      navigation: deps.navigation,
      sort: { sortBy: 'period', direction: 'desc' },
      // A saved view may show fewer of them (shared/savedViews.ts).
      listProperties: [...COMMISSION_LIST_COLUMNS],
      filterProperties: ['period', 'clientId', 'contractId', 'advisorId', 'status', 'importBatchId'],
      editProperties: EDITABLE,
      properties: {
        period: { type: 'date', ...formatted(deps, 'month') },
        amount: formatted(deps, 'money'),
        rate: formatted(deps, 'percent'),
        createdAt: formatted(deps, 'dateTime'),
        status: { availableValues: valuesOf(COMMISSION_STATUSES) },
        importBatchId: {
          type: 'reference',
          reference: deps.ids.ImportBatch,
          isVisible: { list: false, filter: true, show: true, edit: false },
        },
      },
      actions: secureActions(deps, {
        resourceId: 'Commission',
        entity: Commission,
        editable: EDITABLE,
        rules: { required: ['period', 'amount'], decimals: ['amount', 'rate'], dates: ['period'] },
        components: { list: deps.components.CommissionList },
        // The list through the query service its totals and its export read too.
        handlers: { list: recordListHandler(deps.commissionList) },
        // The totals above the list read what the list shows; so do its saved views.
        rights: { totals: 'list', savedViews: 'list' },
        custom: {
          ...(savedViewActions(deps, 'Commission') as Record<string, ClientAction>),
          importCommissions: importCommissionsAction(deps),
          totals: commissionTotalsAction(deps.commissionList),
          export: exportListAction(deps, 'Commission') as ClientAction,
          bulkMarkPaid: bulkMarkPaidAction(deps) as ClientAction,
        },
      }),
    },
  }
}
