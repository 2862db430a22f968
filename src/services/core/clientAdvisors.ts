import type { DataSource, EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientAdvisor } from '../../entities/ClientAdvisor.js'
import { Contract } from '../../entities/Contract.js'
import { tableOf } from './tableNames.js'
import { inTransaction } from './transaction.js'

const PART = 1000

/** The rows `client_advisors` should hold: each client's referent and its contracts' advisors, with its last name and whether it is soft-deleted. */
function truthSql(connection: DataSource, clientsWhere: string, contractsWhere: string): string {
  const clients = tableOf(connection, Client)
  const contracts = tableOf(connection, Contract)
  const deleted = `CASE WHEN c.status = 'deleted' THEN 1 ELSE 0 END`
  return `SELECT c.advisorId, c.id, c.lastName, ${deleted} AS clientDeleted FROM ${clients} c WHERE c.advisorId IS NOT NULL${clientsWhere}
    UNION
    SELECT k.advisorId, c.id, c.lastName, ${deleted} FROM ${contracts} k JOIN ${clients} c ON c.id = k.clientId WHERE k.advisorId IS NOT NULL${contractsWhere}`
}

/**
 * Rewrites the `client_advisors` rows of these clients from their referent and their contracts'
 * advisors, in the caller's transaction: two statements per 1,000 clients, whatever changed
 * (a referent, a contract's advisor or client, a last name, a soft deletion or its undoing, a
 * contract gone). A client removed
 * for good, or an advisor deleted, needs no call: the foreign keys cascade.
 */
export async function refreshClientAdvisors(
  manager: EntityManager,
  clientIds: Iterable<number | null | undefined>,
): Promise<void> {
  const ids = [
    ...new Set([...clientIds].filter((id): id is number => Number.isInteger(id) && (id as number) > 0)),
  ].sort((a, b) => a - b)
  const links = tableOf(manager.connection, ClientAdvisor)
  for (let i = 0; i < ids.length; i += PART) {
    const part = ids.slice(i, i + PART)
    const marks = part.map(() => '?').join(', ')
    await manager.query(`DELETE FROM ${links} WHERE clientId IN (${marks})`, part)
    await manager.query(
      `INSERT INTO ${links} (advisorId, clientId, lastName, clientDeleted) ${truthSql(
        manager.connection,
        ` AND c.id IN (${marks})`,
        ` AND k.clientId IN (${marks})`,
      )}`,
      [...part, ...part],
    )
  }
}

/** What a client saved as an entity holds that `client_advisors` copies. */
type ClientLinks = Pick<Client, 'id' | 'advisorId' | 'lastName' | 'status'>
/** What a contract saved as an entity holds that `client_advisors` copies (a form's values may be text). */
interface ContractLinks {
  advisorId?: unknown
  clientId?: unknown
}

/**
 * The clients to refresh after one was created (`before` null) or changed as an entity
 * (`manager.save`): none unless its referent, last name or status is new.
 */
export function clientLinksTouched(before: ClientLinks | null, after: ClientLinks): number[] {
  if (!before) return after.advisorId ? [after.id] : []
  const changed = (['advisorId', 'lastName', 'status'] as const).some((key) => before[key] !== after[key])
  return changed ? [after.id] : []
}

/**
 * The clients to refresh after a contract was created (`before` null), changed or removed
 * (`after` null) as an entity: none unless its advisor or its client changed.
 */
export function contractLinksTouched(
  before: ContractLinks | null,
  after: ContractLinks | null,
): (number | null)[] {
  // A form's values may still be text ('12'): ids as numbers.
  const id = (value: unknown) =>
    value === null || value === undefined || value === '' ? null : Number(value)
  if (!after) return [id(before?.clientId)]
  if (!before) return id(after.advisorId) !== null ? [id(after.clientId)] : []
  const changed = id(before.advisorId) !== id(after.advisorId) || id(before.clientId) !== id(after.clientId)
  return changed ? [id(before.clientId), id(after.clientId)] : []
}

/** Rebuilds the whole table (SQLite's backfill after `synchronize` made it; the migration has its own copy). */
export async function rebuildClientAdvisors(manager: EntityManager): Promise<void> {
  const links = tableOf(manager.connection, ClientAdvisor)
  await manager.query(`DELETE FROM ${links}`)
  await manager.query(
    `INSERT INTO ${links} (advisorId, clientId, lastName, clientDeleted) ${truthSql(manager.connection, '', '')}`,
  )
}

/** Fills an empty `client_advisors` (SQLite's `synchronize` creates it empty on a database with clients). */
export async function backfillClientAdvisors(dataSource: DataSource): Promise<void> {
  const links = tableOf(dataSource, ClientAdvisor)
  const [row] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM ${links}) AS filled`)
  if (!Number(row.filled)) await inTransaction(dataSource, (manager) => rebuildClientAdvisors(manager))
}

/** The rows that should be there and are not, and those there that should not be (a test's check). */
export async function clientAdvisorsDrift(
  manager: EntityManager,
): Promise<{ missing: number; extra: number }> {
  const links = tableOf(manager.connection, ClientAdvisor)
  const truth = truthSql(manager.connection, '', '')
  const [row] = await manager.query(
    `SELECT
       (SELECT COUNT(*) FROM (${truth}) t WHERE NOT EXISTS (SELECT 1 FROM ${links} l WHERE l.advisorId = t.advisorId AND l.clientId = t.id AND l.lastName = t.lastName AND l.clientDeleted = t.clientDeleted)) AS missing,
       (SELECT COUNT(*) FROM ${links} l WHERE NOT EXISTS (SELECT 1 FROM (${truth}) t WHERE l.advisorId = t.advisorId AND l.clientId = t.id AND l.lastName = t.lastName AND l.clientDeleted = t.clientDeleted)) AS extra`,
  )
  return { missing: Number(row.missing), extra: Number(row.extra) }
}
