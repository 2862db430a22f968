import type { DataSource } from 'typeorm'
import { ImportBatch, type ImportRowError } from '../../entities/ImportBatch.js'
import type { IdentityDecisions } from '../../shared/identityConflict.js'
import { normalizeIp, type Actor } from '../core/requestValues.js'
import { ConcurrentChangeError, InvalidInputError } from '../core/errors.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import { holdLease, endJob, LeaseLost, moveOn, releaseJob, type Claim } from './importClaim.js'
import { batchProgress, committedCounts, countRow, type ImportCounts } from './importCounts.js'
import type { ImportMapping, ParsedRow } from './importRows.js'
import { ImportState, type PlannedRow } from './importState.js'
import { lookUp, planChunk, rowError, type ChunkLookups } from './planChunk.js'
import { readChunks } from './readChunks.js'
import { findStoredUpload, removeUpload, takeUpload, uploadBytes } from './uploadStore.js'
import { writeChunk } from './writeChunk.js'

/** Bytes of errors the batch row keeps: its column is a TEXT, 64 KB on MySQL/MariaDB. */
const KEPT_ERROR_BYTES = 60_000
/** Claims a job may take when its chunks keep meeting a concurrent change; then it fails. */
const MAX_ATTEMPTS = 5

/** What a worker needs to run a claimed job. */
export interface JobContext {
  leaseMs: number
  now: () => number
  /** True once the process stops (gracefully) or the heartbeat found the lease lost. */
  shouldStop: () => boolean
}

/** A parsed chunk, with its lookups under way on the pool (MariaDB/MySQL), or null at the file's end. */
type Ahead = { rows: ParsedRow[]; lookups: Promise<ChunkLookups> | null } | null

/** How a run ended: the job's end, given back to the queue, or taken by another worker. */
export type JobEnd = 'done' | 'failed' | 'released' | 'lost'

/**
 * Records an import of a stored upload as a queued job, and gives it the upload, in one
 * transaction: an upload is imported once (a second click answers importUploadGone).
 */
export function enqueueImport(
  dataSource: DataSource,
  actor: Actor,
  uploadId: string,
  fileName: string,
  mapping: ImportMapping,
  decisions: IdentityDecisions | null = null,
): Promise<ImportBatch> {
  return inTransaction(dataSource, async (manager) => {
    const batch = await manager.save(
      manager.create(ImportBatch, {
        fileName: fileName.slice(0, 255),
        actor: actor.email,
        actorIp: normalizeIp(actor.ip),
        status: 'queued',
        uploadId,
        mapping: mapping as Record<string, number>,
        identityDecisions: decisions,
        errors: [],
      }),
    )
    if (!(await takeUpload(manager, uploadId, batch.id)))
      throw new InvalidInputError({ file: 'importUploadGone' })
    return batch
  })
}

/** The first errors, within KEPT_ERROR_BYTES. */
class KeptErrors {
  private bytes: number
  constructor(readonly list: ImportRowError[]) {
    this.bytes = JSON.stringify(list).length
  }

  /** The list with the planned rows' errors added, as far as they fit (this one unchanged). */
  with(planned: PlannedRow[]): KeptErrors {
    const next = new KeptErrors([...this.list])
    for (const p of planned) {
      if (p.outcome.errors.length === 0) continue
      const error = rowError(p)
      const size = JSON.stringify(error).length + 1
      if (next.bytes + size > KEPT_ERROR_BYTES) continue
      next.list.push(error)
      next.bytes += size
    }
    return next
  }
}

/** Stops reading the upload (the parser and its reads end) when a run ends before the file does. */
async function close(chunks: AsyncGenerator<ParsedRow[]> | undefined): Promise<void> {
  await chunks?.return(undefined).catch(() => undefined)
}

/**
 * Runs a claimed import from its last committed chunk to the end. Each chunk is planned, written
 * and the batch moved on in ONE transaction guarded by the lease and the position: a chunk is
 * committed whole with its progress, or not at all. What earlier chunks created is read back
 * (ImportState.resume), so a resumed import plans as an uninterrupted one.
 */
