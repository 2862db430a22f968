import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientAdvisor } from '../../entities/ClientAdvisor.js'
import { Contract } from '../../entities/Contract.js'
import { applySearch, contractClientsOf, type ContractClients } from './clientSearch.js'
import { applyCustomFilter } from './clientCustomFilter.js'
import { applyTagFilter } from './clientTagFilter.js'
import { isMysqlFamily } from '../core/transaction.js'
import { tableOf } from '../core/tableNames.js'
import { keysetPage, type Cursor, type KeysetPage, type OrderTerm } from './keyset.js'
import type { ClientListQuery, SortableColumn } from './clientListQuery.js'
import { EntityRows } from '../core/entityRows.js'
import { queryAndParameters, queryText } from '../core/queryText.js'
import { listActiveFields } from '../customFields/fieldCatalog.js'

export { readListQuery } from './clientListQuery.js'
export type { ClientListQuery, SortableColumn } from './clientListQuery.js'

/** Sortable columns that may be NULL (they sort first ascending, last descending). */
const NULLABLE: ReadonlySet<SortableColumn> = new Set(['firstName', 'email', 'phone'])

/** Indexes holding (sort column, id, status): a page in that order is read from the index alone. */
const ORDER_INDEXES: Partial<Record<SortableColumn, string>> = {
  lastName: 'IDX_clients_lastName_id_status',
  createdAt: 'IDX_clients_createdAt_id_status',
}

export interface ClientListPage {
  clients: Client[]
  total: number
  /** True when `total` is an estimate (no filter set and no exact count asked for). */
  totalIsEstimate: boolean
  /** Active contracts per client of the page. */
  activeContracts: Map<number, number>
}

/**
 * The client list at any size: a page costs five queries whatever its size (the page, the
 * active contracts of its clients, their tags — services/tags —, the total, and AdminJS's read
 * of the advisors).
 *
 * - The page is a deferred join: the ids of the page are found in an index alone (name or date,
 *   id, status), then only those rows are read. `OFFSET 39980` skips index entries, not rows.
 * - The search is a prefix of indexed columns (see clientSearch.ts), never `LIKE '%…%'`; a query
 *   that can be a contract reference, or any query while a custom field is searchable, costs one
 *   more query first (the clients of those contracts and of those values, in one statement).
 * - The total is `COUNT(*)` on the same conditions (no join, so no DISTINCT) when a filter is
 *   set; without one it is estimated from the highest id less the soft-deleted (two index reads).
 */
export class ClientList {
  constructor(readonly dataSource: DataSource) {}

  private filtered(
    query: ClientListQuery,
    alias: string,
    contractClients: ContractClients,
  ): { qb: SelectQueryBuilder<Client>; rank: string | null } {
    const qb = this.dataSource.getRepository(Client).createQueryBuilder(alias)
    if (query.status) qb.andWhere(`${alias}.status = :status`, { status: query.status })
    else qb.andWhere(`${alias}.status <> :deleted`, { deleted: 'deleted' })
    if (query.advisorId) {
      // The clients of the advisor (referent or any contract's) from client_advisors, kept in
      // step by the services: one range of its (advisorId, clientDeleted, lastName, clientId) index.
      qb.innerJoin(
        ClientAdvisor,
        `${alias}_adv`,
        `${alias}_adv.clientId = ${alias}.id AND ${alias}_adv.advisorId = :advisorId AND ${alias}_adv.clientDeleted = :advDeleted`,
        { advisorId: query.advisorId, advDeleted: query.status === 'deleted' },
      )
    }
    if (query.importBatchId) {
      qb.andWhere(`${alias}.importBatchId = :importBatchId`, { importBatchId: query.importBatchId })
    }
    if (query.createdFrom)
      qb.andWhere(`${alias}.createdAt >= :createdFrom`, { createdFrom: query.createdFrom })
    if (query.createdTo) qb.andWhere(`${alias}.createdAt <= :createdTo`, { createdTo: query.createdTo })
    if (query.hasActiveContracts !== null) {
      const active = `SELECT 1 FROM ${tableOf(this.dataSource, Contract)} kh WHERE kh.clientId = ${alias}.id AND kh.status = 'active'`
      qb.andWhere(query.hasActiveContracts ? `EXISTS (${active})` : `NOT EXISTS (${active})`)
    }
    if (query.contractProduct !== null || query.contractStatus !== null) {
      // A contract of this type and state, one correlated EXISTS read on the contracts'
      // (clientId, status) index: the same statement count whatever the number of clients.
      const conditions = [`kf.clientId = ${alias}.id`]
      if (query.contractStatus) conditions.push('kf.status = :contractStatus')
      if (query.contractProduct) conditions.push('kf.product = :contractProduct')
      qb.andWhere(
        `EXISTS (SELECT 1 FROM ${tableOf(this.dataSource, Contract)} kf WHERE ${conditions.join(' AND ')})`,
        { contractStatus: query.contractStatus, contractProduct: query.contractProduct },
      )
    }
    if (query.locale) qb.andWhere(`${alias}.locale = :locale`, { locale: query.locale })
    if (query.marketingConsent === 'unknown') qb.andWhere(`${alias}.marketingConsent IS NULL`)
    else if (query.marketingConsent)
      qb.andWhere(`${alias}.marketingConsent = :consent`, { consent: query.marketingConsent })
    applyTagFilter(this.dataSource, qb, alias, query.tags)
    const hideAdminOnly = query.adminOnlyFields === false
    applyCustomFilter(this.dataSource, qb, alias, query.customFields, hideAdminOnly)
    const rank = query.search
      ? applySearch(this.dataSource, qb, alias, query.search, contractClients, hideAdminOnly)
      : null
    return { qb, rank }
  }

