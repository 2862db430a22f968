import type { DataSource, EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js'
import type { Client } from '../../entities/Client.js'
import type { FieldChange } from '../../entities/ClientEvent.js'
import type { ClientEventType, ClientStatus } from '../../entities/columns.js'
import type { Actor } from '../core/requestValues.js'
import { change, eventRow, insertEvents } from '../core/clientEvents.js'
import type { RefusalReason } from '../core/errors.js'
import { BUMP_SESSION_GENERATION, endClientSessions } from '../core/clientSessions.js'
import { inTransaction } from '../core/transaction.js'
import { findClients, partitionByRefusal, updateClients } from './clientRows.js'
import type { ChangeOutcome } from './lifecycleResult.js'

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
