import type { DataSource, EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js'
import { Client } from '../../entities/Client.js'
import { chunks } from '../core/clientEvents.js'
import { ClientActionRefused, ConcurrentChangeError, type RefusalReason } from '../core/errors.js'
import { isMysqlFamily } from '../core/transaction.js'
import { refreshClientAdvisors } from '../core/clientAdvisors.js'
import type { Skipped } from './lifecycleResult.js'

/** The clients by id, in id order; `lock` takes their rows for the rest of the transaction. */
export async function findClients(
  dataSource: DataSource,
  manager: EntityManager,
  ids: number[],
  lock: boolean,
  withSecrets = false,
): Promise<Client[]> {
  const found: Client[] = []
  for (const part of chunks(ids)) {
    const qb = manager.createQueryBuilder(Client, 'c').where('c.id IN (:...ids)', { ids: part })
    if (withSecrets) qb.addSelect('c.twoFactorSecret')
    // SQLite has no row locks: its single writer and snapshot reads give the same guarantee.
    if (lock && isMysqlFamily(dataSource)) qb.setLock('pessimistic_write')
    found.push(...(await qb.orderBy('c.id', 'ASC').getMany()))
  }
  return found
}

/**
 * An anonymised client is frozen: no change brings it back (an identity, a link, a status, a
 * note); it can only be deleted, then removed for good. The one guard of every lifecycle path.
 */
export const frozenRefusal = (client: Client): RefusalReason | null =>
  client.anonymisedAt ? 'isAnonymised' : null

/**
 * One client, locked; a missing one is refused as `notFound`, an anonymised one as
 * `isAnonymised` (unless the step may touch it: `anonymised: 'allow'`).
 */
export async function lockClient(
  dataSource: DataSource,
  manager: EntityManager,
  id: number,
  options: { anonymised?: 'allow' | 'refuse' } = {},
): Promise<Client> {
  const [client] = Number.isInteger(id) ? await findClients(dataSource, manager, [id], true) : []
  if (!client) throw new ClientActionRefused('notFound')
  const frozen = options.anonymised === 'allow' ? null : frozenRefusal(client)
  if (frozen) throw new ClientActionRefused(frozen, client.clientNumber)
  return client
}

/**
 * Splits the ids asked for into the clients an action applies to and those it skips, with why;
 * an anonymised client is skipped (`isAnonymised`) unless `anonymised: 'allow'`.
 */
export function partitionByRefusal(
  ids: number[],
  clients: Client[],
  refuse: (client: Client) => RefusalReason | null,
  options: { anonymised?: 'allow' | 'refuse' } = {},
): { eligible: Client[]; skipped: Skipped[] } {
  const byId = new Map(clients.map((c) => [c.id, c]))
  const eligible: Client[] = []
  const skipped: Skipped[] = []
  const frozen = options.anonymised === 'allow' ? () => null : frozenRefusal
  for (const id of ids) {
    const client = byId.get(id)
    const reason = client ? (frozen(client) ?? refuse(client)) : 'notFound'
    if (reason) skipped.push({ id, clientNumber: client?.clientNumber ?? null, reason })
    else eligible.push(client as Client)
  }
  return { eligible, skipped }
}

/**
 * One UPDATE per chunk, guarded by the status each client had when read: if another writer
 * changed one in between, fewer rows match, and the whole transaction is undone.
 */
export async function updateClients(
  manager: EntityManager,
  clients: Client[],
  set: QueryDeepPartialEntity<Client>,
): Promise<void> {
  for (const part of chunks(clients)) {
    const statuses = [...new Set(part.map((c) => c.status))]
    const result = await manager
      .createQueryBuilder()
      .update(Client)
      .set(set)
      .where('id IN (:...ids)', { ids: part.map((c) => c.id) })
      .andWhere('status IN (:...statuses)', { statuses })
      .execute()
    if (result.affected !== undefined && result.affected !== part.length) throw new ConcurrentChangeError()
    // Soft deleted or restored: the advisor filter keeps them in a range of their own.
    if (set.status !== undefined && (set.status === 'deleted' || statuses.includes('deleted'))) {
      await refreshClientAdvisors(
        manager,
        part.map((c) => c.id),
      )
    }
  }
}
