import { stat } from 'node:fs/promises'
import type { DataSource } from 'typeorm'
import { ImportBatch } from '../../entities/ImportBatch.js'
import { readDecisions, type IdentityDecisions } from '../../shared/identityConflict.js'
import type { Actor } from '../core/requestValues.js'
import type { PluginLogger } from '../core/pluginLogger.js'
import type { CsvInput } from './byteSource.js'
import { readLayout, type CsvLayout } from './csvSource.js'
import { dryRunImport, type DryRunOptions, type DryRunReport } from './dryRunImport.js'
import { ImportJobs } from './importJobs.js'
import { resolveJobOptions, type ImportJobOptions } from './importJobOptions.js'
import { savedMappings, saveMapping, type SavedMappings } from './importMappings.js'
import {
  IMPORT_FIELDS,
  mappedCustomKeys,
  REQUIRED_FIELDS,
  type ImportField,
  type ImportMapping,
} from './importRows.js'
import { enqueueImport } from './importRunner.js'
import { importUploads, resolveImportLimits, type ImportLimits } from './importUploads.js'
import { undoImport, type UndoneImport } from './undoImport.js'
import { activeFields } from '../customFields/fieldCatalog.js'
import { customFieldName } from '../../shared/customFields.js'
import { InvalidInputError } from '../core/errors.js'
import { openUpload, readingFile, receiveUpload, type AcceptedUpload } from './uploadedFile.js'
import { removeUpload, storeUpload, sweepUploads } from './uploadStore.js'

export type { ImportCounts } from './importCounts.js'
export type { RowOutcome } from './importState.js'
export type { DryRunReport } from './dryRunImport.js'

/** What the import page starts from: the fields to map and the mappings saved by name. */
export interface ImportSetup {
  fields: readonly ImportField[]
  required: ImportField[]
  /** The custom fields in use a column may fill for the new clients (form name `cf__<key>`). */
  customFields: { name: string; labelFr: string; labelEn: string }[]
  saved: SavedMappings
}

/** What the importing admin may do beyond importing (both by default: a script). */
export interface ImportRights {
  /** Create the tags a file names that do not exist (else such a row is an error). */
  createTags?: boolean
  /** Fill the custom fields marked "admins only" (else mapping one is a field error). */
  adminOnlyFields?: boolean
}

/** The mapping with the admin's right to create tags, which the import (and its worker) follows. */
const withTagRight = (mapping: ImportMapping, rights: ImportRights): ImportMapping => ({
  ...mapping,
  createTags: rights.createTags === false ? 0 : 1,
})

/** What the import page shows of a batch while it waits, runs and after: read from the database. */
export type BatchProgress = Pick<
  ImportBatch,
  | 'id'
  | 'status'
  | 'fileName'
  | 'rowsRead'
  | 'rowsImported'
  | 'rowsFailed'
  | 'clientsCreated'
  | 'clientsMatched'
  | 'contractsCreated'
  | 'failure'
  | 'attempts'
>

