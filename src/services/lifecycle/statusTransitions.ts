// A change of state to one client or many, and the status changes built on it (suspend,
// reactivate, ban). Every change is one transaction: the clients locked in id order
// (`findClients`, `lockClient`), those it does not apply to skipped with why
// (`partitionByRefusal`; an anonymised client is frozen), the rest updated in one guarded UPDATE
// per chunk (`updateClients`) and one ClientEvent each (`runTransition`); the caller gets ids
// back (`LifecycleResult`), never the rows read inside.
import type { DataSource, EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js'
import { Client } from '../../entities/Client.js'
import type { FieldChange } from '../../entities/ClientEvent.js'
import type { ClientEventType, ClientStatus } from '../../entities/columns.js'
import type { ReactivateInput } from '../../shared/actionInputs/reactivate.js'
import type { StatusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { change, chunks, eventRow, insertEvents, inTransaction, isMysqlFamily } from '../core/transaction.js'
import { refreshClientAdvisors } from '../core/clientAdvisors.js'
import { BUMP_SESSION_GENERATION, endClientSessions } from '../core/clientSessions.js'
import { ClientActionRefused, ConcurrentChangeError, type RefusalReason } from '../core/errors.js'
import type { Actor } from '../core/requestValues.js'
import { notifyClients } from './clientNotices.js'
import { reactivateSuspendedContracts, setContractStatus } from './contractEffects.js'
import type { LifecycleDeps } from './lifecycleDeps.js'

export interface Skipped {
  id: number
  clientNumber: string | null
  reason: RefusalReason
}

/** The emails a change queued in its transaction (the outbox sends them), and those refused at once. */
export interface EmailOutcome {
  queued: number
  failed: number
  /** Why the first refused one was refused, for the notice. */
  error: string | null
}

export interface LifecycleResult {
  /** Ids of the clients changed (one ClientEvent each). */
  changed: number[]
  /** Clients the action does not apply to, and why; they were left as they were. */
  skipped: Skipped[]
  emails: EmailOutcome
}

/** What a change did inside its transaction: the clients changed, those left as they were. */
export interface ChangeOutcome {
  changed: Client[]
  skipped: Skipped[]
}

export const NO_EMAILS: EmailOutcome = { queued: 0, failed: 0, error: null }

/** The answer to the caller: ids rather than the rows read inside the transaction. */
export function lifecycleResult(outcome: ChangeOutcome, emails: EmailOutcome = NO_EMAILS): LifecycleResult {
  return { changed: outcome.changed.map((c) => c.id), skipped: outcome.skipped, emails }
}

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

/** The status (and reason, when it differs) a change sets, for the history. */
export const statusChanges = (client: Client, status: ClientStatus, reason: string | null): FieldChange[] => [
  change('status', client.status, status),
  ...(client.statusReason !== reason ? [change('statusReason', client.statusReason, reason)] : []),
]

/** One kind of change to many clients at once: to whom it applies, what it sets, what it records. */
export interface Transition {
  type: ClientEventType
  /** Why the action does not apply to this client, or null. */
  refuse: (client: Client) => RefusalReason | null
  /** Columns set on every client it applies to, in one UPDATE. */
  set: QueryDeepPartialEntity<Client>
  changes: (client: Client) => FieldChange[]
  reason?: string | null
  /**
   * Further writes in the same transaction (contracts, tokens), once for all clients; returns
   * the data each client's event keeps of them.
   */
  sideEffects?: (manager: EntityManager, clients: Client[]) => Promise<Map<number, Record<string, unknown>>>
  withSecrets?: boolean
  /** An anonymised client is refused (`isAnonymised`) unless the change may touch it: a deletion. */
  anonymised?: 'allow' | 'refuse'
  /** The change closes the account or its way in: every session of the clients changed ends with it. */
  endsSessions?: boolean
}

/**
 * Locks the clients, skips those the transition refuses, runs its side effects, updates the
 * rest in one UPDATE per chunk and writes one event each: a fixed number of queries.
 */
export async function runTransition(
  dataSource: DataSource,
  actor: Actor,
  ids: number[],
  spec: Transition,
): Promise<ChangeOutcome> {
  const unique = [...new Set(ids.filter((id) => Number.isInteger(id)))]
  return inTransaction(dataSource, async (manager) => {
    const clients = await findClients(dataSource, manager, unique, true, spec.withSecrets)
    const { eligible, skipped } = partitionByRefusal(unique, clients, spec.refuse, spec)
    if (eligible.length === 0) return { changed: [], skipped }
    const data = spec.sideEffects ? await spec.sideEffects(manager, eligible) : new Map()
    // Ending the sessions bumps their generation in the same UPDATE as the change.
    await updateClients(
      manager,
      eligible,
      spec.endsSessions ? { ...spec.set, ...BUMP_SESSION_GENERATION } : spec.set,
    )
    if (spec.endsSessions)
      await endClientSessions(
        manager,
        eligible.map((c) => c.id),
        { bumped: true },
      )
    await insertEvents(
      manager,
      eligible.map((c) =>
        eventRow(actor, c.id, spec.type, spec.reason ?? null, spec.changes(c), data.get(c.id)),
      ),
    )
    return { changed: eligible, skipped }
  })
}

/** Contract ids per client, as each client's event keeps them. */
const contractIdsOf = (byClient: Map<number, number[]>, id: number) => byClient.get(id) ?? []

export async function suspend(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
  { reason, contracts, contractIds: chosen, notify }: StatusChangeInput,
): Promise<LifecycleResult> {
  // The form's ticked contracts; without a list, the bulk checkbox's "all active ones".
  const withContracts = chosen ? chosen.length > 0 : contracts
  let emails = NO_EMAILS
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'suspended',
    reason,
    refuse: (c) =>
      c.status === 'deleted'
        ? 'isDeleted'
        : c.status === 'banned'
          ? 'isBanned'
          : c.status !== 'active'
            ? 'notActive'
            : null,
    set: { status: 'suspended', statusReason: reason },
    endsSessions: true,
    changes: (c) => statusChanges(c, 'suspended', reason),
    sideEffects: async (manager, clients) => {
      // The contract ids go into the event: reactivation gives back exactly these.
      const suspended = withContracts
        ? await setContractStatus(deps.dataSource, manager, clients, ['active'], 'suspended', chosen)
        : new Map<number, number[]>()
      // The emails are queued with the change: both commit, or neither.
      if (notify) {
        emails = await notifyClients(deps, manager, actor, clients, (c, lang, templates) =>
          templates.suspended(lang, c, reason),
        )
      }
      return new Map(
        clients.map((c) => [c.id, { contractIds: contractIdsOf(suspended, c.id), notified: notify }]),
      )
    },
  })
  if (emails.queued > 0) deps.mailer.wake()
  return lifecycleResult(outcome, emails)
}

