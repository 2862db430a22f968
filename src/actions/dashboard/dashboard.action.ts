import type { PageHandler } from 'adminjs'
import type { DataSource } from 'typeorm'
import type { AccessControl } from '../../services/core/accessControl.js'
import { clientDashboard } from '../../services/list/clientDashboard.js'

/**
 * The home page's data (AdminJS's `dashboard.handler`): counts by status, new clients this month,
 * those waiting for confirmation, the latest actions. Only for a role that may list clients.
 */
export const dashboardHandler =
  (dataSource: DataSource, access: AccessControl): PageHandler =>
  async (_request, _response, context) => {
    if (!access.can(context.currentAdmin, 'Client', 'list')) return { forbidden: true }
    return { dashboard: await clientDashboard(dataSource) }
  }
