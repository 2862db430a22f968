import { likeEscape } from '../core/sqlPatterns.js'
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { COMMISSION_STATUSES, CONTRACT_STATUSES } from '../../entities/columns.js'
import { InvalidInputError } from '../core/errors.js'
import { hasControlCharacters } from '../core/requestValues.js'
import { isMysqlFamily } from '../core/transaction.js'
import { keysetPage, type Cursor, type KeysetPage, type OrderTerm } from './keyset.js'

/** How a filter of the list compares: as AdminJS's TypeORM adapter does, so the list reads the same. */
type FilterKind = 'id' | 'contains' | 'dateRange' | readonly string[]

/** A list of records of one entity (Contract, Commission): its filters, its sortable columns. */
export interface RecordListSpec {
  resourceId: string
  entity: EntityTarget<ObjectLiteral>
  filters: Record<string, FilterKind>
  sortable: readonly string[]
  nullable: ReadonlySet<string>
  temporal: ReadonlySet<string>
}

export const CONTRACT_LIST: RecordListSpec = {
  resourceId: 'Contract',
  entity: Contract,
  filters: {
    reference: 'contains',
    clientId: 'id',
    advisorId: 'id',
    product: 'contains',
    status: CONTRACT_STATUSES,
    startDate: 'dateRange',
  },
  sortable: [
    'id',
    'reference',
    'clientId',
    'advisorId',
    'product',
    'status',
    'startDate',
    'endDate',
    'premium',
    'createdAt',
    'updatedAt',
  ],
  nullable: new Set(['clientId', 'advisorId', 'startDate', 'endDate', 'premium']),
  temporal: new Set(['startDate', 'endDate', 'createdAt', 'updatedAt']),
}

export const COMMISSION_LIST: RecordListSpec = {
  resourceId: 'Commission',
  entity: Commission,
  filters: {
    period: 'dateRange',
    clientId: 'id',
    contractId: 'id',
    advisorId: 'id',
    status: COMMISSION_STATUSES,
    importBatchId: 'id',
  },
  sortable: [
    'id',
    'period',
    'clientId',
    'contractId',
    'advisorId',
    'amount',
    'rate',
    'status',
    'importBatchId',
    'createdAt',
  ],
  nullable: new Set(['clientId', 'contractId', 'advisorId', 'rate', 'importBatchId']),
  temporal: new Set(['period', 'createdAt']),
}

/** One condition of the list: a column and what it is compared with. */
export type RecordFilter =
  | { column: string; kind: 'equal'; value: string | number }
  | { column: string; kind: 'contains'; value: string }
  | { column: string; kind: 'from' | 'to'; value: string }

export interface RecordListQuery {
  filters: RecordFilter[]
  sortBy: string
  direction: 'asc' | 'desc'
  page: number
  perPage: number
}

const DAY = /^\d{4}-\d{2}-\d{2}/
const RANGE = /^(.+)~~(from|to)$/

/** The lists of records by their resource, as a saved view names them. */
export const RECORD_LISTS = { Contract: CONTRACT_LIST, Commission: COMMISSION_LIST } as const

/**
 * One of AdminJS's filter parameters (`status`, `startDate~~from`: the key after `filters.`) as a
 * condition; `null` for a blank value (no condition); `exportUnknownFilter` when the list has no
 * such filter, `exportBadFilter` when its value is not of the filter's kind.
 */
export function readRecordFilter(
  spec: RecordListSpec,
  path: string,
  raw: unknown,
): RecordFilter | null | 'exportUnknownFilter' | 'exportBadFilter' {
  const range = RANGE.exec(path)
  const column = range ? range[1] : path
  const kind = Object.hasOwn(spec.filters, column) ? spec.filters[column] : undefined
  const value = typeof raw === 'string' ? raw.trim() : null
  if (value === '') return null
  if (!kind) return 'exportUnknownFilter'
  const fits = value !== null && value.length <= 500 && !hasControlCharacters(value)
  if (fits && kind === 'dateRange' && range && DAY.test(value) && !Number.isNaN(Date.parse(value))) {
    return { column, kind: range[2] as 'from' | 'to', value: value.slice(0, 10) }
  } else if (fits && !range && kind === 'id' && /^[1-9]\d{0,9}$/.test(value)) {
    return { column, kind: 'equal', value: Number(value) }
  } else if (fits && !range && kind === 'contains') {
    return { column, kind: 'contains', value }
  } else if (fits && !range && Array.isArray(kind) && kind.includes(value)) {
    return { column, kind: 'equal', value }
  }
  return 'exportBadFilter'
}

