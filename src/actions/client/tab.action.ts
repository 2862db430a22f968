import { ValidationError, type Action, type RecordActionResponse } from 'adminjs'
import { DATA_TABS, readPaging, type DataTab, type HostTab } from '../../shared/clientPageTabs.js'
import { readHostTab, type ClientTabs } from '../../services/list/clientTabs.js'

const isDataTab = (name: string): name is DataTab => (DATA_TABS as readonly string[]).includes(name)

/**
 * One page of a tab of the client page: `GET …/records/:id/tab?tab=contracts&page=2&perPage=20`.
 * Read-only whatever the method, hidden from the panel's buttons; whoever may see the client
 * may read its tabs (secureActions: `rights: { tab: 'show' }`). Bad input answers with field
 * errors (`tab`, `page`, `perPage`), never a 500.
 */
export const clientTabAction = (
  tabs: ClientTabs,
  hostTabs: readonly HostTab[],
): Partial<Action<RecordActionResponse>> => ({
  name: 'tab',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (request, _response, context) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    const name = String(query.tab ?? '')
    const host = hostTabs.find((t) => t.resourceId === name)
    if (!isDataTab(name) && !host)
      throw new ValidationError({ tab: { message: 'unknownTab', type: 'unknownTab' } })
    const paging = readPaging(query)
    if ('error' in paging) {
      const field = paging.error === 'badPage' ? 'page' : 'perPage'
      throw new ValidationError({ [field]: { message: paging.error, type: paging.error } })
    }
    const record = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    const id = Number(context.record?.id())
    if (host) {
      const page = await readHostTab(
        context._admin.resources.find((r) => r.id() === host.resourceId),
        host,
        id,
        paging,
        context.currentAdmin,
      )
      if ('error' in page) {
        return { record, notice: { message: page.error, type: 'error', resourceId: 'Client' } }
      }
      return { record, tab: page }
    }
    const advisorId = context.record?.get('advisorId')
    const page = await tabs.read(
      name as DataTab,
      { id, advisorId: advisorId ? Number(advisorId) : null },
      paging,
    )
    return { record, tab: page }
  },
})
