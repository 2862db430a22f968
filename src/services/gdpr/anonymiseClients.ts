import type { EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { EmailLog } from '../../entities/EmailLog.js'
import { searchColumnsFor } from '../../shared/searchText.js'
import type { Actor } from '../core/requestValues.js'
import { chunks, eventRow, insertEvents } from '../core/transaction.js'
import { ConcurrentChangeError } from '../core/errors.js'
import { refreshClientAdvisors } from '../core/clientAdvisors.js'
import { endClientSessions } from '../core/clientSessions.js'
import type { Language } from '../../shared/language.js'
import { eraseLinkedRows } from './eraseLinkedRows.js'
import { markClientFilesErased } from './eraseFiles.js'
import { eraseCustomValues } from './eraseCustomValues.js'
import { eraseRateLimitKeys, scrubUploads } from './eraseSpecial.js'
import { resolveErasureMap, type ErasureEntry, type ResolvedErasure } from './erasureMap.js'
import { REDACTED } from './redacted.js'
import { identityOf, scrubText, scrubUnlinkedRows, type Identity } from './scrubByValue.js'

export { REDACTED }

/** Why an email still waiting in the outbox was dropped (kept in its EmailLog row). */
export const EMAIL_CANCELLED = 'cancelled: the client was anonymised before it was sent'

const ANONYMOUS_NAME: Record<Language, string> = { fr: 'Client anonymisé', en: 'Anonymised client' }

/** What an anonymisation leaves in the `anonymised` event: counts and flags, no personal data. */
export interface AnonymisedFacts {
  forced?: boolean
  activeContracts?: number
  unpaidCommissions?: number
  retentionMonths?: number
}

/** The new values of the client row, from the map's `clients` entry. */
function clientRowSet(map: readonly ResolvedErasure[], lastName: string): Record<string, unknown> {
  const entry = map.find((e) => e.handledBy === 'anonymiseClients')
  const set: Record<string, unknown> = { ...searchColumnsFor(lastName, null) }
  for (const [prop, how] of Object.entries(entry?.columns ?? {})) {
    if (how.linked === 'anonymousName') set[prop] = lastName
    else if (how.linked === 'null') set[prop] = null
  }
  return set
}

/**
 * The erasure of these clients (at most one chunk of 1,000, already locked by the caller, in its
 * transaction) by the erasure map (erasureMap.ts): the client row's identity and secrets cleared,
 * its tokens deleted, the text of its notes, emails and history redacted, its identity values cut
 * out of the rows linked to no client (an export's search, an import's conflicts, an upload, a
 * test email), the rate-limit keys made of its email deleted, its sessions ended, its waiting
 * emails cancelled. No event: the caller writes the one of its state change (`anonymised`, or
 * `removed` for a removal for good, which erases first). Answers the identity it read before
 * clearing it, for the caller's reason. A fixed number of statements per table.
 */
export async function eraseClients(
  manager: EntityManager,
  part: Client[],
  language: Language,
  hostErasure: readonly ErasureEntry[] = [],
): Promise<Identity> {
  const map = resolveErasureMap(manager.connection, hostErasure)
  const set = clientRowSet(map, ANONYMOUS_NAME[language])
  const ids = part.map((c) => c.id)
  // Read before anything is cleared: what to look for in the texts not linked to the client.
  const identity = identityOf(part)
  const statuses = [...new Set(part.map((c) => c.status))]
  const result = await manager
    .createQueryBuilder()
    .update(Client)
    .set({ ...set, anonymisedAt: () => 'CURRENT_TIMESTAMP' })
    .where('id IN (:...ids)', { ids })
    .andWhere('status IN (:...statuses)', { statuses })
    .andWhere('anonymisedAt IS NULL')
    .execute()
  // Another writer changed one of them meanwhile: all or nothing.
  if (result.affected !== undefined && result.affected !== part.length) throw new ConcurrentChangeError()
  // The advisor filter sorts by the new name.
  await refreshClientAdvisors(manager, ids)
  // The keys are made from the IPs of the history: before it is erased.
  await endClientSessions(manager, ids)
  await eraseRateLimitKeys(manager, part)
  await eraseLinkedRows(manager, map, ids, identity)
  await markClientFilesErased(manager, ids)
  await eraseCustomValues(manager, ids)
  // What the outbox had not sent yet never will be (after the redaction, which clears `error`).
  await manager
    .createQueryBuilder()
    .update(EmailLog)
    .set({
      status: 'failed',
      error: EMAIL_CANCELLED,
      nextAttemptAt: null,
      leaseUntil: null,
      claimedBy: null,
    })
    .where('clientId IN (:...ids)', { ids })
    .andWhere('status IN (:...waiting)', { waiting: ['queued', 'sending'] })
    .execute()
  await scrubUnlinkedRows(manager, map, identity)
  await scrubUploads(manager, identity)
  return identity
}

/**
 * Anonymises these clients (already locked by the caller, in its transaction): their erasure
 * (`eraseClients`) and one `anonymised` event each. Contracts and commissions stay, linked to the
 * anonymised client (accounting keeps them). A fixed number of statements per table and chunk of
 * 1,000 clients.
 */
export async function anonymiseClients(
  manager: EntityManager,
  clients: Client[],
  actor: Actor,
  language: Language,
  facts: (client: Client) => AnonymisedFacts,
  reason: string | null,
  hostErasure: readonly ErasureEntry[] = [],
): Promise<void> {
  for (const part of chunks(clients)) {
    const identity = await eraseClients(manager, part, language, hostErasure)
    // The admin's reason stays (why it was done), without the person in it.
    const said = reason === null ? null : scrubText(reason, identity)
    await insertEvents(
      manager,
      part.map((client) => eventRow(actor, client.id, 'anonymised', said, null, { ...facts(client) })),
    )
  }
}