/**
 * AdminJS's list parameters (`filters.status`, `filters.startDate~~from`, `sortBy`…) as a query.
 * The list ignores what does not fit (the router has cleaned it already); an export is `strict`
 * and refuses it: an unknown filter or a value of the wrong kind is an `InvalidInputError`.
 */
export function readRecordListQuery(
  spec: RecordListSpec,
  params: Record<string, unknown>,
  defaults: { sortBy: string; direction: 'asc' | 'desc'; perPage: number; maxPerPage: number },
  strict = false,
): RecordListQuery {
  const errors: Record<string, string> = {}
  const filters: RecordFilter[] = []
  for (const [key, raw] of Object.entries(params)) {
    if (!key.startsWith('filters.')) continue
    const filter = readRecordFilter(spec, key.slice('filters.'.length), raw)
    if (typeof filter === 'string') errors[key] = filter
    else if (filter) filters.push(filter)
  }
  const sortBy = typeof params.sortBy === 'string' ? params.sortBy : ''
  if (sortBy && !spec.sortable.includes(sortBy)) errors.sortBy = 'exportBadSort'
  const direction = params.direction
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc')
    errors.direction = 'exportBadSort'
  if (strict && Object.keys(errors).length > 0) throw new InvalidInputError(errors)
  return {
    filters,
    sortBy: sortBy && spec.sortable.includes(sortBy) ? sortBy : defaults.sortBy,
    direction: direction === 'asc' || direction === 'desc' ? direction : defaults.direction,
    page: Math.max(1, Math.floor(Number(params.page)) || 1),
    perPage: Math.min(
      defaults.maxPerPage,
      Math.max(1, Math.floor(Number(params.perPage)) || defaults.perPage),
    ),
  }
}

/**
 * The Contract and Commission lists, and everything that reads what they show (the commission
 * totals, the export): one filtered query, a page by `OFFSET` for the panel, by keyset for an export.
 */
export class RecordList {
  constructor(
    private readonly dataSource: DataSource,
    readonly spec: RecordListSpec,
  ) {}

  filtered(query: RecordListQuery, alias = 'r'): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.dataSource.getRepository(this.spec.entity).createQueryBuilder(alias)
    const escape = isMysqlFamily(this.dataSource) ? '' : " ESCAPE '\\'"
    query.filters.forEach((filter, i) => {
      const column = `${alias}.${filter.column}`
      const param = `f${i}`
      if (filter.kind === 'equal') qb.andWhere(`${column} = :${param}`, { [param]: filter.value })
      // A `%` typed in the box is a percent sign: backslash escapes (MySQL's default, said to SQLite).
      else if (filter.kind === 'contains')
        qb.andWhere(`${column} LIKE :${param}${escape}`, { [param]: `%${likeEscape(filter.value)}%` })
      else if (filter.kind === 'from') qb.andWhere(`${column} >= :${param}`, { [param]: filter.value })
      else qb.andWhere(`${column} <= :${param}`, { [param]: filter.value })
    })
    return qb
  }

  order(query: RecordListQuery, alias = 'r'): OrderTerm[] {
    const dir = query.direction === 'asc' ? 'ASC' : 'DESC'
    return [
      {
        expr: `${alias}.${query.sortBy}`,
        dir,
        nullable: this.spec.nullable.has(query.sortBy),
        temporal: this.spec.temporal.has(query.sortBy),
      },
      { expr: `${alias}.id`, dir },
    ]
  }

  /** A page for the panel, and the total: two statements. */
  async page(query: RecordListQuery): Promise<{ rows: ObjectLiteral[]; total: number }> {
    const qb = this.filtered(query)
    for (const term of this.order(query)) qb.addOrderBy(term.expr, term.dir)
    const rows = await qb
      .offset((query.page - 1) * query.perPage)
      .limit(query.perPage)
      .getMany()
    return { rows, total: await this.count(query) }
  }

  async count(query: RecordListQuery): Promise<number> {
    const row = await this.filtered(query).select('COUNT(*)', 'n').getRawOne<{ n: number | string }>()
    return Number(row?.n ?? 0)
  }

  /**
   * The rows after `cursor`, in the list's order (`select` adds the columns and joins wanted on
   * alias `r`): a keyset page, an index range whatever how deep.
   */
  async keysetRows(
    query: RecordListQuery,
    select: (qb: SelectQueryBuilder<ObjectLiteral>) => void,
    cursor: Cursor | null,
    size: number,
  ): Promise<KeysetPage> {
    const order = this.order(query)
    const qb = this.filtered(query).select([])
    select(qb)
    return keysetPage(this.dataSource, qb, order, cursor, size)
  }
}
