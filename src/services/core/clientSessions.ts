import { In, LessThan, type DataSource, type EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientSession } from '../../entities/ClientSession.js'
import { conflictCause } from './databaseFaults.js'
import { chunks, inTransaction } from './transaction.js'
import type { PluginLogger } from './pluginLogger.js'

/** What the host's `sessions.destroy` receives when sessions of clients end. */
export interface EndedSessions {
  /** The ids of the host's session store (express-session's `req.sessionID`) to destroy. */
  sessionIds: string[]
  clientIds: number[]
  /**
   * The transaction of the change: a store in the same database deletes its rows through it, so
   * they go with the change (or stay, if it rolls back).
   */
  manager: EntityManager
}

/** The host's session store, as the plugin reaches it (option `sessions`). */
export interface SessionStoreHook {
  /**
   * Destroys these sessions in the host's store, for good (a soft delete keeps the session's
   * data, the impersonation banner's name included). Called inside the change's transaction; a
   * failure is logged and does not undo the change: the sessions are refused anyway.
   */
  destroy: (ended: EndedSessions) => Promise<void> | void
}

// The hooks given for each DataSource. A writer in any room (a ban, a batch of the retention
// run) holds only its transaction's manager: it reaches the host's store through its DataSource,
// as TypeORM's own subscribers are reached.
const stores = new WeakMap<DataSource, Set<{ hook: SessionStoreHook; logger: PluginLogger }>>()

/** Registers the host's store for this DataSource (createClientManagement does, from `sessions`). */
export function registerSessionStore(dataSource: DataSource, hook: SessionStoreHook, logger: PluginLogger) {
  const set = stores.get(dataSource) ?? new Set()
  set.add({ hook, logger })
  stores.set(dataSource, set)
}

/**
 * Spread into the SET of an UPDATE of clients that ends their sessions, so that the change and
 * the bump are one statement (then `endClientSessions(…, { bumped: true })`).
 */
export const BUMP_SESSION_GENERATION = { sessionGeneration: () => 'sessionGeneration + 1' }

/**
 * Ends every session of these clients, in the caller's transaction: their `sessionGeneration` is
 * bumped (every instance then refuses the sessions opened before, see `sessionAccount`), unless
 * the caller's own UPDATE did (`bumped`); their registered session ids are handed to the host's
 * store to destroy, and forgotten. A fixed number of statements per chunk of 1,000 clients.
 */
export async function endClientSessions(
  manager: EntityManager,
  clientIds: number[],
  options: { bumped?: boolean } = {},
): Promise<void> {
  const ids = [...new Set(clientIds.filter((id) => Number.isInteger(id)))]
  const hooks = stores.get(manager.connection)
  for (const part of chunks(ids)) {
    if (!options.bumped) {
      await manager
        .createQueryBuilder()
        .update(Client)
        .set(BUMP_SESSION_GENERATION)
        .where('id IN (:...ids)', { ids: part })
        .execute()
    }
    // No store to tell: the ids are only forgotten.
    if (!hooks || hooks.size === 0) {
      await manager.delete(ClientSession, { clientId: In(part) })
      continue
    }
    const rows = await manager
      .createQueryBuilder(ClientSession, 's')
      .select(['s.id', 's.sessionId'])
      .where('s.clientId IN (:...ids)', { ids: part })
      .getMany()
    if (rows.length === 0) continue
    await manager.delete(ClientSession, { clientId: In(part) })
    await destroyInStores(manager, {
      sessionIds: [...new Set(rows.map((r) => r.sessionId as string))],
      clientIds: part,
      manager,
    })
  }
}

async function destroyInStores(manager: EntityManager, ended: EndedSessions): Promise<void> {
  for (const { hook, logger } of stores.get(manager.connection) ?? []) {
    try {
      await hook.destroy(ended)
    } catch (error) {
      // A deadlock or a lock timeout in the hook's own statements has undone (or holds) the whole
      // transaction: it goes to the transaction helper, which runs the change again.
      if (conflictCause(error)) throw error
      // Never the session ids in a log line: each is a key to a session.
      logger.error('adminjs-clients: the session store could not destroy ended sessions', {
        clientIds: ended.clientIds,
        sessions: ended.sessionIds.length,
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
}

/**
 * Records that this session of the host's store belongs to the client (a login, an admin's "log
 * in as this client"), and forgets the client's rows older than `keepDays`.
 */
export async function registerClientSession(
  dataSource: DataSource,
  clientId: number,
  sessionId: string,
  keepDays: number,
): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    await manager.delete(ClientSession, {
      clientId,
      createdAt: LessThan(new Date(Date.now() - keepDays * 86_400_000)),
    })
    await manager.insert(ClientSession, { clientId, sessionId })
  })
}

/** The client's current session generation and what its session may still do, or null if gone. */
export async function sessionState(
  dataSource: DataSource,
  clientId: number,
): Promise<{ client: Client; generation: number } | null> {
  const client = await dataSource
    .getRepository(Client)
    .createQueryBuilder('c')
    .addSelect('c.sessionGeneration')
    .where('c.id = :clientId', { clientId })
    .getOne()
  return client ? { client, generation: client.sessionGeneration ?? 0 } : null
}
