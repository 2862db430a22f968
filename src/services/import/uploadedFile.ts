import type { DataSource } from 'typeorm'
import type { ImportUpload } from '../../entities/ImportUpload.js'
import { InvalidInputError } from '../core/errors.js'
import type { ByteSource } from './byteSource.js'
import { checkLines, isRecordTooLarge, readLayout, records, type CsvLayout } from './csvSource.js'
import { proposeMapping, readMapping, REQUIRED_FIELDS, type ImportMapping } from './importRows.js'
import { importUploads, type ImportLimits } from './importUploads.js'
import { findStoredUpload, storeUpload, sweepUploads, uploadBytes } from './uploadStore.js'

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
  upload: ImportUpload
  bytes: ByteSource
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
 * against the limits before it is parsed (size, line lengths, then columns), then kept in the
 * database under an id (any instance serves the next steps); the temp file goes with the request.
 */
export async function receiveUpload(
  dataSource: DataSource,
  request: unknown,
  limits: ImportLimits,
  now: number,
): Promise<AcceptedUpload> {
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
  await sweepUploads(dataSource, now)
  const uploadId = await storeUpload(
    dataSource,
    file.path,
    { fileName: file.name, size: file.size, layout },
    now,
  )
  return { uploadId, fileName: file.name, layout, proposed: proposeMapping(layout.headers), preview }
}

/**
 * A kept upload by its id, not yet taken by an import, with a complete mapping; field errors for
 * an upload gone (swept, imported, never there) or a missing column.
 */
export async function openUpload(
  dataSource: DataSource,
  uploadId: unknown,
  rawMapping: unknown,
): Promise<OpenedUpload> {
  const upload = await findStoredUpload(dataSource, uploadId)
  if (!upload || !upload.layout || upload.batchId !== null) return refuse('file', 'importUploadGone')
  const layout = upload.layout
  const mapping = readMapping(rawMapping, layout.headers.length)
  if (REQUIRED_FIELDS.some((field) => mapping[field] === undefined))
    return refuse('mapping', 'importMappingIncomplete')
  return { upload, bytes: uploadBytes(dataSource, upload), layout, mapping }
}