export async function reactivate(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
  { contracts: withContracts, reason, notify }: ReactivateInput,
): Promise<LifecycleResult> {
  let emails = NO_EMAILS
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'reactivated',
    reason,
    refuse: (c) =>
      c.status === 'deleted'
        ? 'isDeleted'
        : c.status !== 'suspended' && c.status !== 'banned'
          ? 'notSuspendedOrBanned'
          : null,
    set: { status: 'active', statusReason: null },
    changes: (c) => statusChanges(c, 'active', null),
    sideEffects: async (manager, clients) => {
      const reactivated = withContracts
        ? await reactivateSuspendedContracts(deps.dataSource, manager, clients)
        : new Map<number, number[]>()
      if (notify) {
        emails = await notifyClients(deps, manager, actor, clients, (c, lang, templates) =>
          templates.reactivated(lang, c),
        )
      }
      return new Map(clients.map((c) => [c.id, { contractIds: contractIdsOf(reactivated, c.id) }]))
    },
  })
  if (emails.queued > 0) deps.mailer.wake()
  return lifecycleResult(outcome, emails)
}

export async function ban(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
  { reason, contracts, contractIds: chosen, notify }: StatusChangeInput,
): Promise<LifecycleResult> {
  const withContracts = chosen ? chosen.length > 0 : contracts
  let emails = NO_EMAILS
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'banned',
    reason,
    refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status === 'banned' ? 'alreadyBanned' : null),
    set: { status: 'banned', statusReason: reason },
    endsSessions: true,
    changes: (c) => statusChanges(c, 'banned', reason),
    sideEffects: async (manager, clients) => {
      const terminated = withContracts
        ? await setContractStatus(
            deps.dataSource,
            manager,
            clients,
            ['active', 'suspended'],
            'terminated',
            chosen,
          )
        : new Map<number, number[]>()
      if (notify) {
        emails = await notifyClients(deps, manager, actor, clients, (c, lang, templates) =>
          templates.banned(lang, c, reason),
        )
      }
      return new Map(clients.map((c) => [c.id, { contractIds: contractIdsOf(terminated, c.id) }]))
    },
  })
  if (emails.queued > 0) deps.mailer.wake()
  return lifecycleResult(outcome, emails)
}
