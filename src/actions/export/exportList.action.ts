import type { ComponentIds } from '../../components/index.js'
import type { ListExport } from '../../services/export/listExport.js'
import type { ExportableResource } from '../../shared/exportColumns.js'
import type { DownloadAction } from '../../services/core/downloads.js'
import type { AccessControl } from '../../services/core/accessControl.js'
import { GROUP_MENUS } from '../core/actionMenus.js'
import { seesAdminOnlyFields } from '../customFields/customValues.action.js'

export interface ExportActionDeps {
  listExport: ListExport
  components: ComponentIds
  access: AccessControl
}

/**
 * Export: the list as it is filtered and sorted, as CSV for Excel. The button opens a drawer
 * (components/export/ExportForm.tsx) to choose the columns, which downloads through the
 * router's download route; the action's own handler answers the drawer and changes nothing.
 * Its right is its own (`Client.export`…): reading a list is not taking it away.
 */
export const exportListAction = (deps: ExportActionDeps, resource: ExportableResource): DownloadAction => ({
  name: 'export',
  actionType: 'resource',
  icon: 'Download',
  component: deps.components.ExportForm,
  showInDrawer: true,
  handler: async () => ({}),
  download: async ({ params, actor, currentAdmin }, sink) => {
    const plan = await deps.listExport.plan({
      resource,
      params,
      columns: params.columns,
      language: params.lang,
      // A custom field marked "admins only" is no column for who may not see it.
      adminOnlyFields: seesAdminOnlyFields(deps.access, currentAdmin),
    })
    sink.start(plan.fileName, 'text/csv; charset=utf-8')
    await deps.listExport.run(plan, actor, (chunk) => sink.write(chunk))
  },
})

/**
 * A client's history tab as CSV: the tab's own query, in keyset pages. From the tab's Export
 * button (every column), or the Contact menu (the same drawer as a list's, to choose columns).
 */
export const exportHistoryAction = (deps: ExportActionDeps): DownloadAction => ({
  name: 'exportHistory',
  actionType: 'record',
  icon: 'Download',
  parent: GROUP_MENUS.contact,
  component: deps.components.ExportForm,
  showInDrawer: true,
  guard: '',
  handler: async (_request, _response, context) => ({ record: context.record?.toJSON(context.currentAdmin) }),
  download: async ({ params, actor, record }, sink) => {
    const plan = await deps.listExport.plan({
      resource: 'ClientHistory',
      params: {},
      clientId: Number(record?.id()),
      columns: params.columns,
      language: params.lang,
    })
    sink.start(plan.fileName, 'text/csv; charset=utf-8')
    await deps.listExport.run(plan, actor, (chunk) => sink.write(chunk))
  },
})
