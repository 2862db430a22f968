import type { Action, RecordActionResponse } from 'adminjs'
import { InvalidInputError } from '../../services/core/errors.js'
import { importUploads } from '../../services/import/importUploads.js'
import { actorOf, refusalResponse } from '../core/clientActionSpecs.js'
import {
  clientIdOf,
  requirePost,
  seesAdminOnlyFiles,
  statusForRefusal,
  type ClientFileActionDeps,
} from './clientFileAccess.js'

/**
 * Keeps one file on the client: `POST …/records/:id/uploadFile`, multipart with `file`, `note`
 * and `visibility` (`admins` or `support`); the page sends several files one request each, for
 * a progress bar per file. Only the multipart parser's own temp file counts (never a path in the
 * body); its size, its type read from the bytes, the name and note are checked by the service.
 * Any other method is a 405; the temp files never outlive the request.
 */
export const uploadFileAction = (deps: ClientFileActionDeps): Partial<Action<RecordActionResponse>> => ({
  name: 'uploadFile',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (request, _response, context) => {
    try {
      requirePost(request)
      const record = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
      const upload = await importUploads.received(request, 'file', deps.uploadDir)
      try {
        if (!upload) throw new InvalidInputError({ file: 'fileRequired' })
        const payload = (request.payload ?? {}) as Record<string, unknown>
        // A role that cannot see "admins only" files cannot file one either (it would lose it at once).
        const adminOnly = seesAdminOnlyFiles(deps.access, context.currentAdmin)
        if (!adminOnly && payload.visibility !== undefined && payload.visibility !== 'support')
          throw new InvalidInputError({ visibility: 'invalidValue' })
        const file = await deps.clientFiles.add(actorOf(request, context), clientIdOf(context), upload, {
          note: payload.note,
          visibility: payload.visibility ?? (adminOnly ? 'admins' : 'support'),
        })
        return {
          record,
          file,
          notice: { message: 'fileAdded', type: 'success', resourceId: 'Client' },
        } as RecordActionResponse
      } catch (error) {
        statusForRefusal(request, error)
        return refusalResponse(error, context) as RecordActionResponse
      }
    } finally {
      await importUploads.discardReceived(request, deps.uploadDir)
    }
  },
})
