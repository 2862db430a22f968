import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { searchColumnsFor, type ParsedQuery } from '../../shared/searchText.js'
import { isMysqlFamily } from '../core/transaction.js'
import { tableOf } from '../core/tableNames.js'
import { prefixPattern } from '../core/sqlPatterns.js'

/**
 * Adds the search to a query on `clients` (alias `alias`): the words, in order, are a prefix of
 * one of the name columns, or the query is a prefix of the email or the client number. Each is a
 * range on its own index (MariaDB merges them; SQLite uses each with the GLOB prefix rule).
 * Returns the ORDER BY expression that puts an exact client number or email first.
 */
export function applySearch(
  dataSource: DataSource,
  qb: SelectQueryBuilder<Client>,
  alias: string,
  search: ParsedQuery,
): string {
  const phrase = search.words.join(' ')
  const exact = search.exact
  const mysql = isMysqlFamily(dataSource)
  // SQLite's LIKE is case-insensitive and so cannot use a binary index: GLOB can, for a prefix.
  const prefix = (column: string, param: string) =>
    mysql ? `${alias}.${column} LIKE :${param}` : `${alias}.${column} GLOB :${param}`
  const value = (text: string) => prefixPattern(mysql, text)
  const emailPrefix = exact.replace(/\s+/g, '')
  qb.andWhere(
    `(${[
      prefix('searchName', 'qName'),
      prefix('searchNameReversed', 'qName'),
      prefix('searchNameTail', 'qName'),
      prefix('email', 'qEmail'),
      prefix('clientNumber', 'qNumber'),
    ].join(' OR ')})`,
    {
      qName: value(phrase),
      qEmail: value(emailPrefix),
      qNumber: value(emailPrefix.toUpperCase()),
    },
  )
  qb.setParameter('qExact', exact)
  qb.setParameter('qExactNumber', exact.toUpperCase())
  return `CASE WHEN ${alias}.clientNumber = :qExactNumber OR ${alias}.email = :qExact THEN 0 ELSE 1 END`
}

/**
 * Fills the search columns of clients written without them (rows from before this version, or
 * inserted by SQL): by batches of 1,000, so it runs in constant memory on any table size.
 */
export async function backfillSearchColumns(manager: EntityManager): Promise<number> {
  let done = 0
  for (;;) {
    const rows: { id: number; lastName: string; firstName: string | null }[] = await manager
      .createQueryBuilder()
      .select(['c.id AS id', 'c.lastName AS lastName', 'c.firstName AS firstName'])
      .from(Client, 'c')
      .where('c.searchName IS NULL')
      .orderBy('c.id')
      .limit(1000)
      .getRawMany()
    if (rows.length === 0) return done
    // One UPDATE per batch (CASE by id), outside any transaction of its own: in a MariaDB
    // migration the DDL before it has already committed. Version and update time stay: this is no edit.
    const columns = rows.map((row) => searchColumnsFor(row.lastName, row.firstName))
    const set = (['searchName', 'searchNameReversed', 'searchNameTail'] as const).map(
      (name) => `${name} = CASE id ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END`,
    )
    const params = (['searchName', 'searchNameReversed', 'searchNameTail'] as const).flatMap((name) =>
      rows.flatMap((row, i) => [row.id, columns[i][name]]),
    )
    await manager.query(
      `UPDATE ${tableOf(manager.connection, Client)} SET ${set.join(', ')}, updatedAt = updatedAt WHERE id IN (${rows.map(() => '?').join(', ')})`,
      [...params, ...rows.map((row) => row.id)],
    )
    done += rows.length
  }
}
