import { isChecked } from '../../shared/actionInputs/fields.js'
import type { DataSource, EntityManager } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import type { Actor } from '../core/requestValues.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import type { Language } from '../../shared/language.js'
import { inTransaction } from '../core/transaction.js'
import { lockClient } from '../lifecycle/statusTransitions.js'
import { anonymiseClients } from './anonymiseClients.js'
import type { ErasureEntry } from './erasureMap.js'
import { afterErasure, beforeErasure } from './sqliteErasure.js'

export interface AnonymiseInput {
  /** The client's number, typed by the admin to confirm. */
  confirmation: unknown
  /** Go on despite active contracts or unpaid commissions (a reason is then required). */
  force?: unknown
  reason?: unknown
}

/** Active contracts and pending commissions of a client: what accounting still needs a person for. */
async function openBusiness(
  manager: EntityManager,
  clientId: number,
): Promise<{ activeContracts: number; unpaidCommissions: number }> {
  const [contracts, commissions] = await Promise.all([
    manager.countBy(Contract, { clientId, status: 'active' }),
    manager.countBy(Commission, { clientId, status: 'pending' }),
  ])
  return { activeContracts: contracts, unpaidCommissions: commissions }
}

/**
 * Anonymising one client from the panel: the number typed must be the client's; refused while
 * it has active contracts or unpaid commissions, unless forced with a reason; irreversible.
 * One transaction: the client locked, checked, anonymised, one `anonymised` event.
 */
export async function anonymiseClient(
  dataSource: DataSource,
  language: Language,
  actor: Actor,
  id: number,
  input: AnonymiseInput,
  hostErasure: readonly ErasureEntry[] = [],
): Promise<Client> {
  const typed = typeof input.confirmation === 'string' ? input.confirmation.trim().toUpperCase() : ''
  const force = isChecked(input.force)
  const reason = typeof input.reason === 'string' ? input.reason.trim() : ''
  if (reason.length > MAX_REASON_LENGTH) throw new InvalidInputError({ reason: 'tooLong' })
  beforeErasure(dataSource)
  const done = await inTransaction(dataSource, async (manager) => {
    const client = await lockClient(dataSource, manager, id, { anonymised: 'allow' })
    if (client.anonymisedAt) throw new ClientActionRefused('alreadyAnonymised', client.clientNumber)
    if (!typed) throw new InvalidInputError({ confirmation: 'fieldRequired' })
    if (typed !== client.clientNumber) throw new InvalidInputError({ confirmation: 'confirmationMismatch' })
    const open = await openBusiness(manager, client.id)
    const busy = open.activeContracts > 0 || open.unpaidCommissions > 0
    if (busy && !force) throw new ClientActionRefused('hasOpenBusiness', client.clientNumber)
    if (busy && !reason) throw new InvalidInputError({ reason: 'fieldRequired' })
    await anonymiseClients(
      manager,
      [client],
      actor,
      language,
      () => ({ forced: busy, ...open }),
      reason || null,
      hostErasure,
    )
    return client
  })
  await afterErasure(dataSource)
  return done
}
