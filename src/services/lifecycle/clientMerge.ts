import type { LifecycleDeps } from './lifecycleDeps.js'
import { Client } from '../../entities/Client.js'
import { CLIENT_PROFILE_FIELDS } from '../../shared/clientColumns.js'
import { ClientEvent, type FieldChange } from '../../entities/ClientEvent.js'
import { ClientNote } from '../../entities/ClientNote.js'
import { ClientToken } from '../../entities/ClientToken.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { EmailLog } from '../../entities/EmailLog.js'
import type { Actor } from '../core/requestValues.js'
import { change, eventRow, insertEvents, inTransaction, isMysqlFamily } from '../core/transaction.js'
import { searchColumnsFor } from '../../shared/searchText.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import { fromCents, toCents } from '../core/money.js'
import { refreshClientAdvisors } from '../core/clientAdvisors.js'
import { BUMP_SESSION_GENERATION, endClientSessions } from '../core/clientSessions.js'
import { frozenRefusal } from './statusTransitions.js'

/** The fields whose surviving value the admin chooses when merging two clients: the profile. */
export const MERGE_FIELDS = CLIENT_PROFILE_FIELDS
export type MergeField = (typeof MERGE_FIELDS)[number]

/** What points to a client: every row of these moves to the kept client. */
const CLIENT_ROWS = {
  contracts: Contract,
  commissions: Commission,
  emails: EmailLog,
  notes: ClientNote,
  history: ClientEvent,
}

export interface MergeResult {
  keptId: number
  mergedId: number
  moved: Record<keyof typeof CLIENT_ROWS, number>
}

/**
 * Merges two clients into one, in one transaction: the kept client takes the chosen value of
 * each field and the other's balance; contracts, commissions, emails, notes and history move to
 * it; the other is soft-deleted with `mergedIntoId`; one `merged` event on each. Nothing is lost.
 */
export async function mergeClients(
  { dataSource }: Pick<LifecycleDeps, 'dataSource'>,
  actor: Actor,
  keepId: number,
  otherId: number,
  choices: Partial<Record<MergeField, 'keep' | 'other'>>,
): Promise<MergeResult> {
  if (!Number.isInteger(keepId) || !Number.isInteger(otherId) || keepId === otherId) {
    throw new InvalidInputError({ keepId: 'mergeTwoClients' })
  }
  return inTransaction(dataSource, async (manager) => {
    const read = manager
      .createQueryBuilder(Client, 'c')
      .where('c.id IN (:...ids)', { ids: [keepId, otherId] })
    if (isMysqlFamily(dataSource)) read.setLock('pessimistic_write')
    const clients = await read.getMany()
    const kept = clients.find((c) => c.id === keepId)
    const other = clients.find((c) => c.id === otherId)
    if (!kept || !other) throw new ClientActionRefused('notFound')
    for (const c of [kept, other]) {
      // Neither into nor from an anonymised client: either way the person would come back.
      const refusal = frozenRefusal(c) ?? (c.status === 'deleted' ? 'isDeleted' : null)
      if (refusal) throw new ClientActionRefused(refusal, c.clientNumber)
    }

    const values: Record<string, unknown> = {}
    const changes: FieldChange[] = []
    for (const field of MERGE_FIELDS) {
      if (choices[field] !== 'other') continue
      const from = kept[field]
      const to = other[field]
      if (String(from ?? '') === String(to ?? '')) continue
      values[field] = to
      changes.push(change(field, from, to))
    }
    const balance = fromCents(toCents(kept.balance) + toCents(other.balance))
    if (balance !== kept.balance) {
      values.balance = balance
      changes.push(change('balance', kept.balance, balance))
    }
    if ('lastName' in values || 'firstName' in values) {
      Object.assign(
        values,
        searchColumnsFor(
          (values.lastName as string | undefined) ?? kept.lastName,
          'firstName' in values ? (values.firstName as string | null) : kept.firstName,
        ),
      )
    }

    // The other's unique values go first: the kept client may take its email.
    await manager
      .createQueryBuilder()
      .update(Client)
      .set({
        status: 'deleted',
        deletedAt: new Date(),
        mergedIntoId: kept.id,
        email: null,
        balance: '0.00',
        statusReason: `merged into ${kept.clientNumber}`,
        // Its sessions end (endClientSessions below).
        ...BUMP_SESSION_GENERATION,
      })
      .where('id = :id', { id: other.id })
      .execute()
    if (Object.keys(values).length > 0) {
      await manager
        .createQueryBuilder()
        .update(Client)
        .set(values)
        .where('id = :id', { id: kept.id })
        .execute()
    }

    const moved = {} as MergeResult['moved']
    for (const [name, entity] of Object.entries(CLIENT_ROWS) as [
      keyof typeof CLIENT_ROWS,
      typeof Contract,
    ][]) {
      const result = await manager
        .createQueryBuilder()
        .update(entity)
        .set({ clientId: kept.id })
        .where('clientId = :other', { other: other.id })
        .execute()
      moved[name] = result.affected ?? 0
    }
    // The kept client's advisors now include the other's (its contracts moved; maybe its referent).
    await refreshClientAdvisors(manager, [kept.id, other.id])
    // Links sent to the merged account must not open the kept one, nor its sessions stay open.
    await manager.delete(ClientToken, { clientId: other.id })
    await endClientSessions(manager, [other.id], { bumped: true })

    const data = {
      keptId: kept.id,
      mergedId: other.id,
      keptNumber: kept.clientNumber,
      mergedNumber: other.clientNumber,
    }
    await insertEvents(manager, [
      eventRow(actor, kept.id, 'merged', null, changes, { ...data, moved }),
      eventRow(
        actor,
        other.id,
        'merged',
        null,
        [change('status', other.status, 'deleted'), change('mergedIntoId', null, kept.id)],
        data,
      ),
    ])
    return { keptId: kept.id, mergedId: other.id, moved }
  })
}
