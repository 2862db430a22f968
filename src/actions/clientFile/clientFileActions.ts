import type { ClientAction } from '../core/clientActionSpecs.js'
import type { AccessControl } from '../../services/core/accessControl.js'
import type { ClientFiles } from '../../services/files/clientFiles.js'
import type { ImportLimits } from '../../services/import/importUploads.js'
import { clientFilesAction } from './clientFiles.action.js'
import { deleteFileAction } from './deleteFile.action.js'
import { downloadFileAction } from './downloadFile.action.js'
import { uploadFileAction } from './uploadFile.action.js'

/** The Files tab's actions on the Client resource (issue 28), all hidden: the tab calls them. */
export function clientFileActions(deps: {
  clientFiles: ClientFiles
  access: AccessControl
  commissionImport?: { limits: Pick<ImportLimits, 'uploadDir'> }
}): Record<string, ClientAction> {
  const own = {
    clientFiles: deps.clientFiles,
    access: deps.access,
    uploadDir: deps.commissionImport?.limits.uploadDir ?? '',
  }
  return {
    clientFiles: clientFilesAction(own) as ClientAction,
    uploadFile: uploadFileAction(own) as ClientAction,
    downloadFile: downloadFileAction(own) as ClientAction,
    deleteFile: deleteFileAction(own) as ClientAction,
  }
}
