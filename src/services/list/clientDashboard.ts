import type { DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { CLIENT_STATUSES, type ClientStatus } from '../../entities/columns.js'

export interface ClientDashboardData {
  /** Clients per status, every status present (0 when none). */
  byStatus: Record<ClientStatus, number>
  /** Clients created since the first day of this month (UTC). */
  newThisMonth: number
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

/** What the home page shows: four statements, whatever the number of clients. */
export async function clientDashboard(
  dataSource: DataSource,
  now = new Date(),
): Promise<ClientDashboardData> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
  const clients = dataSource.getRepository(Client)
  const [byStatus, fresh, pending, events] = await Promise.all([
    clients
      .createQueryBuilder('c')
      .select('c.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('c.status')
      .getRawMany<{ status: ClientStatus; n: number | string }>(),
    clients.createQueryBuilder('c').where('c.createdAt >= :monthStart', { monthStart }).getCount(),
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
  ])
  const counts = Object.fromEntries(CLIENT_STATUSES.map((s) => [s, 0])) as Record<ClientStatus, number>
  for (const row of byStatus) if (row.status in counts) counts[row.status] = Number(row.n)
  return {
    byStatus: counts,
    newThisMonth: fresh,
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
