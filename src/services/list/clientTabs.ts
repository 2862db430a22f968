import type { DataSource, SelectQueryBuilder, ObjectLiteral } from 'typeorm'
import { Filter, type BaseResource, type CurrentAdmin } from 'adminjs'
import { Advisor } from '../../entities/Advisor.js'
import { Client } from '../../entities/Client.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { ClientNote } from '../../entities/ClientNote.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { EmailLog } from '../../entities/EmailLog.js'
import type { DataTab, HostTab } from '../../shared/clientPageTabs.js'
import { tableOf } from '../core/tableNames.js'
import { keysetPage, type Cursor, type KeysetPage, type OrderTerm } from './keyset.js'

// Newest first; the id breaks ties (several events of one transaction share their second).
const HISTORY_ORDER: OrderTerm[] = [
  { expr: 'v.createdAt', dir: 'DESC', temporal: true },
  { expr: 'v.id', dir: 'DESC' },
]

/** One page of a tab: only the columns the tab shows, never a secret. */
export interface TabPage {
  tab: string
  page: number
  perPage: number
  total: number
  rows: Record<string, unknown>[]
  /** Commissions only: the sum of all the client's commissions, not only this page's. */
  sum?: string
  /** Host tabs only: the columns holding an enum value, which the page shows translated. */
  enums?: string[]
}

interface Paging {
  page: number
  perPage: number
}

const advisorName = (a: Pick<Advisor, 'lastName' | 'firstName'> | null | undefined) =>
  a ? [a.lastName, a.firstName].filter(Boolean).join(' ') : null

/** A page of rows and the count: two statements, whatever the page or its size. */
async function paged<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  { page, perPage }: Paging,
): Promise<[T[], number]> {
  // offset/limit rather than skip/take: the joins are many-to-one, no row is repeated, and
  // TypeORM would otherwise add a third query for the distinct ids.
  const rows = await qb
    .clone()
    .offset((page - 1) * perPage)
    .limit(perPage)
    .getMany()
  const total = await qb.clone().orderBy().getCount()
  return [rows, total]
}

/**
 * The tabs of the client page, read a page at a time (services own the queries). Each page is
 * two statements (rows and count); columns are chosen, so
 * secrets never come out.
 */
export class ClientTabs {
  constructor(private readonly dataSource: DataSource) {}

  /** The history tab's rows of a client (its columns, never more), unordered. */
  historyQuery(clientId: number): SelectQueryBuilder<ClientEvent> {
    return this.dataSource
      .getRepository(ClientEvent)
      .createQueryBuilder('v')
      .select(['v.id', 'v.createdAt', 'v.type', 'v.actorType', 'v.actor', 'v.ip', 'v.reason', 'v.changes'])
      .where('v.clientId = :clientId', { clientId })
  }

  /** The history tab's rows after `cursor`, newest first, raw: what its export streams (keyset pages). */
  async historyRows(clientId: number, cursor: Cursor | null, size: number): Promise<KeysetPage> {
    const qb = this.historyQuery(clientId)
    return keysetPage(this.dataSource, qb, HISTORY_ORDER, cursor, size)
  }