  private hasFilter(query: ClientListQuery): boolean {
    return Boolean(
      query.search ||
      query.status ||
      query.advisorId ||
      query.createdFrom ||
      query.importBatchId ||
      query.createdTo ||
      query.tags ||
      query.customFields ||
      query.marketingConsent ||
      query.contractProduct ||
      query.contractStatus ||
      query.locale ||
      query.hasActiveContracts !== null,
    )
  }

  /** Filtered by advisor and nothing else (but every status, or the soft-deleted): the link table answers alone. */
  private onlyAdvisor(query: ClientListQuery): boolean {
    return Boolean(
      query.advisorId &&
      (query.status === null || query.status === 'deleted') &&
      !query.search &&
      !query.createdFrom &&
      !query.createdTo &&
      !query.importBatchId &&
      !query.tags &&
      !query.customFields &&
      !query.marketingConsent &&
      !query.contractProduct &&
      !query.contractStatus &&
      !query.locale &&
      query.hasActiveContracts === null,
    )
  }

  /**
   * The ids of one page, in order: the inner query of the deferred join (EXPLAIN it to see the
   * plan). `contractClients`: those of a searched contract reference (contractClientsFor), none by default.
   */
  pageIdsQuery(
    query: ClientListQuery,
    contractClients: ContractClients = null,
  ): { ids: SelectQueryBuilder<Client>; rank: string | null } {
    const dir = query.direction === 'asc' ? 'ASC' : 'DESC'
    const { qb: ids, rank } = this.filtered(query, 'f', contractClients)
    ids.select('f.id', 'id')
    // By name for one advisor: the link's copy of the name, so the page is the first entries of
    // its index range (the same order: the services keep the copy equal to the client's name).
    const byLink = query.advisorId !== null && !rank && query.sortBy === 'lastName'
    if (rank) ids.orderBy(rank, 'ASC').addOrderBy(`f.${query.sortBy}`, dir)
    else if (byLink) ids.orderBy('f_adv.lastName', dir)
    else ids.orderBy(`f.${query.sortBy}`, dir)
    ids
      .addOrderBy(byLink ? 'f_adv.clientId' : 'f.id', dir)
      .offset((query.page - 1) * query.perPage)
      .limit(query.perPage)
    // "Every status but deleted" is a range on the status index, which MariaDB prefers and then
    // sorts all rows; walking the (order, id, status) index is what makes page 1 and page 2,000
    // cheap. SQLite's planner takes it by itself.
    const orderIndex = ORDER_INDEXES[query.sortBy]
    if (!rank && !query.status && !query.advisorId && orderIndex && isMysqlFamily(this.dataSource)) {
      ids.useIndex(orderIndex)
    }
    return { ids, rank }
  }