/** The columns the page shows, not the job's lease or its upload. */
const progressOf = (batch: ImportBatch): BatchProgress => ({
  id: batch.id,
  status: batch.status,
  fileName: batch.fileName,
  rowsRead: batch.rowsRead,
  rowsImported: batch.rowsImported,
  rowsFailed: batch.rowsFailed,
  clientsCreated: batch.clientsCreated,
  clientsMatched: batch.clientsMatched,
  contractsCreated: batch.contractsCreated,
  failure: batch.failure,
  attempts: batch.attempts,
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The commission import: a CSV read in a stream, each row matched to a client (client number,
 * else email, else a close name at the same advisor, with the score) and a contract (reference),
 * or planned to create them. The upload is kept in the database; the dry run plans every row and
 * writes nothing; the import is a job any instance's worker (`jobs`) claims with a lease, written
 * chunk by chunk, each chunk and the batch's progress in one transaction; undo removes what a
 * batch created and nothing else uses. The steps live in this folder; this class only hands them
 * their dependencies.
 */
export class CommissionImport {
  /** The worker that runs import jobs in this process (`clients.jobs`). */
  readonly jobs: ImportJobs

  constructor(
    private readonly dataSource: DataSource,
    /** Bounds of an upload: its size, line lengths and columns, and the parser's upload directory. */
    readonly limits: ImportLimits = resolveImportLimits(undefined),
    jobOptions: ImportJobOptions = resolveJobOptions(undefined),
    logger: PluginLogger = console,
    private readonly now: () => number = Date.now,
  ) {
    this.jobs = new ImportJobs(dataSource, jobOptions, logger, now)
  }

  readLayout(input: CsvInput): Promise<CsvLayout> {
    return readLayout(input)
  }

  /** Fields the mapping must give a column to before anything runs. */
  missingFields(mapping: ImportMapping): string[] {
    return REQUIRED_FIELDS.filter((field) => mapping[field] === undefined)
  }

  dryRun(input: CsvInput, mapping: ImportMapping, options: DryRunOptions = {}): Promise<DryRunReport> {
    return dryRunImport(this.dataSource, input, mapping, options)
  }

  /**
   * Imports a file (scripts): it is stored in the database like an upload and queued as a job;
   * returns the batch at once. A started worker (`jobs.start()`) runs it, or `finished(batchId)`.
   */
  async start(
    actor: Actor,
    path: string,
    fileName: string,
    mapping: ImportMapping,
    decisions: IdentityDecisions | null = null,
  ): Promise<ImportBatch> {
    const layout = await readLayout(path)
    const size = (await stat(path)).size
    const uploadId = await storeUpload(this.dataSource, path, { fileName, size, layout }, this.now())
    return this.enqueue(actor, uploadId, fileName, mapping, decisions)
  }

  /**
   * The batch once its import has ended. Without a started worker in this process, it runs the
   * due jobs here (this one among them); either way it waits at most `timeoutMs`.
   */
  async finished(batchId: number, timeoutMs = 10 * 60_000): Promise<ImportBatch> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const batch = await this.dataSource.getRepository(ImportBatch).findOneByOrFail({ id: batchId })
      if ((batch.status !== 'queued' && batch.status !== 'running') || Date.now() > deadline) return batch
      if (!this.jobs.running && (await this.jobs.runOnce())) continue
      await sleep(Math.min(200, this.jobs.options.pollMs))
    }
  }

  /** Removes what a batch created and nothing else uses; throws ImportUndoRefused if it cannot. */
  async undo(actor: Actor, batchId: number): Promise<UndoneImport> {
    const undone = await undoImport(this.dataSource, actor, batchId)
    if (undone.uploadId) await removeUpload(this.dataSource, undone.uploadId)
    return { commissions: undone.commissions, contracts: undone.contracts, clients: undone.clients }
  }

  /** Removes uploads older than a day that no queued or running import reads; how many. */
  sweepUploads(): Promise<number> {
    return sweepUploads(this.dataSource, this.now())
  }

  // The page's steps, each one call: field errors are InvalidInputError.

  async setup(rights: ImportRights = {}): Promise<ImportSetup> {
    const fields = await activeFields(this.dataSource)
    const shown = fields.filter((f) => rights.adminOnlyFields !== false || f.visibility !== 'adminOnly')
    const customFields = shown.map((f) => ({
      name: customFieldName(f.key),
      labelFr: f.labelFr,
      labelEn: f.labelEn,
    }))
    return {
      fields: IMPORT_FIELDS,
      required: REQUIRED_FIELDS,
      customFields,
      saved: await savedMappings(this.dataSource),
    }
  }

  /** A batch as it stands, for the progress bar (any instance reads it); null if there is none. */
  async batch(batchId: number): Promise<BatchProgress | null> {
    const batch = await this.dataSource.getRepository(ImportBatch).findOneBy({ id: batchId })
    return batch && progressOf(batch)
  }

  receiveUpload(request: unknown): Promise<AcceptedUpload> {
    return receiveUpload(this.dataSource, request, this.limits, this.now())
  }

  /** `rights`: whether the admin may create tags (else a row naming an unknown tag is an error) and fill admin-only fields. */
  async dryRunUpload(
    uploadId: unknown,
    rawMapping: unknown,
    rawDecisions?: unknown,
    rights: ImportRights = {},
  ): Promise<DryRunReport> {
    const { bytes, mapping, layout } = await openUpload(this.dataSource, uploadId, rawMapping)
    await this.refuseAdminOnly(mapping, rights)
    const decisions = readDecisions(rawDecisions)
    return readingFile(() =>
      dryRunImport(this.dataSource, bytes, withTagRight(mapping, rights), { sample: 20, decisions }, layout),
    )
  }

  /** Saves the mapping if it is named, then queues the import of a kept upload; what the page shows of it. */
  async startUpload(
    actor: Actor,
    given: {
      uploadId: unknown
      mapping: unknown
      fileName: unknown
      mappingName: unknown
      decisions?: unknown
    },
    rights: ImportRights = {},
  ): Promise<BatchProgress> {
    const { upload, mapping } = await openUpload(this.dataSource, given.uploadId, given.mapping)
    await this.refuseAdminOnly(mapping, rights)
    await saveMapping(this.dataSource, actor, given.mappingName, mapping)
    return progressOf(
      await this.enqueue(
        actor,
        upload.id,
        String(given.fileName ?? upload.fileName),
        withTagRight(mapping, rights),
        readDecisions(given.decisions),
      ),
    )
  }

  /** A custom field marked "admins only" mapped by who may not see it: a field error, never a silent drop. */
  private async refuseAdminOnly(mapping: ImportMapping, rights: ImportRights): Promise<void> {
    if (rights.adminOnlyFields !== false) return
    const keys = mappedCustomKeys(mapping)
    if (keys.length === 0) return
    const fields = await activeFields(this.dataSource)
    if (fields.some((f) => f.visibility === 'adminOnly' && keys.includes(f.key)))
      throw new InvalidInputError({ mapping: 'customFieldAdminOnly' })
  }

  /** Whatever the step, a temp file the parser wrote for this request does not outlive it. */
  discardReceived(request: unknown): Promise<void> {
    return importUploads.discardReceived(request, this.limits.uploadDir)
  }

  private async enqueue(
    actor: Actor,
    uploadId: string,
    fileName: string,
    mapping: ImportMapping,
    decisions: IdentityDecisions | null,
  ) {
    const batch = await enqueueImport(this.dataSource, actor, uploadId, fileName, mapping, decisions)
    this.jobs.nudge()
    return batch
  }
}
