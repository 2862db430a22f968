import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { Contract } from '../../entities/Contract.js'
import { contactSearchColumns, searchColumnsFor, type ParsedQuery } from '../../shared/searchText.js'
import { isMysqlFamily } from '../core/transaction.js'
import { tableOf } from '../core/tableNames.js'
import { prefixPattern } from '../core/sqlPatterns.js'
import { customSearchClientsQuery, customSearchCondition } from './clientCustomFilter.js'
import { queryAndParameters } from '../core/queryText.js'

/**
 * The clients with a contract whose reference starts with the query, looked up once before the
 * list's queries (one range of the references' unique index): `null` when the query is no
 * reference or none matches, `'many'` past {@link MAX_REFERENCE_CLIENTS} (the list then asks
 * the contracts in a subquery: right, but a scan of the clients).
 */
export type ContractClients = readonly number[] | 'many' | null

const MAX_REFERENCE_CLIENTS = 200

function referencePatterns(mysql: boolean, reference: string): string[] {
  // SQLite's GLOB is case-sensitive: the reference as typed and in capitals (how they are written).
  const forms = mysql ? [reference] : [...new Set([reference, reference.toUpperCase()])]
  return forms.map((form) => prefixPattern(mysql, form))
}

function referenceCondition(mysql: boolean, alias: string, patterns: string[]) {
  const op = mysql ? 'LIKE' : 'GLOB'
  return {
    sql: patterns.map((_, i) => `${alias}.reference ${op} :qRef${i}`).join(' OR '),
    params: Object.fromEntries(patterns.map((p, i) => [`qRef${i}`, p])),
  }
}

/**
 * The clients found before the list's queries: those of the contracts whose reference starts
 * with the query and those whose searchable custom field's value does (`customFields: false`
 * when no field is searchable: that part is not asked). One statement whatever is asked, each
 * part capped on its own.
 */
export async function contractClientsOf(
  dataSource: DataSource,
  search: ParsedQuery | null,
  hideAdminOnly = false,
  options: { customFields?: boolean } = {},
): Promise<ContractClients> {
  if (!search) return null
  const text = search.exact.trim()
  const parts = [
    ...(search.reference ? [referenceClientsQuery(dataSource, search.reference)] : []),
    ...(options.customFields !== false && text !== ''
      ? [customSearchClientsQuery(dataSource, text, MAX_REFERENCE_CLIENTS, hideAdminOnly)]
      : []),
  ]
  if (parts.length === 0) return null
  // Each part its own derived table (its DISTINCT and LIMIT), tagged with its place.
  // Their text made once per shape of query (core/queryText.ts).
  const queries = parts.map((qb) => queryAndParameters(qb))
  const sql = queries
    .map(([part], i) => `SELECT ${i} AS part, s${i}.clientId FROM (${part}) s${i}`)
    .join(' UNION ALL ')
  const rows: { part: number | string; clientId: number | string }[] = await dataSource.query(
    sql,
    queries.flatMap(([, params]) => params),
  )
  const found = parts.map((_, i) => rows.filter((row) => Number(row.part) === i))
  if (found.some((list) => list.length > MAX_REFERENCE_CLIENTS)) return 'many'
  const ids = [...new Set(rows.map((row) => Number(row.clientId)))]
  return ids.length ? ids : null
}

/** The clients of the contracts whose reference starts with `reference`: one range of the references' unique index. */
function referenceClientsQuery(dataSource: DataSource, reference: string): SelectQueryBuilder<ObjectLiteral> {
  const mysql = isMysqlFamily(dataSource)
  const where = referenceCondition(mysql, 'k', referencePatterns(mysql, reference))
  return dataSource
    .getRepository(Contract)
    .createQueryBuilder('k')
    .select('DISTINCT k.clientId', 'clientId')
    .where(`(${where.sql})`, where.params)
    .andWhere('k.clientId IS NOT NULL')
    .limit(MAX_REFERENCE_CLIENTS + 1)
}

/**
 * Adds the search to a query on `clients` (alias `alias`): the words, in order, are a prefix of
 * one of the name columns, or the query is a prefix of the email or the client number; a phone
 * typed in any format is a prefix of the national number (`searchPhone`), `@acme` of the email's
 * domain, a reference one of a contract's (`contractClients`, found before). Each is a range on
 * its own index (MariaDB merges them; SQLite uses each with the GLOB prefix rule). A query of
 * symbols only matches nothing. Returns the ORDER BY expression that puts an exact client number
 * or email first. `hideAdminOnly`: the custom fields marked "admins only" are not searched.
 */
