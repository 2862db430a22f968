import { InvalidInputError } from '../core/errors.js'
import { checkLines, isRecordTooLarge, readLayout, records, type CsvLayout } from './csvSource.js'
import { proposeMapping, readMapping, REQUIRED_FIELDS, type ImportMapping } from './importRows.js'
import { importUploads, type ImportLimits } from './importUploads.js'

const PREVIEW_ROWS = 5
const PREVIEW_CHARS = 200

/** What the mapping step shows of an accepted upload. */
export interface AcceptedUpload {
  uploadId: string
  fileName: string
  layout: CsvLayout
  proposed: ImportMapping
  preview: string[][]
}

/** A kept upload, reopened for a later step with the mapping the admin gave. */
export interface OpenedUpload {
  path: string
  layout: CsvLayout
  mapping: ImportMapping
}

const refuse = (field: string, message: string): never => {
  throw new InvalidInputError({ [field]: message })
}

/** Runs a read of the file; the parser's refusal of an over-long record is the file's field error. */
export async function readingFile<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isRecordTooLarge(error)) return refuse('file', 'importLineTooLong')
    throw error
  }
}

/**
 * The upload step: only the multipart parser's own temp file (never a path from the body), checked
 * against the limits before it is parsed (size, line lengths, then columns), then kept under an id.
 */
export async function receiveUpload(request: unknown, limits: ImportLimits): Promise<AcceptedUpload> {
  const file = await importUploads.received(request, 'file', limits.uploadDir)
  if (!file || file.size === 0) return refuse('file', 'importNoFile')
  if (file.size > limits.maxFileBytes) return refuse('file', 'importFileTooLarge')
  const tooLong = await checkLines(file.path, limits)
  if (tooLong) return refuse('file', tooLong)
  const layout = await readingFile(() => readLayout(file.path))
  if (layout.headers.length > limits.maxColumns) return refuse('file', 'importTooManyColumns')
  if (layout.headers.filter(Boolean).length < 2) return refuse('file', 'importNotCsv')
  const preview = await readingFile(async () => {
    const rows: string[][] = []
    for await (const record of records(file.path, layout)) {
      // A preview: a few rows, each value cut short (a line may hold up to maxLineBytes).
      rows.push(record.values.map((value) => value.slice(0, PREVIEW_CHARS)))
      if (rows.length >= PREVIEW_ROWS) break
    }
    return rows
  })
  const uploadId = await importUploads.keep(file)
  return { uploadId, fileName: file.name, layout, proposed: proposeMapping(layout.headers), preview }
}

/** A kept upload by its id, with a complete mapping; field errors for a gone file or a missing column. */
export async function openUpload(uploadId: unknown, rawMapping: unknown): Promise<OpenedUpload> {
  const path = await importUploads.path(uploadId)
  if (!path) return refuse('file', 'importUploadGone')
  const layout = await readingFile(() => readLayout(path))
  const mapping = readMapping(rawMapping, layout.headers.length)
  if (REQUIRED_FIELDS.some((field) => mapping[field] === undefined))
    return refuse('mapping', 'importMappingIncomplete')
  return { path, layout, mapping }
}
