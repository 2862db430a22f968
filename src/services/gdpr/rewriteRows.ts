import type { EntityManager } from 'typeorm'
import { chunks } from '../core/transaction.js'
import type { ResolvedErasure } from './erasureMap.js'

/** New values of some columns (by property) of one row, found by its primary key. */
export interface RowRewrite {
  id: unknown
  set: Record<string, unknown>
}

const JSON_TYPES: unknown[] = ['simple-json', 'json']

/**
 * Writes the rewrites: one `UPDATE … SET column = CASE id WHEN … END` per column and chunk of
 * 500 rows, whatever their number (the table and column names from TypeORM's metadata, as the
 * host's may differ). JSON columns are written as the JSON text TypeORM itself stores.
 */
export async function rewriteRows(
  manager: EntityManager,
  entry: ResolvedErasure,
  rewrites: readonly RowRewrite[],
): Promise<void> {
  if (rewrites.length === 0) return
  const { driver } = manager.connection
  const metadata = manager.connection.getMetadata(entry.entity)
  const primary = metadata.primaryColumns[0]
  const table = driver.escape(metadata.tableName)
  const id = driver.escape(primary.databaseName)
  const props = [...new Set(rewrites.flatMap((r) => Object.keys(r.set)))]
  for (const prop of props) {
    const column = metadata.findColumnWithPropertyName(prop)
    if (!column) continue
    const name = driver.escape(column.databaseName)
    const stored = (v: unknown) =>
      v === null || v === undefined ? null : JSON_TYPES.includes(column.type) ? JSON.stringify(v) : v
    const rows = rewrites.filter((r) => prop in r.set)
    for (const part of chunks(rows, 500)) {
      await manager.query(
        `UPDATE ${table} SET ${name} = CASE ${id} ${part.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE ${id} IN (${part.map(() => '?').join(', ')})`,
        [...part.flatMap((r) => [r.id, stored(r.set[prop])]), ...part.map((r) => r.id)],
      )
    }
  }
}
