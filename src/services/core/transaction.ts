// One state change = one transaction = one event per client it changes: the helper that runs a
// change's transaction and the writer of the history rows written in it, so a writer reaches both
// in one place. The transaction: a conflict (deadlock, Galera certification, a node not ready, a
// busy SQLite file) run again a few times, a lost connection run again when nothing was committed,
// the counters and the host's hook (`onTransactionConflict`) that report both; what an error says
// is read by databaseFaults.ts. Its events: every history row goes through `eventRow` and
// `insertEvents` (secrets masked, inserts chunked). Reads whose connection was lost are run again
// by `retryRead`.
import type { DataSource, EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js'
import { ClientEvent, type FieldChange } from '../../entities/ClientEvent.js'
import type { ClientEventType } from '../../entities/columns.js'
import { conflictCause, isConnectionLost, type ConflictCause } from './databaseFaults.js'
import { ConcurrentChangeError, DatabaseUnavailableError } from './errors.js'
import { normalizeIp, type Actor } from './requestValues.js'
import { MASK, isSecretKey } from './secrets.js'
import { tableOf } from './tableNames.js'

/** The waits before each new try of a read whose connection was lost (a new connection each). */
const READ_RETRY_DELAYS_MS = [50, 200]

/**
 * A read (a SELECT, nothing written) run again when its connection was lost: a killed or dropped
 * connection is taken out of the pool, the next try gets a new one. Never for a write outside a
 * transaction: whether it was applied is unknown (the transaction helper handles writes).
 */
export async function retryRead<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await read()
    } catch (error) {
      if (!isConnectionLost(error) || attempt >= READ_RETRY_DELAYS_MS.length) throw error
      await new Promise((resolve) => setTimeout(resolve, READ_RETRY_DELAYS_MS[attempt]))
    }
  }
}

/**
 * Whether a rolled-back transaction is worth running again at once. Not a lock wait timeout: the
 * request has already waited the whole timeout for a holder that is still working (an import
 * chunk, a long mass change); another wait would keep the admin's request for minutes, so the
 * admin is answered "try again" and decides.
 */
const retryable = (cause: ConflictCause) => cause !== 'lockWait'

/** What happened to one conflict, for the host's log (`onTransactionConflict`). */
export interface ConflictReport {
  cause: ConflictCause
  /** The attempt that failed, from 1. */
  attempt: number
  /** True when the work runs again after `delayMs`; false when the caller gets ConcurrentChangeError. */
  retrying: boolean
  delayMs: number
}

/** Counts since the process started (or the last reset). */
export interface TransactionStats {
  /** Transactions the helper ran (each counted once, however many attempts). */
  transactions: number
  /** Attempts run again after a conflict. */
  retries: number
  /** Callers answered ConcurrentChangeError ("try again"). */
  conflicts: number
  /** Conflicts met, retried or not, by cause. */
  byCause: Record<ConflictCause, number>
}

const emptyCauses = (): Record<ConflictCause, number> => ({
  deadlock: 0,
  wsrep: 0,
  busy: 0,
  stale: 0,
  lockWait: 0,
  connectionLost: 0,
})
let stats: TransactionStats = { transactions: 0, retries: 0, conflicts: 0, byCause: emptyCauses() }
const listeners = new Set<(report: ConflictReport) => void>()

/** A copy of this process's transaction counters (for a health page, a log line, a test). */
export function transactionStats(): TransactionStats {
  return { ...stats, byCause: { ...stats.byCause } }
}

/** Sets the counters back to zero. */
export function resetTransactionStats(): void {
  stats = { transactions: 0, retries: 0, conflicts: 0, byCause: emptyCauses() }
}

