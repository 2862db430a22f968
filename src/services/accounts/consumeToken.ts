import { IsNull, type DataSource, type EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientToken } from '../../entities/ClientToken.js'
import type { TokenPurpose } from '../../entities/columns.js'
import { inTransaction } from '../core/transaction.js'
import { formText, lockClient } from './accountLookup.js'
import { AccountRefused } from './accountRefused.js'
import { hashToken } from './clientTokens.js'

async function findToken(
  manager: EntityManager,
  token: unknown,
  purpose: TokenPurpose,
): Promise<ClientToken> {
  const raw = formText(token).trim()
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) throw new AccountRefused('tokenInvalid')
  const row = await manager.getRepository(ClientToken).findOneBy({ tokenHash: hashToken(raw), purpose })
  if (!row || row.usedAt) throw new AccountRefused('tokenInvalid')
  if (row.expiresAt.getTime() <= Date.now()) throw new AccountRefused('tokenExpired')
  return row
}

/** The client a token belongs to, if it is unused and not expired (the token is not spent). */
export async function tokenOwner(
  dataSource: DataSource,
  token: unknown,
  purpose: TokenPurpose,
): Promise<Client> {
  const row = await findToken(dataSource.manager, token, purpose)
  const client = await dataSource.getRepository(Client).findOneBy({ id: row.clientId })
  if (!client) throw new AccountRefused('tokenInvalid')
  return client
}

/**
 * Spends a token (once, even with two clicks at the same moment) and runs the change in the same
 * transaction; `work` also gets the token's row (who issued it, for an impersonation).
 */
export async function consumeToken<T>(
  dataSource: DataSource,
  token: unknown,
  purpose: TokenPurpose,
  work: (manager: EntityManager, client: Client, now: Date, row: ClientToken) => Promise<T>,
): Promise<T> {
  return inTransaction(dataSource, async (manager) => {
    const row = await findToken(manager, token, purpose)
    const now = new Date()
    const spent = await manager.update(ClientToken, { id: row.id, usedAt: IsNull() }, { usedAt: now })
    if (!spent.affected) throw new AccountRefused('tokenInvalid')
    const client = await lockClient(dataSource, manager, row.clientId)
    return work(manager, client, now, row)
  })
}
