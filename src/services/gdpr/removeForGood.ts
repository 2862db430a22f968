import type { DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import type { Actor } from '../core/requestValues.js'
import { eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { ClientActionRefused } from '../core/errors.js'
import { endClientSessions } from '../core/clientSessions.js'
import type { Language } from '../../shared/language.js'
import { lifecycleResult, lockClient, type LifecycleResult } from '../lifecycle/statusTransitions.js'
import { eraseClients } from './anonymiseClients.js'
import type { ErasureEntry } from './erasureMap.js'
import { identityOf, scrubText } from './scrubByValue.js'
import { afterErasure, beforeErasure } from './sqliteErasure.js'

/**
 * Removes a soft-deleted client for good, in one transaction. Its contracts, commissions, emails,
 * notes and history stay, unlinked (the foreign keys set them to NULL): so the client is erased
 * first by the anonymisation's own code (`eraseClients`, the whole erasure map) unless it is
 * anonymised already, since no later anonymisation could reach rows linked to no client. The
 * `removed` event keeps what is not personal: the client's number and removed id, who and when,
 * and the deletion's reason with the person's identity cut out.
 */
export async function removeForGood(
  dataSource: DataSource,
  language: Language,
  actor: Actor,
  id: number,
  hostErasure: readonly ErasureEntry[] = [],
): Promise<LifecycleResult> {
  beforeErasure(dataSource)
  const outcome = await inTransaction(dataSource, async (manager) => {
    const client = await lockClient(dataSource, manager, id, { anonymised: 'allow' })
    if (client.status !== 'deleted') throw new ClientActionRefused('notDeleted', client.clientNumber)
    const identity = client.anonymisedAt
      ? identityOf([])
      : await eraseClients(manager, [client], language, hostErasure)
    // Its session ids go before the row (they cascade with it); an erasure ended them already.
    if (client.anonymisedAt) await endClientSessions(manager, [client.id])
    const reason = client.statusReason === null ? null : scrubText(client.statusReason, identity)
    await insertEvents(manager, [
      eventRow(actor, client.id, 'removed', reason, null, {
        clientNumber: client.clientNumber,
        removedClientId: client.id,
      }),
    ])
    await manager.delete(Client, { id: client.id })
    return { changed: [client], skipped: [] }
  })
  await afterErasure(dataSource)
  return lifecycleResult(outcome)
}
