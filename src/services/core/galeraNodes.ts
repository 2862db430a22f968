import { createRequire } from 'node:module'
import type { MysqlConnectionOptions } from 'typeorm/driver/mysql/MysqlConnectionOptions.js'
import { conflictCause } from './databaseFaults.js'

/** One server of the list: a Galera node (or any MySQL/MariaDB server). */
export interface DatabaseNode {
  host: string
  port: number
}

/** How the instance moves between the nodes of the list. */
export interface GaleraNodeOptions {
  /**
   * A node that refused a connection is left out for this long, then tried again (the instance
   * goes back to the first node of the list once it answers). Default 5000 ms.
   */
  restoreNodeMs?: number
  /** How long a connection to one node may take before the next node is tried. Default 3000 ms (lists only). */
  connectTimeoutMs?: number
  /** Called when a node is left out (`offline`) or answers again (`online`): log it. */
  onNodeChange?: (change: { node: DatabaseNode; state: 'offline' | 'online' }) => void
}

export const DEFAULT_GALERA_NODE_OPTIONS = { restoreNodeMs: 5000, connectTimeoutMs: 3000 }

/** A database URL (or list of nodes) that cannot be used; the message never shows the password. */
export class DatabaseNodesError extends Error {
  override name = 'DatabaseNodesError'
}

interface NodeList {
  /** The first node's URL: what TypeORM reads the user, password, database and options from. */
  url: string
  nodes: DatabaseNode[]
  /** Each node's own URL (`mysql://`), in the order of the list. */
  nodeUrls: string[]
}

const SCHEMES = /^(mysql|mariadb):\/\//