  /** The clients of one page, in order (one query). */
  async rows(query: ClientListQuery, contractClients?: ContractClients): Promise<Client[]> {
    const dir = query.direction === 'asc' ? 'ASC' : 'DESC'
    const refs = contractClients === undefined ? await this.contractClients(query) : contractClients
    const { ids, rank } = this.pageIdsQuery(query, refs)
    const pageQuery = this.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .innerJoin(`(${queryText(ids)})`, 'p', 'p.id = c.id')
      .setParameters(ids.getParameters())
    if (rank) pageQuery.orderBy(rank.replace(/\bf\./g, 'c.'), 'ASC').addOrderBy(`c.${query.sortBy}`, dir)
    else pageQuery.orderBy(`c.${query.sortBy}`, dir)
    return EntityRows.of(this.dataSource, Client).fromQuery(pageQuery.addOrderBy('c.id', dir))
  }

  /** A page with its total and its active contracts counts; the total is read while the page is. */
  async page(query: ClientListQuery, options: { total?: boolean } = {}): Promise<ClientListPage> {
    // Both reads awaited together: when the page's query fails first, the total's failure is
    // still someone's to handle (a rejection left alone would end the process).
    const refs = await this.contractClients(query)
    const [counted, { clients, activeContracts }] = await Promise.all([
      options.total === false ? null : this.total(query, refs),
      this.rows(query, refs).then(async (clients) => ({
        clients,
        activeContracts: await this.activeContracts(clients),
      })),
    ])
    return { clients, ...(counted ?? { total: clients.length, totalIsEstimate: true }), activeContracts }
  }

  /**
   * The list's rows after `cursor`, in the list's order, with the `columns` asked for (plain
   * columns of `clients`, checked by the caller): what an export streams, a keyset page at a
   * time. Same filters and search as the page the panel shows; never `OFFSET`.
   */
  async keysetRows(
    query: ClientListQuery,
    columns: readonly string[],
    cursor: Cursor | null,
    size: number,
    options: { activeContracts?: boolean } = {},
  ): Promise<KeysetPage> {
    const dir = query.direction === 'asc' ? 'ASC' : 'DESC'
    const { qb, rank } = this.filtered(query, 'c', await this.contractClients(query, 'table'))
    const order: OrderTerm[] = [
      ...(rank ? [{ expr: rank, dir: 'ASC' as const }] : []),
      {
        expr: `c.${query.sortBy}`,
        dir,
        nullable: NULLABLE.has(query.sortBy),
        temporal: query.sortBy === 'createdAt',
      },
      { expr: 'c.id', dir },
    ]
    qb.select('c.id', 'id')
    for (const column of columns) qb.addSelect(`c.${column}`, column)
    if (options.activeContracts) {
      // The list's count of active contracts, read with the row (the contracts' (clientId, status) index).
      const contracts = tableOf(this.dataSource, Contract)
      qb.addSelect(
        `(SELECT COUNT(*) FROM ${contracts} ka WHERE ka.clientId = c.id AND ka.status = 'active')`,
        'activeContracts',
      )
    }
    return keysetPage(this.dataSource, qb, order, cursor, size)
  }

  /**
   * The list's filters over `clients` (alias `c`), nothing selected, ordered or paged yet: for a
   * set-based statement over the whole list (a campaign freezes its segment with INSERT … SELECT).
   */
  async filteredQuery(query: ClientListQuery): Promise<SelectQueryBuilder<Client>> {
    return this.filtered(query, 'c', await this.contractClients(query, 'table')).qb
  }

  /**
   * The clients a searched contract reference points to: one lookup per query object, shared by
   * its page and its total (the list action asks for both with the same query).
   */
  contractClientsFor(query: ClientListQuery): Promise<ContractClients> {
    return this.contractClients(query)
  }

