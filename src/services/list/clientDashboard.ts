import type { DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { Commission } from '../../entities/Commission.js'
import { isMysqlFamily } from '../core/transaction.js'
import { CLIENT_STATUSES, type ClientStatus } from '../../entities/columns.js'

export interface ClientDashboardData {
  /** Clients per status, every status present (0 when none). */
  byStatus: Record<ClientStatus, number>
  /** Clients created since the first day of this month (UTC). */
  newThisMonth: number
  /** The last 12 months (UTC), oldest first: `2026-03`, clients created in it, commissions' sum. */
  months: { month: string; newClients: number; commissions: string }[]
  /** The longest-waiting pending clients (not confirmed yet), at most 5. */
  awaitingConfirmation: { id: number; clientNumber: string; name: string; createdAt: Date }[]
  /** The 10 latest history entries, with their client. */
  latestActions: {
    id: number
    createdAt: Date
    type: string
    actor: string | null
    actorType: string
    clientId: number | null
    client: string | null
  }[]
}

const nameOf = (c: { lastName: string; firstName: string | null }) =>
  [c.lastName, c.firstName].filter(Boolean).join(' ')

/** `YYYY-MM` of a date as a driver returns it (a Date, or text on SQLite). */
const monthOf = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 7)

/** The 12 months ending with the one of `now` (UTC), oldest first, as `YYYY-MM`. */
function lastTwelveMonths(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)).toISOString().slice(0, 7),
  )
}

/**
 * What the home page shows: five statements, whatever the number of clients (by status, pending,
 * latest actions, clients per month and commissions per month over 12 months, each grouped by
 * the database on an indexed column).
 */
export async function clientDashboard(
  dataSource: DataSource,
  now = new Date(),
): Promise<ClientDashboardData> {
  const months = lastTwelveMonths(now)
  const firstDay = `${months[0]}-01`
  const since = new Date(`${firstDay}T00:00:00.000Z`)
  const clients = dataSource.getRepository(Client)
  // SQLite keeps dates as ISO text; MySQL and MariaDB as DATETIME.
  const createdMonth = isMysqlFamily(dataSource)
    ? `DATE_FORMAT(c.createdAt, '%Y-%m')`
    : `substr(c.createdAt, 1, 7)`
  const [byStatus, perMonth, pending, events, commissions] = await Promise.all([
    clients
      .createQueryBuilder('c')
      .select('c.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('c.status')
      .getRawMany<{ status: ClientStatus; n: number | string }>(),
    clients
      .createQueryBuilder('c')
      .select(createdMonth, 'month')
      .addSelect('COUNT(*)', 'n')
      .where('c.createdAt >= :since', { since })
      .groupBy(createdMonth)
      .getRawMany<{ month: string; n: number | string }>(),
    clients
      .createQueryBuilder('c')
      .select(['c.id', 'c.clientNumber', 'c.lastName', 'c.firstName', 'c.createdAt'])
      .where("c.status = 'pending'")
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(5)
      .getMany(),
    dataSource
      .getRepository(ClientEvent)
      .createQueryBuilder('v')
      .leftJoin('v.client', 'c')
      .select(['v.id', 'v.createdAt', 'v.type', 'v.actor', 'v.actorType', 'v.clientId'])
      .addSelect(['c.id', 'c.lastName', 'c.firstName'])
      .orderBy('v.createdAt', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(10)
      .getMany(),
    // A commission's period is the first day of its month (a DATE): grouped as it is.
    dataSource
      .getRepository(Commission)
      .createQueryBuilder('m')
      .select('m.period', 'period')
      .addSelect('COALESCE(SUM(m.amount), 0)', 'total')
      .where('m.period >= :firstDay', { firstDay })
      .groupBy('m.period')
      .getRawMany<{ period: unknown; total: number | string }>(),
  ])
  const newClients = new Map(perMonth.map((r) => [monthOf(r.month), Number(r.n)]))
  const sums = new Map<string, number>()
  for (const row of commissions) {
    const month = monthOf(row.period)
    sums.set(month, (sums.get(month) ?? 0) + Math.round(Number(row.total) * 100))
  }
  const counts = Object.fromEntries(CLIENT_STATUSES.map((s) => [s, 0])) as Record<ClientStatus, number>
  for (const row of byStatus) if (row.status in counts) counts[row.status] = Number(row.n)
  return {
    byStatus: counts,
    newThisMonth: newClients.get(months[11]) ?? 0,
    months: months.map((month) => ({
      month,
      newClients: newClients.get(month) ?? 0,
      commissions: ((sums.get(month) ?? 0) / 100).toFixed(2),
    })),
    awaitingConfirmation: pending.map((c) => ({
      id: c.id,
      clientNumber: c.clientNumber,
      name: nameOf(c),
      createdAt: c.createdAt,
    })),
    latestActions: events.map((v) => ({
      id: v.id,
      createdAt: v.createdAt,
      type: v.type,
      actor: v.actor,
      actorType: v.actorType,
      clientId: v.clientId,
      client: v.client ? nameOf(v.client) : null,
    })),
  }
}
