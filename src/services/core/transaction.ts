import type { DataSource, EntityManager } from 'typeorm'
import { isConnectionLost } from './databaseFaults.js'
import { ConcurrentChangeError, DatabaseUnavailableError } from './errors.js'
import { conflictCause, countTransaction, reportConflict, retryable } from './transactionConflicts.js'

export {
  onTransactionConflict,
  resetTransactionStats,
  transactionStats,
  type ConflictCause,
  type ConflictReport,
  type TransactionStats,
} from './transactionConflicts.js'

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
 * ConcurrentChangeError ("try again"). A connection lost before the commit was sent (a killed
 * connection, a failover) is retried the same way on a new connection (the server rolled the
 * transaction back); lost once the commit was on its way, whether it committed is unknown, so it
 * is never run again: the caller gets DatabaseUnavailableError (503, "try again"), as when the
 * database stays away past the budget. TypeORM runs every SQLite query of a DataSource on a single
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
        if (!retrying)
          throw lost ? new DatabaseUnavailableError({ cause: error }) : new ConcurrentChangeError()
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