/** Calls `listener` on every conflict (retried or answered); returns the function that stops it. */
export function onTransactionConflict(listener: (report: ConflictReport) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function countTransaction(): void {
  stats.transactions += 1
}

function reportConflict(report: ConflictReport): void {
  stats.byCause[report.cause] += 1
  if (report.retrying) stats.retries += 1
  else stats.conflicts += 1
  for (const listener of listeners) {
    try {
      listener(report)
    } catch {
      // A failing log hook must not change the outcome of the transaction it reports on.
    }
  }
}

const queues = new WeakMap<DataSource, Promise<unknown>>()

export const isMysqlFamily = (dataSource: DataSource) =>
  dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb'

/** How often and how patiently a transaction rolled back by a conflict is run again. */
export interface TransactionOptions {
  /**
   * Runs of the work after the first one; 0 for work that cannot run twice (it keeps state
   * outside the database). Default 5.
   */
  retries?: number
  /** The first wait; each next one doubles, up to `maxDelayMs`, half of it random. Default 10 ms. */
  baseDelayMs?: number
  maxDelayMs?: number
  /**
   * No new attempt once the transaction has taken this long: a conflict that comes after a long
   * wait (SQLite's 5 s busy timeout, a slow lock) means the holder is busy for a while, and the
   * request should not wait that long again. Default 2000 ms.
   */
  retryWithinMs?: number
  /**
   * The same budget when the connection was lost (a failover, a restart, a proxy cutting every
   * connection): the database is back within seconds, and the work was rolled back, so it is
   * worth waiting a little longer before "try again". Default 5000 ms.
   */
  lostConnectionWithinMs?: number
}

const DEFAULT_TRANSACTION_OPTIONS: Required<TransactionOptions> = {
  retries: 5,
  baseDelayMs: 10,
  maxDelayMs: 400,
  retryWithinMs: 2000,
  lostConnectionWithinMs: 5000,
}

// Half fixed, half random: two instances that collided do not collide again on the same beat.
const backoff = (attempt: number, o: Required<TransactionOptions>) => {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
}

/**
 * One transaction for one state change. A deadlock, a Galera certification failure, a node not
 * ready yet or a busy SQLite file rolls the transaction back: the whole work runs again (it
 * re-reads the rows it changes, so a retried bulk action still writes one event per client), a
 * few times with growing, jittered waits and within a time budget, before the caller gets
 * ConcurrentChangeError ("try again"; DatabaseUnavailableError for a node not ready). A
 * connection lost before the commit was sent (a killed connection, a failover) is retried the
 * same way on a new connection (the server rolled the transaction back); lost once the commit was
 * on its way, whether it committed is unknown, so it is never run again: the caller gets
 * DatabaseUnavailableError (503, "try again"), as when the database stays away past the budget. TypeORM runs every SQLite query of a DataSource on a single
 * connection, where a second transaction started meanwhile would nest inside the first (and roll
 * back with it): on SQLite our transactions wait for each other.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const o = { ...DEFAULT_TRANSACTION_OPTIONS, ...options }
  const run = async () => {
    countTransaction()
    const started = Date.now()
    for (let attempt = 1; ; attempt += 1) {
      // Set once the work is done: from then on TypeORM is sending the COMMIT.
      let committing = false
      try {
        return await dataSource.transaction(async (manager) => {
          const result = await work(manager)
          committing = true
          return result
        })
      } catch (error) {
        const lost = isConnectionLost(error)
        if (lost && committing) {
          reportConflict({ cause: 'connectionLost', attempt, retrying: false, delayMs: 0 })
          throw new DatabaseUnavailableError({ cause: error })
        }
        const cause = lost ? 'connectionLost' : conflictCause(error)
        if (!cause) throw error
        const budget = lost ? Math.max(o.retryWithinMs, o.lostConnectionWithinMs) : o.retryWithinMs
        const retrying = retryable(cause) && attempt <= o.retries && Date.now() - started < budget
        // A lost connection: the next tries spread over a second or so (a failover, a restart, a
        // proxy cutting every connection at once), not a few milliseconds as for a conflict.
        const delayMs = retrying
          ? lost
            ? Math.max(backoff(attempt, o), 100 * attempt)
            : backoff(attempt, o)
          : 0
        reportConflict({ cause, attempt, retrying, delayMs })
        // A node not serving yet (1047) is the database away, not another admin's change.
        if (!retrying)
          throw lost || cause === 'wsrep'
            ? new DatabaseUnavailableError({ cause: error })
            : new ConcurrentChangeError()
        await new Promise((resolve) => setTimeout(resolve, delayMs))
      }
    }
  }
  if (isMysqlFamily(dataSource)) return run()
  const previous = queues.get(dataSource) ?? Promise.resolve()
  const result = previous.then(run, run)
  queues.set(
    dataSource,
    result.catch(() => undefined),
  )
  return result
}

// The history rows of a change, written in its transaction: the one event writer.

// IN lists and multi-row INSERTs stay well under SQLite's 32,766 bound parameters.
const CHUNK = 1000
export const chunks = <T>(items: T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size))

/** One field's change for the history; a secret's values are masked, whatever they are. */
export const change = (field: string, from: unknown, to: unknown): FieldChange => ({
  field,
  from: isSecretKey(field) && from !== null && from !== undefined ? MASK : (from ?? null),
  to: isSecretKey(field) && to !== null && to !== undefined ? MASK : (to ?? null),
})

/** A history entry: who (admin, the client, or the system), from where, why and what changed. */
export function eventRow(
  actor: Actor,
  clientId: number,
  type: ClientEventType,
  reason: string | null,
  changes: FieldChange[] | null,
  data?: Record<string, unknown> | null,
): Partial<ClientEvent> {
  return {
    clientId,
    type,
    actorType: actor.type ?? 'admin',
    actor: actor.email,
    ip: normalizeIp(actor.ip),
    reason,
    changes: changes && changes.length > 0 ? changes : null,
    data: data && Object.keys(data).length > 0 ? data : null,
  }
}

/** All the events of a change in one multi-row INSERT (per chunk). */
export async function insertEvents(manager: EntityManager, events: Partial<ClientEvent>[]): Promise<void> {
  for (const part of chunks(events)) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ClientEvent)
      // FieldChange's `unknown` values are plain JSON; TypeORM's deep-partial type cannot tell.
      .values(part as QueryDeepPartialEntity<ClientEvent>[])
      // No read-back of generated columns: one statement, whatever the number of rows.
      .updateEntity(false)
      .execute()
  }
}

