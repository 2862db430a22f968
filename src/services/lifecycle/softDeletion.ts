import { ClientEvent } from '../../entities/ClientEvent.js'
import type { ClientStatus } from '../../entities/columns.js'
import type { SoftDeleteInput } from '../../shared/actionInputs/softDelete.js'
import type { Actor } from '../core/requestValues.js'
import { change, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { ClientActionRefused } from '../core/errors.js'
import {
  lifecycleResult,
  lockClient,
  runTransition,
  statusChanges,
  updateClients,
  type LifecycleResult,
} from './statusTransitions.js'
import type { LifecycleDeps } from './lifecycleDeps.js'

/** Soft delete: the client is kept (status `deleted`, `deletedAt`) and can be restored. */
export async function softDelete(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
  { reason }: SoftDeleteInput,
): Promise<LifecycleResult> {
  const now = new Date()
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'deleted',
    reason,
    refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : null),
    set: { status: 'deleted', statusReason: reason, deletedAt: now },
    // An anonymised client may be deleted (then removed for good): nothing else.
    anonymised: 'allow',
    endsSessions: true,
    changes: (c) => [...statusChanges(c, 'deleted', reason), change('deletedAt', null, now)],
    // What restore gives back.
    sideEffects: async (_manager, clients) =>
      new Map(clients.map((c) => [c.id, { previousStatus: c.status, previousReason: c.statusReason }])),
  })
  return lifecycleResult(outcome)
}

/** A soft-deleted client back to the status (and reason) it had before. */
export async function restore(deps: LifecycleDeps, actor: Actor, id: number): Promise<LifecycleResult> {
  const outcome = await inTransaction(deps.dataSource, async (manager) => {
    const client = await lockClient(deps.dataSource, manager, id)
    if (client.status !== 'deleted') throw new ClientActionRefused('notDeleted', client.clientNumber)
    const last = await manager
      .createQueryBuilder(ClientEvent, 'e')
      .where('e.clientId = :id AND e.type = :type', { id, type: 'deleted' })
      .orderBy('e.id', 'DESC')
      .getOne()
    const fallback: ClientStatus = client.emailConfirmedAt ? 'active' : 'pending'
    const previous = (last?.data?.previousStatus as ClientStatus | undefined) ?? fallback
    const status: ClientStatus = previous === 'deleted' ? fallback : previous
    const reason = (last?.data?.previousReason as string | null | undefined) ?? null
    await updateClients(manager, [client], { status, statusReason: reason, deletedAt: null })
    await insertEvents(manager, [
      eventRow(actor, client.id, 'restored', null, [
        ...statusChanges(client, status, reason),
        change('deletedAt', client.deletedAt, null),
      ]),
    ])
    return { changed: [client], skipped: [] }
  })
  return lifecycleResult(outcome)
}

// Removing a client for good erases it first: services/gdpr/removeForGood.ts (gdpr may import lifecycle, not the reverse).
