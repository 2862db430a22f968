import { DatabaseUnavailableError } from './errors.js'

interface DriverError {
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
    const e = current as DriverError
    if (typeof e.code === 'string' && LOST_CODES.has(e.code)) return true
    if (typeof e.errno === 'number' && LOST_ERRNOS.has(e.errno)) return true
    if (typeof e.message === 'string' && LOST_MESSAGE.test(e.message)) return true
    current = e.driverError ?? e.cause
  }
  return false
}

/** The database cannot answer now (our typed error, or a lost connection): a 503 "try again". */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof DatabaseUnavailableError || isConnectionLost(error)
}

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
