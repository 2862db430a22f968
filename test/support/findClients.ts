import type { DataSource } from 'typeorm'
import { Client, Contract, type ClientStatus } from '../../src/index.js'

/** What a test needs of a seeded client, said rather than picked by its place in the seed. */
export interface WantedClient {
  status: ClientStatus
  /** Its contracts: at least one (`'some'`), at least one active (`'active'`), or none (`'none'`). */
  contracts?: 'some' | 'active' | 'none'
  /** With an email address (the default: most actions write to the client), or without one. */
  withEmail?: boolean
  locale?: 'fr' | 'en'
  /** Two-factor authentication turned on. */
  withTwoFactor?: boolean
}

// The clients already handed out, per database: a test that changes its client never hands it to
// the next one, whatever order the file's tests run in or how many clients the seed has.
const handedOut = new WeakMap<DataSource, Set<number>>()

/**
 * `count` clients of the seed that are what `wanted` says and that no earlier lookup on this
 * database handed out; fails with what was asked when the seed has too few of them.
 */
export async function findClients(
  dataSource: DataSource,
  wanted: WantedClient,
  count = 1,
): Promise<Client[]> {
  const taken = handedOut.get(dataSource) ?? new Set<number>()
  handedOut.set(dataSource, taken)
  const contracts = dataSource.getMetadata(Contract).tableName
  const qb = dataSource
    .getRepository(Client)
    .createQueryBuilder('c')
    .where('c.status = :status', { status: wanted.status })
  if (wanted.withEmail ?? true) qb.andWhere('c.email IS NOT NULL')
  else qb.andWhere('c.email IS NULL')
  if (wanted.locale) qb.andWhere('c.locale = :locale', { locale: wanted.locale })
  if (wanted.withTwoFactor !== undefined)
    qb.andWhere(`c.twoFactorEnabledAt IS ${wanted.withTwoFactor ? 'NOT ' : ''}NULL`)
  if (wanted.contracts === 'some')
    qb.andWhere(`EXISTS (SELECT 1 FROM ${contracts} k WHERE k.clientId = c.id)`)
  else if (wanted.contracts === 'active')
    qb.andWhere(`EXISTS (SELECT 1 FROM ${contracts} k WHERE k.clientId = c.id AND k.status = 'active')`)
  else if (wanted.contracts === 'none')
    qb.andWhere(`NOT EXISTS (SELECT 1 FROM ${contracts} k WHERE k.clientId = c.id)`)
  if (taken.size) qb.andWhere('c.id NOT IN (:...taken)', { taken: [...taken] })
  const clients = await qb.orderBy('c.id').take(count).getMany()
  if (clients.length < count)
    throw new Error(
      `the seed has ${clients.length} of the ${count} clients asked (${JSON.stringify(wanted)}) left`,
    )
  for (const client of clients) taken.add(client.id)
  return clients
}

/** One client that is what `wanted` says (see findClients). */
export const findClient = async (dataSource: DataSource, wanted: WantedClient): Promise<Client> =>
  (await findClients(dataSource, wanted, 1))[0]
