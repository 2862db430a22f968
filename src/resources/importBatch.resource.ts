import type { ResourceWithOptions } from 'adminjs'
import { ImportBatch } from '../entities/ImportBatch.js'
import { IMPORT_STATUSES } from '../entities/columns.js'
import { undoImportAction } from '../actions/importBatch/undoImport.action.js'
import type { ClientAction } from '../actions/core/clientActionSpecs.js'
import { secureActions, valuesOf } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

/** Commission imports: read-only, written by the import itself; `undoImport` reverts one. */
export function createImportBatchResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: ImportBatch,
    options: {
      id: deps.ids.ImportBatch,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['createdAt', 'fileName', 'actor', 'status', 'rowsRead', 'rowsImported', 'rowsFailed'],
      filterProperties: ['status', 'actor', 'fileName', 'createdAt'],
      showProperties: [
        'createdAt',
        'fileName',
        'actor',
        'status',
        'rowsRead',
        'rowsImported',
        'rowsFailed',
        'commissionsCreated',
        'clientsCreated',
        'clientsMatched',
        'contractsCreated',
        'failure',
        'errors',
        'identityDecisions',
        'attempts',
        'finishedAt',
        'undoneAt',
        'undoneBy',
      ],
      properties: {
        fileName: { isTitle: true },
        status: { availableValues: valuesOf(IMPORT_STATUSES) },
        errors: { type: 'textarea' },
        identityDecisions: { type: 'textarea' },
        mapping: { isVisible: false },
        failure: { type: 'textarea' },
      },
      actions: secureActions(deps, {
        resourceId: 'ImportBatch',
        entity: ImportBatch,
        disabled: ['new', 'edit', 'delete', 'bulkDelete'],
        custom: { undoImport: undoImportAction(deps.commissionImport, deps.components) as ClientAction },
      }),
    },
  }
}
