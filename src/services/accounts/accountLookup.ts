import type { DataSource, EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { normalizeEmail } from '../../shared/clientIdentity.js'
import { isMysqlFamily } from '../core/transaction.js'
import { publicClient, type AccountClient } from './accountClient.js'
import { AccountRefused } from './accountRefused.js'

// What a login or a 2FA step reads besides the public columns (never sent anywhere).
const SECRET_COLUMNS = [
  'c.passwordHash',
  'c.twoFactorSecret',
  'c.twoFactorRecoveryCodes',
  'c.twoFactorLastStep',
  // What a login or an impersonation stamps the host's session with.
  'c.sessionGeneration',
]

/** A form field as a string; anything else (missing, an array, an object) is empty. */
export const formText = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The client an email belongs to (an anonymised client has none). */
export async function findClientByEmail(
  dataSource: DataSource,
  email: unknown,
  withSecrets = false,
): Promise<Client | null> {
  const normalized = normalizeEmail(formText(email))
  if (!normalized || normalized.length > 255) return null
  const qb = dataSource
    .getRepository(Client)
    .createQueryBuilder('c')
    .where('c.email = :email', { email: normalized })
  if (withSecrets) qb.addSelect(SECRET_COLUMNS)
  return qb.getOne()
}

/**
 * An anonymised account is frozen: no login, link, password or 2FA step of the client area
 * touches it (`accountClosed`). The one guard of the loaders below, which every step reads with.
 */
function refuseAnonymised(client: Client): Client {
  if (client.anonymisedAt) throw new AccountRefused('accountClosed')
  return client
}

export async function loadWithSecrets(dataSource: DataSource, clientId: number): Promise<Client> {
  const client = Number.isInteger(clientId)
    ? await dataSource
        .getRepository(Client)
        .createQueryBuilder('c')
        .addSelect(SECRET_COLUMNS)
        .where('c.id = :clientId', { clientId })
        .getOne()
    : null
  if (!client) throw new AccountRefused('notFound')
  return refuseAnonymised(client)
}

/** The client's row with its secrets, locked for the rest of the transaction (MySQL/MariaDB). */
export async function lockClient(
  dataSource: DataSource,
  manager: EntityManager,
  id: number,
): Promise<Client> {
  const qb = manager.createQueryBuilder(Client, 'c').addSelect(SECRET_COLUMNS).where('c.id = :id', { id })
  if (isMysqlFamily(dataSource)) qb.setLock('pessimistic_write')
  const client = await qb.getOne()
  if (!client) throw new AccountRefused('notFound')
  return refuseAnonymised(client)
}

/** The account as the client area shows it, or null if it no longer exists (or was anonymised). */
export async function findProfile(dataSource: DataSource, clientId: number): Promise<AccountClient | null> {
  if (!Number.isInteger(clientId)) return null
  const client = await dataSource.getRepository(Client).findOneBy({ id: clientId })
  return client && !client.anonymisedAt ? publicClient(client) : null
}
