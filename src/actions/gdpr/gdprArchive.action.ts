import type { ComponentIds } from '../../components/index.js'
import type { ClientGdpr } from '../../services/gdpr/clientGdpr.js'
import { GROUP_MENUS } from '../core/actionMenus.js'
import type { DownloadAction } from '../../services/core/downloads.js'

export interface GdprActionDeps {
  gdpr: ClientGdpr
  components: ComponentIds
}

/**
 * The client's data as a ZIP (GDPR access and portability). The drawer explains and downloads
 * through the router's download route (a POST: it writes the `data_exported` event); the
 * action's own handler only answers the drawer with the record.
 */
export const gdprArchiveAction = (deps: GdprActionDeps): DownloadAction => ({
  name: 'gdprArchive',
  actionType: 'record',
  parent: GROUP_MENUS.account,
  icon: 'Archive',
  component: deps.components.GdprArchive,
  showInDrawer: true,
  guard: '',
  handler: async (_request, _response, context) => ({ record: context.record?.toJSON(context.currentAdmin) }),
  download: async ({ record, actor }, sink) => {
    const { fileName, zip } = await deps.gdpr.archive(actor, Number(record?.id()))
    sink.start(fileName, 'application/zip')
    await sink.write(zip)
  },
})