function hostPort(text: string, where: string): DatabaseNode {
  const match = /^(\[[0-9a-f:.]+\]|[^:/?#[\]@,\s]+)(?::(\d{1,5}))?$/i.exec(text)
  const port = match?.[2] === undefined ? 3306 : Number(match[2])
  if (!match || port < 1 || port > 65535) {
    throw new DatabaseNodesError(`${where}: "${text}" is not host or host:port`)
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port }
}

/**
 * Reads the nodes from `mysql://user:password@host1:3306,host2:3306,host3:3306/database?options`
 * (one user, password, database and options for every node), or from a list of such URLs with one
 * host each (then they must share the user, password, database and options). Throws
 * DatabaseNodesError with the reason.
 */
export function parseDatabaseNodes(urls: string | readonly string[] | undefined): NodeList {
  const list = (typeof urls === 'string' ? [urls] : [...(urls ?? [])]).map((u) => u.trim()).filter(Boolean)
  if (list.length === 0) throw new DatabaseNodesError('no database URL given')
  const parts = list.map((text, i) => {
    const where = list.length > 1 ? `database URL ${i + 1}` : 'database URL'
    if (!SCHEMES.test(text)) {
      throw new DatabaseNodesError(`${where} must start with mysql:// or mariadb://`)
    }
    // user:password@hosts/rest, the password may hold '@' (the last '@' before the hosts ends it).
    const match = /^[a-z]+:\/\/(?:(.*)@)?([^/?#@]*)(.*)$/i.exec(text)
    if (!match || match[2] === '') throw new DatabaseNodesError(`${where} has no host`)
    const [, credentials = '', hosts, rest] = match
    const nodes = hosts.split(',').map((h) => hostPort(h.trim(), where))
    return { credentials, rest, nodes }
  })
  const [first] = parts
  parts.forEach((part, i) => {
    if (part.credentials !== first.credentials || part.rest !== first.rest) {
      throw new DatabaseNodesError(
        `database URL ${i + 1} names another user, password, database or options than the first: one DataSource has one of each`,
      )
    }
  })
  const nodes = parts.flatMap((p) => p.nodes)
  const seen = new Set<string>()
  for (const node of nodes) {
    const key = `${node.host}:${node.port}`
    if (seen.has(key)) throw new DatabaseNodesError(`the node ${key} is listed twice`)
    seen.add(key)
  }
  const at = first.credentials ? `${first.credentials}@` : ''
  const nodeUrls = nodes.map(
    ({ host, port }) => `mysql://${at}${host.includes(':') ? `[${host}]` : host}:${port}${first.rest}`,
  )
  return { url: nodeUrls[0], nodes, nodeUrls }
}

type Callback<T> = (error: Error | null, value?: T) => void
interface Mysql2Connection {
  query(...args: unknown[]): unknown
  destroy(): void
}
interface Mysql2Pool {
  getConnection(cb: Callback<Mysql2Connection>): void
  end(cb?: (error?: Error | null) => void): void
}
interface Mysql2 {
  createPool(config: object): Mysql2Pool
}

/**
 * Asked of each new connection before it serves. A Galera node that is joining (its port open,
 * its state transfer not applied) answers `SELECT 1` but refuses every table with 1047 "WSREP has
 * not yet prepared node for application use" for a moment (seen here: 70–130 ms after a restart
 * on a busy machine); it does answer `SHOW STATUS`.
 */
const NODE_READY_SQL = "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state', 'wsrep_ready')"

/**
 * Whether a node's answer to NODE_READY_SQL lets it serve: a server without Galera (no
 * `wsrep_local_state`; MariaDB shows `wsrep_ready` OFF there) always, a Galera node once
 * `wsrep_ready` is ON.
 */
export function nodeReady(rows: unknown): boolean {
  const status = new Map(
    (Array.isArray(rows) ? rows : []).map((row: { Variable_name?: unknown; Value?: unknown }) => [
      String(row.Variable_name).toLowerCase(),
      String(row.Value),
    ]),
  )
  return !status.has('wsrep_local_state') || status.get('wsrep_ready') === 'ON'
}

/** A node that accepted a connection but cannot serve yet: read as Galera's own 1047 (a transient state). */
function notReadyError(node: DatabaseNode): Error {
  return Object.assign(
    new Error(`WSREP has not yet prepared node for application use (node ${node.host}:${node.port})`),
    { code: 'ER_UNKNOWN_COM_ERROR', errno: 1047 },
  )
}

/**
 * What TypeORM calls a pool (it only asks it for a connection and ends it): one mysql2 pool per
 * node; a connection comes from the first node of the list that is not left out, and a new
 * connection serves only once its node says it is ready (NODE_READY_SQL). A node that refuses a
 * connection, or is not ready, is left out for `restoreNodeMs` and the next one is asked in the
 * same call; when every node is left out, the last refusal is the answer.
 */
function nodeListDriver(nodes: DatabaseNode[], options: GaleraNodeOptions): object {
  // mysql2 is the host's (TypeORM needs it for MySQL/MariaDB): loaded only when a list is used.
  const mysql2 = createRequire(import.meta.url)('mysql2') as Mysql2 & Record<string, unknown>
  const restoreNodeMs = options.restoreNodeMs ?? DEFAULT_GALERA_NODE_OPTIONS.restoreNodeMs
  return {
    ...mysql2,
    createPool(config: object) {
      const pools = nodes.map((node) => mysql2.createPool({ ...config, host: node.host, port: node.port }))
      /** When each node is tried again (0: in service). */
      const leftOutUntil = nodes.map(() => 0)
      /** Connections whose node said it was ready when they were opened. */
      const checked = new WeakSet<Mysql2Connection>()
      const report = (i: number, state: 'offline' | 'online') => {
        try {
          options.onNodeChange?.({ node: nodes[i], state })
        } catch {
          // A failing log hook must not break the connection being made.
        }
      }
      const leaveOut = (i: number) => {
        if (leftOutUntil[i] === 0) report(i, 'offline')
        leftOutUntil[i] = Date.now() + restoreNodeMs
      }
      const serve = (i: number, connection: Mysql2Connection, cb: Callback<unknown>) => {
        if (leftOutUntil[i] !== 0) {
          leftOutUntil[i] = 0
          report(i, 'online')
        }
        cb(null, connection)
      }
      // A node that stops serving later (cut off from the others, desynced) answers 1047 on the
      // connections it already has: such a connection is asked again before it next serves, so
      // the transaction helper's next try moves to another node instead of meeting the same one.
      const watchReadiness = (connection: Mysql2Connection) => {
        const query = connection.query.bind(connection)
        connection.query = (...args: unknown[]) => {
          const at = args.map((arg) => typeof arg).lastIndexOf('function')
          if (at >= 0) {
            const callback = args[at] as (error: unknown, ...rest: unknown[]) => unknown
            args[at] = (error: unknown, ...rest: unknown[]) => {
              if (error && conflictCause(error) === 'wsrep') checked.delete(connection)
              return callback(error, ...rest)
            }
          }
          return query(...args)
        }
      }
      const attempt = (from: number, cb: Callback<unknown>, lastError?: Error) => {
        const now = Date.now()
        let i = from
        while (i < nodes.length && leftOutUntil[i] > now) i += 1
        if (i === nodes.length) {
          cb(
            lastError ??
              Object.assign(new Error('every database node is left out for now'), {
                code: 'POOL_NONEONLINE',
              }),
          )
          return
        }
        pools[i].getConnection((error, connection) => {
          if (error || !connection) {
            leaveOut(i)
            attempt(i + 1, cb, error ?? undefined)
            return
          }
          if (checked.has(connection)) {
            serve(i, connection, cb)
            return
          }
          connection.query(NODE_READY_SQL, (checkError: Error | null, rows?: unknown) => {
            if (checkError || !nodeReady(rows)) {
              connection.destroy()
              leaveOut(i)
              attempt(i + 1, cb, checkError ?? notReadyError(nodes[i]))
              return
            }
            checked.add(connection)
            watchReadiness(connection)
            serve(i, connection, cb)
          })
        })
      }
      return {
        getConnection: (cb: Callback<unknown>) => attempt(0, cb),
        end: (cb?: (error?: Error | null) => void) => {
          let left = pools.length
          let firstError: Error | null = null
          for (const pool of pools) {
            pool.end((error) => {
              firstError ??= error ?? null
              left -= 1
              if (left === 0) cb?.(firstError)
            })
          }
        },
      }
    },
  }
}

/**
 * The DataSource options that spread an instance over a list of nodes (a Galera cluster, where
 * every node takes writes): the instance works on the first node that answers and, when that
 * node stops, moves to the next one at its next connection. A transaction cut by the stop is
 * retried by the transaction helper. One URL alone gives TypeORM's plain pool.
 *
 * ```ts
 * new DataSource({ type: 'mariadb', ...galeraDataSourceOptions(process.env.DATABASE_URL), entities })
 * ```
 */
export function galeraDataSourceOptions(
  urls: string | readonly string[] | undefined,
  options: GaleraNodeOptions = {},
): Pick<MysqlConnectionOptions, 'url' | 'connectTimeout' | 'connectorPackage' | 'driver'> {
  const { url, nodes } = parseDatabaseNodes(urls)
  if (nodes.length === 1) return { url }
  const connectTimeout = options.connectTimeoutMs ?? DEFAULT_GALERA_NODE_OPTIONS.connectTimeoutMs
  return { url, connectTimeout, connectorPackage: 'mysql2', driver: nodeListDriver(nodes, options) }
}
