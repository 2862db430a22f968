import type { Action, CurrentAdmin, RecordActionResponse } from 'adminjs'
import type { HostTab } from '../../shared/clientPageTabs.js'
import { builtInTabCounts, hostTabCount, type TabCounts } from '../../services/list/clientTabCounts.js'
import type { DataSource } from 'typeorm'

/**
 * The count of every tab of the client page: `GET …/records/:id/tabCounts`. One statement for
 * the plugin's tabs, one count per host tab. Read-only, hidden, allowed to whoever may see the
 * client (secureActions: `rights: { tabCounts: 'show' }`).
 */
export const clientTabCountsAction = (
  dataSource: DataSource,
  hostTabs: readonly HostTab[],
  /** The Files tab's count: the files this admin may see. */
  fileCount?: (clientId: number, admin: CurrentAdmin | undefined) => Promise<number>,
): Partial<Action<RecordActionResponse>> => ({
  name: 'tabCounts',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (_request, _response, context) => {
    const record = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    const id = Number(context.record?.id())
    const advisorId = context.record?.get('advisorId')
    const [builtIn, ...hosts] = await Promise.all([
      builtInTabCounts(dataSource, { id, advisorId: advisorId ? Number(advisorId) : null }),
      ...hostTabs.map((tab) =>
        hostTabCount(
          context._admin.resources.find((r) => r.id() === tab.resourceId),
          tab,
          id,
          context.currentAdmin,
        ),
      ),
    ])
    const counts: TabCounts = { ...builtIn }
    if (fileCount) counts.files = await fileCount(id, context.currentAdmin)
    hostTabs.forEach((tab, i) => {
      const count = hosts[i]
      if (typeof count === 'number') counts[tab.resourceId] = count
    })
    return { record, counts } as RecordActionResponse
  },
})
