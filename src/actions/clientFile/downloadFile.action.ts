import { NotFoundError } from 'adminjs'
import type { DownloadAction } from '../../services/core/downloads.js'
import { ClientActionRefused } from '../../services/core/errors.js'
import { seesAdminOnlyFiles, type ClientFileActionDeps } from './clientFileAccess.js'

/**
 * Downloads one of the client's files through the router's download route:
 * `POST …/api/resources/Client/records/:id/download/downloadFile` with `fileId`. The file must be
 * this client's and of a visibility this admin may see (else 404, whether it exists or not); an
 * audit entry per download; sent as an attachment with our safe name and `nosniff`.
 */
export const downloadFileAction = (deps: ClientFileActionDeps): DownloadAction => ({
  name: 'downloadFile',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (_request, _response, context) => ({ record: context.record?.toJSON(context.currentAdmin) }),
  download: async ({ record, params, currentAdmin, actor }, sink) => {
    let opened
    try {
      opened = await deps.clientFiles.open(
        actor,
        Number(record?.id()),
        params.fileId,
        seesAdminOnlyFiles(deps.access, currentAdmin),
      )
    } catch (error) {
      if (error instanceof ClientActionRefused) throw new NotFoundError('fileNotFound', 'downloadFile')
      throw error
    }
    sink.start(opened.name, opened.type)
    for await (const chunk of opened.stream) await sink.write(chunk as Uint8Array)
  },
})
