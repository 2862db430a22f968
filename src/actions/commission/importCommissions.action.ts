import {
  ValidationError,
  type Action,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
} from 'adminjs'
import type { DataSource } from 'typeorm'
import { ImportBatch } from '../../entities/ImportBatch.js'
import { Setting } from '../../entities/Setting.js'
import type { CommissionImport } from '../../services/import/commissionImport.js'
import { checkLines, isRecordTooLarge, records } from '../../services/import/csvSource.js'
import { importUploads } from '../../services/import/importUploads.js'
import {
  IMPORT_FIELDS,
  proposeMapping,
  readMapping,
  REQUIRED_FIELDS,
} from '../../services/import/importRows.js'
import { actorOf } from '../core/actionResponses.js'

const MAPPINGS_KEY = 'importMappings'
const SHOWN_ERRORS = 5000
const PREVIEW_CHARS = 200

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

/** Maps the parser's refusal of an over-long record to the file's field error. */
async function reading<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isRecordTooLarge(error)) return fail('file', 'importLineTooLong')
    throw error
  }
}

/**
 * The upload step: only the multipart parser's own temp file (never a path from the body), checked
 * against the limits before it is parsed (size, line lengths, then columns), then kept under an id.
 */
async function upload(deps: ImportActionDeps, request: unknown): Promise<ActionResponse> {
  const limits = deps.commissionImport.limits
  const file = await importUploads.received(request, 'file', limits.uploadDir)
  if (!file || file.size === 0) return fail('file', 'importNoFile')
  if (file.size > limits.maxFileBytes) return fail('file', 'importFileTooLarge')
  const tooLong = await checkLines(file.path, limits)
  if (tooLong) return fail('file', tooLong)
  const layout = await reading(() => deps.commissionImport.readLayout(file.path))
  if (layout.headers.length > limits.maxColumns) return fail('file', 'importTooManyColumns')
  if (layout.headers.filter(Boolean).length < 2) return fail('file', 'importNotCsv')
  const preview = await reading(async () => {
    const rows: string[][] = []
    for await (const record of records(file.path, layout)) {
      // A preview: a few rows, each value cut short (a line may hold up to maxLineBytes).
      rows.push(record.values.map((value) => value.slice(0, PREVIEW_CHARS)))
      if (rows.length >= 5) break
    }
    return rows
  })
  const uploadId = await importUploads.keep(file)
  return {
    importUpload: {
      uploadId,
      fileName: file.name,
      layout,
      proposed: proposeMapping(layout.headers),
      preview,
    },
  }
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

    // Whatever the step, a temp file the parser wrote for this request does not outlive it.
    try {
      if (step === 'upload') return await upload(deps, request)
      return await laterStep(deps, request, context, payload, step)
    } finally {
      await importUploads.discardReceived(request, deps.commissionImport.limits.uploadDir)
    }
  },
})

/** Mapping, dry run and import: on an upload kept by its id. */
async function laterStep(
  deps: ImportActionDeps,
  request: ActionRequest,
  context: ActionContext,
  payload: Payload,
  step: string,
): Promise<ActionResponse> {
  const path = await importUploads.path(payload.uploadId)
  if (!path) return fail('file', 'importUploadGone')
  const layout = await reading(() => deps.commissionImport.readLayout(path))
  const mapping = readMapping(payload.mapping, layout.headers.length)
  const missing = deps.commissionImport.missingFields(mapping)
  if (missing.length > 0) return fail('mapping', 'importMappingIncomplete')

  if (step === 'dryRun') {
    const report = await reading(() => deps.commissionImport.dryRun(path, mapping, { sample: 20 }))
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
}