  /**
   * `fields`: where the lookup learns whether a custom field is searchable. A page of the panel
   * reads the process's copy of the definitions (`listActiveFields`, as its columns do: a field
   * made searchable on another instance is searched there within two seconds), and asks the
   * custom values only when one is; a set-based read (an export, a campaign's segment) always
   * asks them, reading the table itself.
   */
  private contractClients(
    query: ClientListQuery,
    fields: 'page' | 'table' = 'page',
  ): Promise<ContractClients> {
    const memo = this.lookedUp[fields]
    let found = memo.get(query)
    if (!found) {
      const hideAdminOnly = query.adminOnlyFields === false
      found = (
        fields === 'page' && query.search ? this.anySearchableField(hideAdminOnly) : Promise.resolve(true)
      ).then((customFields) =>
        contractClientsOf(this.dataSource, query.search, hideAdminOnly, { customFields }),
      )
      memo.set(query, found)
      // A failed lookup is not kept: the next call asks again.
      found.catch(() => memo.delete(query))
    }
    return found
  }

  private async anySearchableField(hideAdminOnly: boolean): Promise<boolean> {
    const fields = await listActiveFields(this.dataSource)
    return fields.some((f) => f.searchable && (!hideAdminOnly || f.visibility === 'everyone'))
  }

  private readonly lookedUp = {
    page: new WeakMap<ClientListQuery, Promise<ContractClients>>(),
    table: new WeakMap<ClientListQuery, Promise<ContractClients>>(),
  }

  /** One aggregated query for the whole page. */
  async activeContracts(clients: { id: number }[]): Promise<Map<number, number>> {
    const counts = new Map(clients.map((c) => [c.id, 0]))
    if (clients.length === 0) return counts
    // Plain SQL: TypeORM's builder costs more than this query (the contracts' (clientId, status) index).
    const ids = clients.map((c) => c.id)
    const rows: { clientId: number; n: number | string }[] = await this.dataSource.query(
      `SELECT k.clientId AS clientId, COUNT(*) AS n FROM ${tableOf(this.dataSource, Contract)} k WHERE k.clientId IN (${ids.map(() => '?').join(', ')}) AND k.status = ? GROUP BY k.clientId`,
      [...ids, 'active'],
    )
    for (const row of rows) counts.set(Number(row.clientId), Number(row.n))
    return counts
  }

  /** The `n` of a `COUNT(*) AS n` builder; its SQL made once per shape (core/queryText.ts). */
  private async count(query: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
    const [row]: { n: number | string }[] = await this.dataSource.query(...queryAndParameters(query))
    return Number(row?.n ?? 0)
  }

  /**
   * Exact with a filter or on request, else the estimate. Not cached: right after a delete the
   * admin expects the total to have moved.
   */
  async total(
    query: ClientListQuery,
    contractClients?: ContractClients,
  ): Promise<{ total: number; totalIsEstimate: boolean }> {
    if (this.onlyAdvisor(query)) {
      // The advisor's range of client_advisors alone (plain AdminJS counts one index range too).
      const count = this.dataSource
        .getRepository(ClientAdvisor)
        .createQueryBuilder('a')
        .select('COUNT(*)', 'n')
        .where('a.advisorId = :advisorId AND a.clientDeleted = :deleted', {
          advisorId: query.advisorId,
          deleted: query.status === 'deleted',
        })
      return { total: await this.count(count), totalIsEstimate: false }
    }
    if (query.exactCount || this.hasFilter(query)) {
      // COUNT(*), not TypeORM's getCount(): that one counts DISTINCT ids.
      const refs = contractClients === undefined ? await this.contractClients(query) : contractClients
      const count = this.filtered(query, 't', refs).qb.select('COUNT(*)', 'n')
      return { total: await this.count(count), totalIsEstimate: false }
    }
    // The highest id less the soft-deleted (a range on the status index): exact but for ids
    // lost to rolled-back inserts and rows removed for good.
    const clients = tableOf(this.dataSource, Client)
    const [row]: { estimate: number | string | null }[] = await this.dataSource.query(
      `SELECT (SELECT MAX(id) FROM ${clients}) - (SELECT COUNT(*) FROM ${clients} WHERE status = 'deleted') AS estimate`,
    )
    return { total: Math.max(0, Number(row?.estimate ?? 0)), totalIsEstimate: true }
  }
}