export async function runImportJob(
  dataSource: DataSource,
  claim: Claim,
  context: JobContext,
): Promise<JobEnd> {
  const batch = await dataSource.getRepository(ImportBatch).findOneByOrFail({ id: claim.batchId })
  const upload = batch.uploadId ? await findStoredUpload(dataSource, batch.uploadId) : null
  if (!upload?.layout || !batch.mapping) {
    return (await endJob(dataSource, claim, { status: 'failed', failure: 'importUploadGone' }))
      ? 'failed'
      : 'lost'
  }
  const actor: Actor = { email: batch.actor, ip: batch.actorIp }
  let counts: ImportCounts = committedCounts(batch)
  let errors = new KeptErrors(batch.errors ?? [])
  let chunks: AsyncGenerator<ParsedRow[]> | undefined
  try {
    const state = await ImportState.resume(dataSource, batch.id, batch.identityDecisions, batch.mapping)
    // One chunk read ahead: the file is parsed while the database writes the previous chunk, and
    // on MariaDB/MySQL the parsed chunk's lookups run side by side on the pool meanwhile (they need
    // no earlier chunk committed: see lookUp). On SQLite every query is synchronous on the one
    // connection: the lookups are made in the chunk's transaction.
    chunks = readChunks(uploadBytes(dataSource, upload), upload.layout, batch.mapping, counts.rows)
    const read = chunks
    const pool = isMysqlFamily(dataSource) ? dataSource.manager : null
    const readAhead = (): Promise<Ahead> => {
      const ahead = read.next().then((r): Ahead => {
        if (r.done) return null
        const lookups = pool ? lookUp(pool, r.value, state) : null
        // Awaited before the chunk's transaction; marked handled now so a failure while the
        // previous chunk is written is not "unhandled".
        lookups?.catch(() => undefined)
        return { rows: r.value, lookups }
      })
      ahead.catch(() => undefined)
      return ahead
    }
    let next = readAhead()
    for (let current = await next; current; current = await next) {
      // A turn of the event loop between chunks: on SQLite every query is synchronous, and without
      // it a whole import would run before any request, timer or stop() of this process.
      await new Promise((resolve) => setImmediate(resolve))
      if (context.shouldStop()) {
        await close(chunks)
        await releaseJob(dataSource, claim)
        return 'released'
      }
      next = readAhead()
      const rows = current.rows
      const lookedUp = (await current.lookups) ?? undefined
      const from = counts.rows
      const [nextCounts, nextErrors] = await inTransaction(
        dataSource,
        async (manager) => {
          await holdLease(manager, claim)
          const planned = await planChunk(manager, rows, state, lookedUp)
          await writeChunk(manager, actor, batch, planned, state)
          const moved = { ...counts }
          for (const p of planned) countRow(moved, p)
          const kept = errors.with(planned)
          await moveOn(manager, claim, from, batchProgress(moved, kept.list), {
            leaseMs: context.leaseMs,
            now: context.now(),
          })
          return [moved, kept] as const
          // Not run again by the helper: planning fills the in-memory state, which a rollback does
          // not undo. A conflict releases the job; the next claim rebuilds the state from the database.
        },
        { retries: 0 },
      )
      counts = nextCounts
      errors = nextErrors
    }
  } catch (error) {
    await close(chunks)
    if (error instanceof LeaseLost) return 'lost'
    if (error instanceof ConcurrentChangeError && batch.attempts < MAX_ATTEMPTS) {
      // Rolled back whole: the next claim resumes after the last committed chunk.
      await releaseJob(dataSource, claim)
      return 'released'
    }
    // The chunks committed stay (each was whole); the batch says where it stopped, undo removes them.
    const failure = (error instanceof Error ? error.message : String(error)).slice(0, 2000)
    return (await endJob(dataSource, claim, { status: 'failed', failure })) ? 'failed' : 'lost'
  }
  if (!(await endJob(dataSource, claim, { status: 'done' }))) return 'lost'
  await removeUpload(dataSource, upload.id)
  return 'done'
}