export function applySearch(
  dataSource: DataSource,
  qb: SelectQueryBuilder<Client>,
  alias: string,
  search: ParsedQuery,
  contractClients: ContractClients,
  hideAdminOnly = false,
): string {
  const exact = search.exact
  const mysql = isMysqlFamily(dataSource)
  // SQLite's LIKE is case-insensitive and so cannot use a binary index: GLOB can, for a prefix.
  const prefix = (column: string, param: string) =>
    mysql ? `${alias}.${column} LIKE :${param}` : `${alias}.${column} GLOB :${param}`
  const value = (text: string) => prefixPattern(mysql, text)
  const conditions: string[] = []
  const params: Record<string, unknown> = {}
  if (search.words.length > 0) {
    const emailPrefix = exact.replace(/\s+/g, '')
    conditions.push(
      prefix('searchName', 'qName'),
      prefix('searchNameReversed', 'qName'),
      prefix('searchNameTail', 'qName'),
      prefix('email', 'qEmail'),
      prefix('clientNumber', 'qNumber'),
    )
    Object.assign(params, {
      qName: value(search.words.join(' ')),
      qEmail: value(emailPrefix),
      qNumber: value(emailPrefix.toUpperCase()),
    })
  }
  if (search.phone) {
    conditions.push(prefix('searchPhone', 'qPhone'))
    params.qPhone = value(search.phone)
  }
  if (search.domain) {
    conditions.push(prefix('searchEmailDomain', 'qDomain'))
    params.qDomain = value(search.domain)
  }
  // The clients found before the list's queries (a contract reference, a searchable custom
  // field): a list of ids is a range of the primary key, which MariaDB merges with the others;
  // past the cap, subqueries (right, but a scan of the clients).
  if (Array.isArray(contractClients)) {
    conditions.push(`${alias}.id IN (:...qRefIds)`)
    params.qRefIds = contractClients
  } else if (contractClients === 'many') {
    if (search.reference) {
      const where = referenceCondition(mysql, `${alias}_ref`, referencePatterns(mysql, search.reference))
      const contracts = tableOf(dataSource, Contract)
      conditions.push(
        `${alias}.id IN (SELECT ${alias}_ref.clientId FROM ${contracts} ${alias}_ref WHERE ${where.sql})`,
      )
      Object.assign(params, where.params)
    }
    if (exact.trim() !== '') {
      // The custom fields marked searchable (issue 28): a prefix of one of their values.
      const custom = customSearchCondition(dataSource, alias, exact.trim(), hideAdminOnly)
      conditions.push(custom.sql)
      Object.assign(params, custom.params)
    }
  }
  qb.andWhere(conditions.length ? `(${conditions.join(' OR ')})` : '1 = 0', params)
  qb.setParameter('qExact', exact)
  qb.setParameter('qExactNumber', exact.toUpperCase())
  return `CASE WHEN ${alias}.clientNumber = :qExactNumber OR ${alias}.email = :qExact THEN 0 ELSE 1 END`
}

/**
 * Fills the search columns of clients written without them (rows from before this version, or
 * inserted by SQL): by batches of 1,000, so it runs in constant memory on any table size.
 */
export async function backfillSearchColumns(manager: EntityManager): Promise<number> {
  return (await backfillNameColumns(manager)) + (await backfillContactColumns(manager))
}

async function backfillNameColumns(manager: EntityManager): Promise<number> {
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

/**
 * The phone and email domain columns of clients that have a phone or an email and not their key
 * (by batches of 1,000 ids, a keyset: a phone without digits keeps no key and is passed over).
 */
async function backfillContactColumns(manager: EntityManager): Promise<number> {
  let done = 0
  let last = 0
  for (;;) {
    const rows: { id: number; phone: string | null; country: string | null; email: string | null }[] =
      await manager
        .createQueryBuilder()
        .select(['c.id AS id', 'c.phone AS phone', 'c.country AS country', 'c.email AS email'])
        .from(Client, 'c')
        .where('c.id > :last', { last })
        .andWhere(
          '((c.searchPhone IS NULL AND c.phone IS NOT NULL) OR (c.searchEmailDomain IS NULL AND c.email IS NOT NULL))',
        )
        .orderBy('c.id')
        .limit(1000)
        .getRawMany()
    if (rows.length === 0) return done
    last = Number(rows[rows.length - 1].id)
    const columns = rows.map((row) => contactSearchColumns(row.phone, row.country, row.email))
    const cases = rows.map(() => 'WHEN ? THEN ?').join(' ')
    await manager.query(
      `UPDATE ${tableOf(manager.connection, Client)} SET searchPhone = CASE id ${cases} END, searchEmailDomain = CASE id ${cases} END, updatedAt = updatedAt WHERE id IN (${rows.map(() => '?').join(', ')})`,
      [
        ...rows.flatMap((row, i) => [row.id, columns[i].searchPhone]),
        ...rows.flatMap((row, i) => [row.id, columns[i].searchEmailDomain]),
        ...rows.map((row) => row.id),
      ],
    )
    done += rows.length
  }
}
