import type { ResourceWithOptions } from 'adminjs'
import { Contract } from '../entities/Contract.js'
import { CONTRACT_STATUSES } from '../entities/columns.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { bulkChangeAdvisorAction } from '../actions/client/bulkChangeAdvisor.action.js'
import { bulkChangeStatusAction } from '../actions/contract/bulkChangeStatus.action.js'
import { recordListHandler } from '../actions/core/recordListHandler.js'
import { exportListAction } from '../actions/export/exportList.action.js'
import { savedViewActions } from '../actions/views/savedViewActions.js'
import { CONTRACT_LIST_COLUMNS } from '../shared/savedViews.js'
import { formatted } from './formattedProperty.js'
import { secureActions, valuesOf } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

const EDITABLE = [
  'reference',
  'clientId',
  'advisorId',
  'product',
  'status',
  'startDate',
  'endDate',
  'premium',
]

export function createContractResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: Contract,
    options: {
      id: deps.ids.Contract,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      // A saved view may show fewer of them (shared/savedViews.ts).
      listProperties: [...CONTRACT_LIST_COLUMNS],
      filterProperties: ['reference', 'clientId', 'advisorId', 'product', 'status', 'startDate'],
      editProperties: EDITABLE,
      properties: {
        reference: { isTitle: true },
        status: { availableValues: valuesOf(CONTRACT_STATUSES) },
        startDate: { type: 'date', ...formatted(deps, 'date') },
        endDate: { type: 'date', ...formatted(deps, 'date') },
        premium: formatted(deps, 'money'),
        createdAt: formatted(deps, 'dateTime'),
        updatedAt: formatted(deps, 'dateTime'),
      },
      actions: secureActions(deps, {
        resourceId: 'Contract',
        entity: Contract,
        editable: EDITABLE,
        rules: {
          required: ['reference', 'product'],
          unique: ['reference'],
          decimals: ['premium'],
          dates: ['startDate', 'endDate'],
        },
        // The list through the query service its export reads too.
        handlers: { list: recordListHandler(deps.contractList) },
        // The list with its saved views above it (the client list's bar, the contracts' views).
        components: { list: deps.components.ViewedList },
        // Reading the views of the list is reading the list; changing them is each action's right.
        rights: { savedViews: 'list' },
        custom: {
          ...(savedViewActions(deps, 'Contract') as Record<string, ClientAction>),
          export: exportListAction(deps, 'Contract') as ClientAction,
          bulkChangeAdvisor: bulkChangeAdvisorAction(deps) as ClientAction,
          bulkChangeStatus: bulkChangeStatusAction(deps) as ClientAction,
        },
      }),
    },
  }
}
