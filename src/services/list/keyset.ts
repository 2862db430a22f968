import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { isMysqlFamily } from '../core/transaction.js'

/** One term of a list's order: an SQL expression on the query's alias, its direction, and whether it may be NULL. */
export interface OrderTerm {
  expr: string
  dir: 'ASC' | 'DESC'
  nullable?: boolean
  /** A date or time: its cursor value is read as text, so MariaDB's microseconds survive the round trip. */
  temporal?: boolean
}

/** The values of the order terms of the last row read: where the next page starts. */
export type Cursor = unknown[]

const cursorAlias = (i: number) => `__k${i}`

/**
 * Selects each order term under `__k0`, `__k1`… so the last row of a page gives the cursor of
 * the next, exactly as the database holds it (a datetime(6) as text, not a JavaScript Date).
 */
function selectCursor<T extends ObjectLiteral>(
  dataSource: DataSource,
  qb: SelectQueryBuilder<T>,
  order: OrderTerm[],
): void {
  const mysql = isMysqlFamily(dataSource)
  order.forEach((term, i) => {
    const expr = term.temporal && mysql ? `CAST(${term.expr} AS CHAR)` : term.expr
    qb.addSelect(expr, cursorAlias(i))
  })
  for (const term of order) qb.addOrderBy(term.expr, term.dir)
}

const cursorOf = (row: Record<string, unknown>, order: OrderTerm[]): Cursor =>
  order.map((_, i) => row[cursorAlias(i)] ?? null)

/**
 * Adds "after this cursor" to a query ordered by `order` (the last term unique, the id): a page
 * is an index range, never `OFFSET`. NULLs sort first ascending and last descending on SQLite
 * and MySQL/MariaDB alike, which the conditions below follow.
 */
function afterCursor<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  order: OrderTerm[],
  cursor: Cursor | null,
): void {
  if (!cursor) return
  const params: Record<string, unknown> = {}
  const equal = (term: OrderTerm, i: number) => {
    if (cursor[i] === null) return `${term.expr} IS NULL`
    params[`kc${i}`] = cursor[i]
    return `${term.expr} = :kc${i}`
  }
  const beyond = (term: OrderTerm, i: number) => {
    const value = cursor[i]
    if (value === null) return term.dir === 'ASC' ? `${term.expr} IS NOT NULL` : '1 = 0'
    params[`kc${i}`] = value
    const op = term.dir === 'ASC' ? '>' : '<'
    const strict = `${term.expr} ${op} :kc${i}`
    return term.nullable && term.dir === 'DESC' ? `(${strict} OR ${term.expr} IS NULL)` : strict
  }
  const branches = order.map((term, i) =>
    [...order.slice(0, i).map((t, j) => equal(t, j)), beyond(term, i)].join(' AND '),
  )
  // The first term bounded on its own too: the range the index walks (an OR alone may scan).
  const first = order[0]
  const lead =
    cursor[0] !== null && !first.nullable
      ? `${first.expr} ${first.dir === 'ASC' ? '>=' : '<='} :kc0 AND `
      : ''
  qb.andWhere(`(${lead}(${branches.join(' OR ')}))`, params)
}

/** A page of raw rows and where the next one starts (null: this was the last). */
export interface KeysetPage {
  rows: Record<string, unknown>[]
  cursor: Cursor | null
}

/**
 * One keyset page of a query (its columns already selected): the order's cursor columns, the
 * rows after `cursor`, at most `size` of them, and the cursor of the next page.
 */
export async function keysetPage<T extends ObjectLiteral>(
  dataSource: DataSource,
  qb: SelectQueryBuilder<T>,
  order: OrderTerm[],
  cursor: Cursor | null,
  size: number,
): Promise<KeysetPage> {
  selectCursor(dataSource, qb, order)
  afterCursor(qb, order, cursor)
  const rows: Record<string, unknown>[] = await qb.limit(size).getRawMany()
  return { rows, cursor: rows.length === size ? cursorOf(rows[rows.length - 1], order) : null }
}
