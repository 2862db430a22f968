import type { ResourceWithOptions } from 'adminjs'
import { AdminAuditEntry } from '../entities/AdminAuditEntry.js'
import { ADMIN_AUDIT_ACTIONS } from '../entities/columns.js'
import { secureActions, valuesOf } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

/**
 * The admin audit trail, read-only: exports (who, when, which filters and columns, how many
 * rows) and retention runs. Written by the services only; qualified rights only
 * (`AdminAuditEntry.list`): a role that may list everything does not read it by accident.
 */
export function createAdminAuditResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: AdminAuditEntry,
    options: {
      id: deps.ids.AdminAuditEntry,
      navigation: deps.navigation,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['createdAt', 'action', 'actor', 'resourceId', 'rowCount'],
      filterProperties: ['action', 'actor', 'resourceId', 'createdAt'],
      showProperties: ['createdAt', 'action', 'actor', 'ip', 'resourceId', 'rowCount', 'details'],
      properties: {
        action: { availableValues: valuesOf(ADMIN_AUDIT_ACTIONS) },
        details: { type: 'mixed', isSortable: false },
      },
      actions: secureActions(deps, {
        resourceId: 'AdminAuditEntry',
        entity: AdminAuditEntry,
        disabled: ['new', 'edit', 'delete', 'bulkDelete'],
      }),
    },
  }
}
