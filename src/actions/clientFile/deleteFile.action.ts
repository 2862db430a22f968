import type { Action, RecordActionResponse } from 'adminjs'
import { actorOf, refusalResponse } from '../core/clientActionSpecs.js'
import { clientIdOf, requirePost, statusForRefusal, type ClientFileActionDeps } from './clientFileAccess.js'

/**
 * Deletes one of the client's files: `POST …/records/:id/deleteFile` with `fileId`; a file of
 * another client is `notFound`. A `file_deleted` event; the bytes go after the commit.
 */
export const deleteFileAction = (deps: ClientFileActionDeps): Partial<Action<RecordActionResponse>> => ({
  name: 'deleteFile',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (request, _response, context) => {
    requirePost(request)
    const record = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    const fileId = ((request.payload ?? {}) as Record<string, unknown>).fileId
    try {
      await deps.clientFiles.remove(actorOf(request, context), clientIdOf(context), fileId)
      return { record, notice: { message: 'fileDeleted', type: 'success', resourceId: 'Client' } }
    } catch (error) {
      statusForRefusal(request, error)
      return refusalResponse(error, context) as RecordActionResponse
    }
  },
})
