import { tableOf } from '../core/tableNames.js'
import { In, type EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientEvent, type FieldChange } from '../../entities/ClientEvent.js'
import { ClientNote } from '../../entities/ClientNote.js'
import { ClientToken } from '../../entities/ClientToken.js'
import { EmailLog } from '../../entities/EmailLog.js'
import { searchColumnsFor } from '../../shared/searchText.js'
import type { Actor } from '../core/actor.js'
import { chunks, eventRow, insertEvents } from '../core/clientEvents.js'
import { ConcurrentChangeError } from '../core/errors.js'
import { refreshClientAdvisors } from '../core/clientAdvisors.js'
import { endClientSessions } from '../core/clientSessions.js'
import type { Language } from '../core/options.js'

/** What replaces a text that said something about the person. */
export const REDACTED = '[redacted]'

/** Why an email still waiting in the outbox was dropped (kept in its EmailLog row). */
export const EMAIL_CANCELLED = 'cancelled: the client was anonymised before it was sent'

export const ANONYMOUS_NAME: Record<Language, string> = { fr: 'Client anonymisé', en: 'Anonymised client' }

// EmailLog columns that say nothing about the person: kept (the rest of its text is redacted,
// whatever columns a later version adds, such as the outbox's body to send).
const EMAIL_KEPT = new Set(['status', 'template', 'messageId', 'actor'])

/** What an anonymisation leaves in the `anonymised` event: counts and flags, no personal data. */
export interface AnonymisedFacts {
  forced?: boolean
  activeContracts?: number
  unpaidCommissions?: number
  retentionMonths?: number
}

const TEXT_TYPES: unknown[] = ['text', 'mediumtext', 'longtext', 'varchar', 'nvarchar', String]
const JSON_TYPES: unknown[] = ['simple-json', 'json']

/**
 * What each EmailLog column becomes: every text column `[redacted]` (or NULL where the text
 * would not fit), every JSON column NULL, whatever columns a later version adds, such as the
 * outbox's body to send; the kept ones (status, template…) stay.
 */
function emailRedactions(manager: EntityManager): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const column of manager.connection.getMetadata(EmailLog).columns) {
    const name = column.propertyName
    if (EMAIL_KEPT.has(name) || column.isPrimary || column.relationMetadata || name === 'clientId') continue
    // The outbox's text to send: nothing is left to send (the waiting ones are cancelled first).
    if (name === 'pendingContent') {
      out[name] = null
      continue
    }
    const fits = !column.length || Number(column.length) >= REDACTED.length
    if (TEXT_TYPES.includes(column.type) && fits && name !== 'error') out[name] = REDACTED
    else if ((TEXT_TYPES.includes(column.type) || JSON_TYPES.includes(column.type)) && column.isNullable)
      out[name] = null
  }
  return out
}

/**
 * Anonymises these clients (already locked by the caller, in its transaction): identity fields
 * replaced, secrets and tokens gone, notes' and emails' text redacted, the personal values of
 * their history masked, one `anonymised` event each. Contracts and commissions stay, linked to
 * the anonymised client (accounting keeps them). A few statements per chunk of 1,000 clients.
 */
export async function anonymiseClients(
  manager: EntityManager,
  clients: Client[],
  actor: Actor,
  language: Language,
  facts: (client: Client) => AnonymisedFacts,
  reason: string | null,
): Promise<void> {
  const lastName = ANONYMOUS_NAME[language]
  const emailSet = emailRedactions(manager)
  for (const part of chunks(clients)) {
    const ids = part.map((c) => c.id)
    const statuses = [...new Set(part.map((c) => c.status))]
    const result = await manager
      .createQueryBuilder()
      .update(Client)
      .set({
        lastName,
        firstName: null,
        email: null,
        phone: null,
        addressLine1: null,
        addressLine2: null,
        postalCode: null,
        city: null,
        country: null,
        statusReason: null,
        stripeCustomerId: null,
        lastLoginIp: null,
        passwordHash: null,
        twoFactorSecret: null,
        twoFactorEnabledAt: null,
        twoFactorRecoveryCodes: null,
        twoFactorLastStep: null,
        anonymisedAt: () => 'CURRENT_TIMESTAMP',
        ...searchColumnsFor(lastName, null),
      })
      .where('id IN (:...ids)', { ids })
      .andWhere('status IN (:...statuses)', { statuses })
      .andWhere('anonymisedAt IS NULL')
      .execute()
    // Another writer changed one of them meanwhile: all or nothing.
    if (result.affected !== undefined && result.affected !== part.length) throw new ConcurrentChangeError()
    // The advisor filter sorts by the new name.
    await refreshClientAdvisors(manager, ids)
    await endClientSessions(manager, ids)
    await manager.delete(ClientToken, { clientId: In(ids) })
    await manager
      .createQueryBuilder()
      .update(ClientNote)
      .set({ body: REDACTED })
      .where('clientId IN (:...ids)', { ids })
      .execute()
    if (Object.keys(emailSet).length > 0) {
      await manager
        .createQueryBuilder()
        .update(EmailLog)
        .set(emailSet)
        .where('clientId IN (:...ids)', { ids })
        .execute()
    }
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
    await maskHistory(manager, ids)
    await insertEvents(
      manager,
      part.map((client) => eventRow(actor, client.id, 'anonymised', reason, null, { ...facts(client) })),
    )
  }
}

/**
 * The history stays (who did what, when) but without the person: the values of field changes
 * masked, the client's own email and IP dropped from the entries the client made.
 */
async function maskHistory(manager: EntityManager, ids: number[]): Promise<void> {
  const table = tableOf(manager.connection, ClientEvent)
  await manager
    .createQueryBuilder()
    .update(ClientEvent)
    .set({ actor: null, ip: null })
    .where('clientId IN (:...ids)', { ids })
    .andWhere('actorType = :client', { client: 'client' })
    .execute()
  const rows: { id: number; changes: string | FieldChange[] | null }[] = await manager
    .createQueryBuilder(ClientEvent, 'v')
    .select('v.id', 'id')
    .addSelect('v.changes', 'changes')
    .where('v.clientId IN (:...ids)', { ids })
    .andWhere('v.changes IS NOT NULL')
    .getRawMany()
  for (const part of chunks(rows, 500)) {
    const masked = part.map((row) => {
      const changes = (
        typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes
      ) as FieldChange[]
      return JSON.stringify(changes.map((c) => ({ field: c.field, from: REDACTED, to: REDACTED })))
    })
    // One UPDATE per chunk (CASE by id): the table name from TypeORM's metadata, as the host's may differ.
    await manager.query(
      `UPDATE ${table} SET changes = CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${part.map(() => '?').join(', ')})`,
      [...part.flatMap((row, i) => [row.id, masked[i]]), ...part.map((row) => row.id)],
    )
  }
}