  /** `client` as the page already has it: its id and its referent advisor. */
  async read(tab: DataTab, client: Pick<Client, 'id' | 'advisorId'>, paging: Paging): Promise<TabPage> {
    const clientId = client.id
    const base = { tab, page: paging.page, perPage: paging.perPage }
    switch (tab) {
      case 'contracts': {
        const [rows, total] = await paged(
          this.dataSource
            .getRepository(Contract)
            .createQueryBuilder('k')
            .leftJoin('k.advisor', 'a')
            .select(['k.id', 'k.reference', 'k.product', 'k.status', 'k.startDate', 'k.endDate', 'k.premium'])
            .addSelect(['k.advisorId', 'a.id', 'a.code', 'a.lastName', 'a.firstName'])
            .where('k.clientId = :clientId', { clientId })
            .orderBy('k.startDate', 'DESC')
            .addOrderBy('k.id', 'DESC'),
          paging,
        )
        return {
          ...base,
          total,
          rows: rows.map((k) => ({
            id: k.id,
            reference: k.reference,
            product: k.product,
            advisorId: k.advisorId,
            advisor: advisorName(k.advisor),
            status: k.status,
            startDate: k.startDate,
            endDate: k.endDate,
            premium: k.premium,
          })),
        }
      }
      case 'commissions': {
        const qb = this.dataSource
          .getRepository(Commission)
          .createQueryBuilder('m')
          .leftJoin('m.contract', 'k')
          .leftJoin('m.advisor', 'a')
          .select(['m.id', 'm.period', 'm.amount', 'm.status', 'm.contractId', 'm.advisorId'])
          .addSelect(['k.id', 'k.reference', 'a.id', 'a.lastName', 'a.firstName'])
          .where('m.clientId = :clientId', { clientId })
          .orderBy('m.period', 'DESC')
          .addOrderBy('m.id', 'DESC')
        const rows = await qb
          .clone()
          .offset((paging.page - 1) * paging.perPage)
          .limit(paging.perPage)
          .getMany()
        // Count and total in one statement.
        const totals = await this.dataSource
          .getRepository(Commission)
          .createQueryBuilder('m')
          .select('COUNT(*)', 'n')
          .addSelect('COALESCE(SUM(m.amount), 0)', 'sum')
          .where('m.clientId = :clientId', { clientId })
          .getRawOne<{ n: number | string; sum: number | string }>()
        return {
          ...base,
          total: Number(totals?.n ?? 0),
          sum: Number(totals?.sum ?? 0).toFixed(2),
          rows: rows.map((m) => ({
            id: m.id,
            period: m.period,
            contractId: m.contractId,
            contract: m.contract?.reference ?? null,
            advisorId: m.advisorId,
            advisor: advisorName(m.advisor),
            amount: m.amount,
            status: m.status,
          })),
        }
      }
      case 'advisors': {
        const referentId = client.advisorId
        const qb = this.dataSource
          .getRepository(Advisor)
          .createQueryBuilder('a')
          .select(['a.id', 'a.code', 'a.lastName', 'a.firstName', 'a.email', 'a.phone', 'a.active'])
          .where(
            `(a.id = :referentId OR a.id IN (SELECT k.advisorId FROM ${tableOf(this.dataSource, Contract)} k WHERE k.clientId = :clientId))`,
            { referentId: referentId ?? -1, clientId },
          )
          // The referent first, then by name.
          .orderBy(`CASE WHEN a.id = :referentId THEN 0 ELSE 1 END`, 'ASC')
          .addOrderBy('a.lastName', 'ASC')
          .addOrderBy('a.id', 'ASC')
        const [rows, total] = await paged(qb, paging)
        return {
          ...base,
          total,
          rows: rows.map((a) => ({
            id: a.id,
            code: a.code,
            name: advisorName(a),
            email: a.email,
            phone: a.phone,
            active: a.active,
            referent: a.id === referentId,
          })),
        }
      }
      case 'emails': {
        const [rows, total] = await paged(
          this.dataSource
            .getRepository(EmailLog)
            .createQueryBuilder('e')
            .select([
              'e.id',
              'e.createdAt',
              'e.subject',
              'e.status',
              'e.to',
              'e.error',
              'e.attempts',
              'e.nextAttemptAt',
            ])
            .where('e.clientId = :clientId', { clientId })
            .orderBy('e.createdAt', 'DESC')
            .addOrderBy('e.id', 'DESC'),
          paging,
        )
        return {
          ...base,
          total,
          rows: rows.map((e) => ({
            id: e.id,
            createdAt: e.createdAt,
            subject: e.subject,
            status: e.status,
            to: e.to,
            error: e.error,
            attempts: e.attempts,
            // A queued row's next try; a sending row's is its lease end, not a planned try.
            nextAttemptAt: e.status === 'queued' ? e.nextAttemptAt : null,
          })),
        }
      }
      case 'history': {
        const history = this.historyQuery(clientId)
        for (const term of HISTORY_ORDER) history.addOrderBy(term.expr, term.dir)
        const [rows, total] = await paged(history, paging)
        return {
          ...base,
          total,
          rows: rows.map((v) => ({
            id: v.id,
            createdAt: v.createdAt,
            type: v.type,
            actorType: v.actorType,
            actor: v.actor,
            ip: v.ip,
            reason: v.reason,
            // Stored masked already (hooks and lifecycle); the field names say what changed.
            changes: v.changes ?? [],
          })),
        }
      }
      case 'notes': {
        const [rows, total] = await paged(
          this.dataSource
            .getRepository(ClientNote)
            .createQueryBuilder('n')
            .select(['n.id', 'n.createdAt', 'n.author', 'n.body'])
            .where('n.clientId = :clientId', { clientId })
            .orderBy('n.createdAt', 'DESC')
            .addOrderBy('n.id', 'DESC'),
          paging,
        )
        return {
          ...base,
          total,
          rows: rows.map((n) => ({ id: n.id, createdAt: n.createdAt, author: n.author, body: n.body })),
        }
      }
    }
  }
}

export type HostTabError = 'hostTabUnknownResource' | 'hostTabBadKey' | 'forbiddenError'

/**
 * A page of a host resource's records that reference the client, read through AdminJS's own
 * adapter (any database the host uses): a count and a find, only the configured columns.
 */
export async function readHostTab(
  resource: BaseResource | undefined,
  tab: HostTab,
  clientId: number,
  paging: Paging,
  currentAdmin: CurrentAdmin | undefined,
): Promise<TabPage | { error: HostTabError }> {
  if (!resource) return { error: 'hostTabUnknownResource' }
  // A string property would be filtered with LIKE '%…%' by the adapter: 12 would match 112.
  const key = resource.property(tab.foreignKey)
  if (!key || key.type() === 'string') return { error: 'hostTabBadKey' }
  // The host's own rule for its list applies: a tab shows nothing its list would not.
  const list = resource.decorate().actions.list
  if (!list || !list.isAccessible(currentAdmin)) return { error: 'forbiddenError' }
  const filter = new Filter({ [tab.foreignKey]: String(clientId) }, resource)
  const idPath =
    resource
      .properties()
      .find((p) => p.isId())
      ?.path() ?? 'id'
  const [total, records] = await Promise.all([
    resource.count(filter),
    resource.find(filter, {
      limit: paging.perPage,
      offset: (paging.page - 1) * paging.perPage,
      sort: { sortBy: idPath, direction: 'desc' },
    }),
  ])
  const decorated = resource.decorate()
  return {
    tab: tab.resourceId,
    enums: tab.columns.filter((c) => (decorated.getPropertyByKey(c)?.availableValues() ?? []).length > 0),
    page: paging.page,
    perPage: paging.perPage,
    total,
    rows: records.map((record) => ({
      id: String(record.id()),
      ...Object.fromEntries(tab.columns.map((column) => [column, record.get(column) ?? null])),
    })),
  }
}