/**
 * The same event for every client a query names (its column `clientId`): one INSERT … SELECT,
 * nothing read into memory, whatever their number (a campaign's release step writes its
 * `campaign_sent` events so). The row is built as `eventRow` builds one; its columns written as
 * TypeORM writes them (the JSON one as JSON text), `createdAt` by the database's default.
 */
export async function insertEventPerClient(
  manager: EntityManager,
  actor: Actor,
  type: ClientEventType,
  data: Record<string, unknown> | null,
  clients: { sql: string; parameters: unknown[] },
): Promise<void> {
  const row = eventRow(actor, 0, type, null, null, data)
  const dataSource = manager.connection
  const metadata = dataSource.getMetadata(ClientEvent)
  const column = (property: string) =>
    dataSource.driver.escape(metadata.findColumnWithPropertyName(property)?.databaseName ?? property)
  const written = {
    type: row.type,
    actorType: row.actorType,
    actor: row.actor ?? null,
    ip: row.ip ?? null,
    data: row.data ? JSON.stringify(row.data) : null,
  }
  const names = Object.keys(written)
  await manager.query(
    `INSERT INTO ${tableOf(dataSource, ClientEvent)} (${['clientId', ...names].map(column).join(', ')}) ` +
      `SELECT s.clientId, ${names.map(() => '?').join(', ')} FROM (${clients.sql}) s`,
    [...Object.values(written), ...clients.parameters],
  )
}
