import type { DataSource, EntityManager } from 'typeorm'
import { ConcurrentChangeError } from './errors.js'

const queues = new WeakMap<DataSource, Promise<unknown>>()

export const isMysqlFamily = (dataSource: DataSource) =>
  dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb'

// Lock waits, deadlocks (MySQL/MariaDB) and a stale snapshot or a held write lock (SQLite):
// another writer got there first. The transaction is rolled back; trying again is safe.
const CONFLICT_CODES = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_LOCKED',
])

function isConflict(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null
  return CONFLICT_CODES.has(e?.code ?? '') || CONFLICT_CODES.has(e?.driverError?.code ?? '')
}

/**
 * One transaction for one state change. TypeORM runs every SQLite query of a DataSource on a
 * single connection, where a second transaction started meanwhile would nest inside the first
 * (and roll back with it): on SQLite our transactions wait for each other.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const run = async () => {
    try {
      return await dataSource.transaction(work)
    } catch (error) {
      if (isConflict(error)) throw new ConcurrentChangeError()
      throw error
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
