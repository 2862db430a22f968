import { ConcurrentChangeError } from './errors.js'

/**
 * Why a transaction was rolled back by the database rather than by our rules:
 * - `deadlock`: InnoDB chose it as a deadlock victim, or Galera aborted it because a write set
 *   from another node touching the same rows certified first (both are ER_LOCK_DEADLOCK, 1213);
 * - `wsrep`: the node is not serving yet (joining, donor, non-primary: 1047 "WSREP has not yet
 *   prepared node for application use");
 * - `busy`: SQLite's file is held by another connection (another process);
 * - `stale`: our own guard saw a row changed between our read and our write (ConcurrentChangeError);
 * - `lockWait`: a row stayed locked for innodb_lock_wait_timeout (50 s by default);
 * - `connectionLost`: the connection died before COMMIT (its server or Galera node stopped, a proxy
 *   reset it): the server rolled the transaction back; the next attempt gets a new connection,
 *   on the next node of a list (galeraDataSourceOptions). Lost during COMMIT, the outcome is
 *   unknown: never run again.
 */
export type ConflictCause = 'deadlock' | 'wsrep' | 'busy' | 'stale' | 'lockWait' | 'connectionLost'

interface DriverError {
  code?: string
  errno?: number
  message?: string
  query?: string
  driverError?: DriverError
}

const SQLITE_BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED'])
// mysql2's codes for a connection that died or could not be made, and the server's own
// "shutting down" (1053) and "connection killed" (1927).
const CONNECTION_LOST = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ECONNRESET',
  'EPIPE',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'POOL_NONEONLINE',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
])

/** The cause of a conflict, or null for any other error (which is never retried). */
export function conflictCause(error: unknown): ConflictCause | null {
  if (error instanceof ConcurrentChangeError) return 'stale'
  const outer = (error ?? {}) as DriverError
  for (const e of [outer, outer.driverError ?? {}]) {
    if (e.code === 'ER_LOCK_DEADLOCK' || e.errno === 1213) return 'deadlock'
    // 1047 is also "unknown command": only wsrep's own message makes it a transient state.
    if ((e.code === 'ER_UNKNOWN_COM_ERROR' || e.errno === 1047) && /wsrep/i.test(e.message ?? ''))
      return 'wsrep'
    if (e.code === 'ER_LOCK_WAIT_TIMEOUT' || e.errno === 1205) return 'lockWait'
    if (SQLITE_BUSY.has(e.code ?? '')) return 'busy'
    if (CONNECTION_LOST.has(e.code ?? '') && !/^\s*COMMIT\b/i.test(outer.query ?? '')) return 'connectionLost'
  }
  return null
}

/**
 * Whether a rolled-back transaction is worth running again at once. Not a lock wait timeout: the
 * request has already waited the whole timeout for a holder that is still working (an import
 * chunk, a long mass change); another wait would keep the admin's request for minutes, so the
 * admin is answered "try again" and decides.
 */
export const retryable = (cause: ConflictCause) => cause !== 'lockWait'

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

export function countTransaction(): void {
  stats.transactions += 1
}

export function reportConflict(report: ConflictReport): void {
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
