import type { Action, RecordActionResponse } from 'adminjs'
import { clientIdOf, fileRights, seesAdminOnlyFiles, type ClientFileActionDeps } from './clientFileAccess.js'

/**
 * The Files tab's rows: `GET …/records/:id/clientFiles`, the client's files this admin may see
 * (support: those marked "support too") and what it may do with them. Read-only, hidden, allowed
 * to whoever may see the client (`rights: { clientFiles: 'show' }`).
 */
export const clientFilesAction = (deps: ClientFileActionDeps): Partial<Action<RecordActionResponse>> => ({
  name: 'clientFiles',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (_request, _response, context) => {
    const record = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    const files = await deps.clientFiles.list(
      clientIdOf(context),
      seesAdminOnlyFiles(deps.access, context.currentAdmin),
    )
    return { record, files, rights: fileRights(deps, context) } as RecordActionResponse
  },
})
