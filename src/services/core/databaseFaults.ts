// What the database may answer instead of a result, told apart: a lost connection (a KILL, a
// failover, a dropped network), a conflict that rolled a transaction back (a deadlock, Galera
// certification, a busy SQLite file, a lock wait), or neither. Pure reading of an error: the
// transaction helper and `retryRead` (transaction.ts) decide what to run again, the HTTP edge
// answers a 503 with `isDatabaseUnavailable`.
import { ConcurrentChangeError, DatabaseUnavailableError } from './errors.js'

interface FaultError {
  code?: unknown
  errno?: unknown
  message?: unknown
  driverError?: unknown
  cause?: unknown
}

/**
 * The connection is gone, not the query wrong: the server killed it (`KILL`, a restart, a
 * failover, a proxy reset), the network dropped it, or no new one could be opened. mysql2 takes
 * such a connection out of its pool; the next query gets a new one.
 */
const LOST_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  // A Galera node list (galeraDataSourceOptions) whose every node is marked offline for now.
  'POOL_NONEONLINE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_QUERY_INTERRUPTED',
])
// 1927 connection killed (MariaDB), 1053 server shutdown, 1040 too many connections, 1317 query
// interrupted (KILL), 2006 server gone, 2013 lost during query.
const LOST_ERRNOS = new Set([1927, 1053, 1040, 1317, 2006, 2013])
// mysql2 says this (without a code) when a query is sent on a connection it has just seen close.
const LOST_MESSAGE =
  /closed state|connection lost|server has gone away|connection is closed|connection was killed/i

/** True when `error` (or the driver error or cause inside it) says the database connection was lost. */
export function isConnectionLost(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object' && !seen.has(current); depth += 1) {
    seen.add(current)
    const e = current as FaultError
    if (typeof e.code === 'string' && LOST_CODES.has(e.code)) return true
    if (typeof e.errno === 'number' && LOST_ERRNOS.has(e.errno)) return true
    if (typeof e.message === 'string' && LOST_MESSAGE.test(e.message)) return true
    current = e.driverError ?? e.cause
  }
  return false
}

/**
 * The database cannot answer now (our typed error, a lost connection, or a Galera node that is not
 * serving yet, 1047): a 503 "try again".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    error instanceof DatabaseUnavailableError || isConnectionLost(error) || conflictCause(error) === 'wsrep'
  )
}
/**
 * Why a transaction was rolled back by the database rather than by our rules:
 * - `deadlock`: InnoDB chose it as a deadlock victim, or Galera aborted it because a write set
 *   from another node touching the same rows certified first (both are ER_LOCK_DEADLOCK, 1213);
 * - `wsrep`: the node is not serving yet (joining, donor, non-primary: 1047 "WSREP has not yet
 *   prepared node for application use");
 * - `busy`: SQLite's file is held by another connection (another process);
 * - `stale`: our own guard saw a row changed between our read and our write (ConcurrentChangeError);
 * - `lockWait`: a row stayed locked for innodb_lock_wait_timeout (50 s by default);
 * - `connectionLost`: the connection was killed or dropped before the commit was sent (the server
 *   rolled the transaction back); told apart by the helper itself (transaction.ts).
 */
export type ConflictCause = 'deadlock' | 'wsrep' | 'busy' | 'stale' | 'lockWait' | 'connectionLost'

interface DriverError {
  code?: string
  errno?: number
  message?: string
  driverError?: DriverError
}

const SQLITE_BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED'])

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
  }
  return null
}
