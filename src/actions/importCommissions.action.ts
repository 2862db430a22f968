import { ValidationError, type Action, type ActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { ImportBatch } from '../entities/ImportBatch.js'
import { Setting } from '../entities/Setting.js'
import type { CommissionImport } from '../services/commissionImport.js'
import { records } from '../services/csvSource.js'
import { importUploads } from '../services/importUploads.js'
import { IMPORT_FIELDS, proposeMapping, readMapping, REQUIRED_FIELDS } from '../services/importRows.js'
import { actorOf } from './actionResponses.js'

const MAPPINGS_KEY = 'importMappings'
const SHOWN_ERRORS = 5000

export interface ImportActionDeps {
  dataSource: DataSource
  commissionImport: CommissionImport
  components: { CommissionImport: string }
}

type Payload = Record<string, unknown>
const fail = (field: string, message: string): never => {
  throw new ValidationError({ [field]: { message, type: message } })
}

async function savedMappings(dataSource: DataSource): Promise<Record<string, Record<string, number>>> {
  const row = await dataSource.getRepository(Setting).findOneBy({ key: MAPPINGS_KEY })
  return (row?.value as Record<string, Record<string, number>> | undefined) ?? {}
}

/**
 * The commission import page (a resource action on Commission): upload a CSV, map its columns
 * (proposed from the headers, or a mapping saved by name), dry run, import with a progress bar.
 * Each POST is one step, named by `step`; a GET gives the setup, or a batch's progress with
 * `?batchId=`. The rules are in services/commissionImport.ts.
 */
export const importCommissionsAction = (deps: ImportActionDeps): Partial<Action<ActionResponse>> => ({
  name: 'importCommissions',
  actionType: 'resource',
  icon: 'Upload',
  component: deps.components.CommissionImport,
  showInDrawer: false,
  handler: async (request, _response, context) => {
    if (request.method !== 'post') {
      const batchId = Number((request.query as Payload | undefined)?.batchId)
      if (Number.isInteger(batchId) && batchId > 0) {
        const batch = await deps.dataSource.getRepository(ImportBatch).findOneBy({ id: batchId })
        return { importBatch: batch }
      }
      return {
        importSetup: {
          fields: IMPORT_FIELDS,
          required: REQUIRED_FIELDS,
          saved: await savedMappings(deps.dataSource),
        },
      }
    }
    const payload = (request.payload ?? {}) as Payload
    const step = String(payload.step ?? '')

    if (step === 'upload') {
      const file = payload.file as { path?: string; name?: string; size?: number } | undefined
      if (!file?.path || !file.size) return fail('file', 'importNoFile')
      const uploadId = await importUploads.keep(file.path)
      const path = (await importUploads.path(uploadId)) as string
      const layout = await deps.commissionImport.readLayout(path)
      if (layout.headers.filter(Boolean).length < 2) return fail('file', 'importNotCsv')
      const preview: string[][] = []
      for await (const record of records(path, layout)) {
        preview.push(record.values)
        if (preview.length >= 5) break
      }
      return {
        importUpload: {
          uploadId,
          fileName: String(file.name ?? 'import.csv').slice(0, 255),
          layout,
          proposed: proposeMapping(layout.headers),
          preview,
        },
      }
    }

    const path = await importUploads.path(payload.uploadId)
    if (!path) return fail('file', 'importUploadGone')
    const layout = await deps.commissionImport.readLayout(path)
    const mapping = readMapping(payload.mapping, layout.headers.length)
    const missing = deps.commissionImport.missingFields(mapping)
    if (missing.length > 0) return fail('mapping', 'importMappingIncomplete')

    if (step === 'dryRun') {
      const report = await deps.commissionImport.dryRun(path, mapping, { sample: 20 })
      return { importDryRun: { ...report, errors: report.errors.slice(0, SHOWN_ERRORS) } }
    }

    if (step === 'import') {
      const name = String(payload.mappingName ?? '')
        .trim()
        .slice(0, 60)
      if (name) {
        const saved = await savedMappings(deps.dataSource)
        await deps.dataSource.getRepository(Setting).save({
          key: MAPPINGS_KEY,
          value: { ...saved, [name]: mapping },
          updatedBy: actorOf(request, context).email,
        })
      }
      const fileName = String(payload.fileName ?? 'import.csv')
      const batch = await deps.commissionImport.start(actorOf(request, context), path, fileName, mapping)
      return {
        importBatch: batch,
        notice: { message: 'importStarted', type: 'info', resourceId: 'Commission' },
      }
    }
    return fail('step', 'importUnknownStep')
  },
})
