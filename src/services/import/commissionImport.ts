import type { DataSource } from 'typeorm'
import { ImportBatch, type ImportRowError } from '../../entities/ImportBatch.js'
import type { Actor } from '../core/actor.js'
import { readLayout, type CsvLayout } from './csvSource.js'
import { dryRunImport, type DryRunReport } from './dryRunImport.js'
import { savedMappings, saveMapping, type SavedMappings } from './importMappings.js'
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField, type ImportMapping } from './importRows.js'
import { ImportRunner } from './importRunner.js'
import { importUploads, resolveImportLimits, type ImportLimits } from './importUploads.js'
import { undoImport, type UndoneImport } from './undoImport.js'
import { openUpload, readingFile, receiveUpload, type AcceptedUpload } from './uploadedFile.js'

export { IMPORT_CHUNK } from './readChunks.js'
export type { ImportCounts } from './importCounts.js'
export type { ClientMatch, ContractMatch, RowOutcome } from './importState.js'
export type { DryRunReport } from './dryRunImport.js'

/** What the import page starts from: the fields to map and the mappings saved by name. */
export interface ImportSetup {
  fields: readonly ImportField[]
  required: ImportField[]
  saved: SavedMappings
}

/**
 * The commission import: a CSV read in a stream, each row matched to a client (client number,
 * else email, else a close name at the same advisor, with the score) and a contract (reference),
 * or planned to create them. The dry run plans every row and writes nothing; the import plans
 * and writes chunk by chunk, one transaction each, and records an ImportBatch; undo removes
 * what a batch created and nothing else uses. The steps live in this folder; this class only
 * hands them their dependencies.
 */
export class CommissionImport {
  private readonly runner: ImportRunner

  constructor(
    private readonly dataSource: DataSource,
    /** Bounds of an upload: its size, line lengths and columns, and the parser's upload directory. */
    readonly limits: ImportLimits = resolveImportLimits(undefined),
  ) {
    this.runner = new ImportRunner(dataSource)
  }

  readLayout(path: string): Promise<CsvLayout> {
    return readLayout(path)
  }

  /** Fields the mapping must give a column to before anything runs. */
  missingFields(mapping: ImportMapping): string[] {
    return REQUIRED_FIELDS.filter((field) => mapping[field] === undefined)
  }

  dryRun(
    path: string,
    mapping: ImportMapping,
    options: { onError?: (error: ImportRowError) => void; sample?: number } = {},
  ): Promise<DryRunReport> {
    return dryRunImport(this.dataSource, path, mapping, options)
  }

  /**
   * Starts an import and returns its batch at once; the rows are written in the background,
   * the batch's counters moving after each chunk. `finished(batchId)` waits for the end.
   */
  start(actor: Actor, path: string, fileName: string, mapping: ImportMapping): Promise<ImportBatch> {
    return this.runner.start(actor, path, fileName, mapping)
  }

  /** The batch once its import has ended (at once if it is not running in this process). */
  finished(batchId: number): Promise<ImportBatch> {
    return this.runner.finished(batchId)
  }

  /** Removes what a batch created and nothing else uses; throws ImportUndoRefused if it cannot. */
  undo(actor: Actor, batchId: number): Promise<UndoneImport> {
    return undoImport(this.dataSource, actor, batchId)
  }

  // The page's steps, each one call: field errors are InvalidInputError.

  async setup(): Promise<ImportSetup> {
    return { fields: IMPORT_FIELDS, required: REQUIRED_FIELDS, saved: await savedMappings(this.dataSource) }
  }

  /** A batch as it stands, for the progress bar; null if there is none. */
  batch(batchId: number): Promise<ImportBatch | null> {
    return this.dataSource.getRepository(ImportBatch).findOneBy({ id: batchId })
  }

  receiveUpload(request: unknown): Promise<AcceptedUpload> {
    return receiveUpload(request, this.limits)
  }

  async dryRunUpload(uploadId: unknown, rawMapping: unknown): Promise<DryRunReport> {
    const { path, mapping } = await openUpload(uploadId, rawMapping)
    return readingFile(() => this.dryRun(path, mapping, { sample: 20 }))
  }

  /** Saves the mapping if it is named, then starts the import of a kept upload. */
  async startUpload(
    actor: Actor,
    given: { uploadId: unknown; mapping: unknown; fileName: unknown; mappingName: unknown },
  ): Promise<ImportBatch> {
    const { path, mapping } = await openUpload(given.uploadId, given.mapping)
    await saveMapping(this.dataSource, actor, given.mappingName, mapping)
    return this.start(actor, path, String(given.fileName ?? 'import.csv'), mapping)
  }

  /** Whatever the step, a temp file the parser wrote for this request does not outlive it. */
  discardReceived(request: unknown): Promise<void> {
    return importUploads.discardReceived(request, this.limits.uploadDir)
  }
}
