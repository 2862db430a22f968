import type { Action, ActionResponse } from 'adminjs'
import type { CommissionImport } from '../../services/import/commissionImport.js'
import { InvalidInputError } from '../../services/core/errors.js'
import { actorOf, refusalResponse } from '../core/clientActionSpecs.js'
import type { AccessControl } from '../../services/core/accessControl.js'

export interface ImportActionDeps {
  commissionImport: CommissionImport
  components: { CommissionImport: string }
  /** The admin's rights: to create tags (a file's unknown tags), to fill admin-only custom fields. */
  access?: Pick<AccessControl, 'can'> | null
}

type Payload = Record<string, unknown>

/**
 * The commission import page (a resource action on Commission): upload a CSV, map its columns
 * (proposed from the headers, or a mapping saved by name), dry run, import with a progress bar.
 * Each POST is one step, named by `step`, and one call of the import service; a GET gives the
 * setup, or a batch's progress with `?batchId=`. The rules are in services/import/.
 */
export const importCommissionsAction = (deps: ImportActionDeps): Partial<Action<ActionResponse>> => ({
  name: 'importCommissions',
  actionType: 'resource',
  icon: 'Upload',
  component: deps.components.CommissionImport,
  showInDrawer: false,
  handler: async (request, _response, context) => {
    const importer = deps.commissionImport
    // What the admin may do beyond importing: create the file's unknown tags, fill admin-only fields.
    const rights = {
      createTags: deps.access?.can(context.currentAdmin, 'Tag', 'new') ?? true,
      adminOnlyFields: deps.access?.can(context.currentAdmin, 'Client', 'adminOnlyFields') ?? true,
    }
    if (request.method !== 'post') {
      const batchId = Number((request.query as Payload | undefined)?.batchId)
      if (Number.isInteger(batchId) && batchId > 0) return { importBatch: await importer.batch(batchId) }
      return { importSetup: await importer.setup(rights) }
    }
    const payload = (request.payload ?? {}) as Payload
    const step = String(payload.step ?? '')
    try {
      if (step === 'upload') return { importUpload: await importer.receiveUpload(request) }
      if (step === 'dryRun')
        return {
          importDryRun: await importer.dryRunUpload(
            payload.uploadId,
            payload.mapping,
            payload.decisions,
            rights,
          ),
        }
      if (step === 'import') {
        const batch = await importer.startUpload(
          actorOf(request, context),
          {
            uploadId: payload.uploadId,
            mapping: payload.mapping,
            fileName: payload.fileName,
            mappingName: payload.mappingName,
            decisions: payload.decisions,
          },
          rights,
        )
        return {
          importBatch: batch,
          notice: { message: 'importStarted', type: 'info', resourceId: 'Commission' },
        }
      }
      throw new InvalidInputError({ step: 'importUnknownStep' })
    } catch (error) {
      // Field errors (a bad file, a missing column) become AdminJS's ValidationError.
      return refusalResponse(error, context)
    } finally {
      // Whatever the step, a temp file the parser wrote for this request does not outlive it.
      await importer.discardReceived(request)
    }
  },
})
