import type { DataSource } from 'typeorm'

/** The better-sqlite3 handle TypeORM holds (one connection per DataSource), or null on another driver. */
function sqliteHandle(dataSource: DataSource) {
  if (dataSource.options.type !== 'better-sqlite3') return null
  const handle = (dataSource.driver as { databaseConnection?: unknown }).databaseConnection as
    { inTransaction: boolean; pragma(source: string): unknown } | undefined
  return handle ?? null
}

/**
 * Before an erasure on SQLite: deleted and overwritten content is zeroed in the file rather than
 * left in free space (`secure_delete`; a connection setting, also set by the demo's DataSource).
 */
export function beforeErasure(dataSource: DataSource): void {
  sqliteHandle(dataSource)?.pragma('secure_delete = ON')
}

/**
 * After an erasure committed on SQLite: the WAL's pages (old values included) copied into the
 * database file and the WAL emptied (`wal_checkpoint(TRUNCATE)`). The call is synchronous, so
 * no other query runs meanwhile; it waits (a second at most) for a transaction in progress on
 * the connection to end, as a checkpoint inside one would not finish.
 */
export async function afterErasure(dataSource: DataSource): Promise<void> {
  const db = sqliteHandle(dataSource)
  if (!db) return
  for (let i = 0; i < 50 && db.inTransaction; i += 1) await new Promise((r) => setTimeout(r, 20))
  if (!db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)')
}
