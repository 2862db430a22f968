import { createRequire } from 'node:module'
import type { MysqlConnectionOptions } from 'typeorm/driver/mysql/MysqlConnectionOptions.js'

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
interface Mysql2Cluster {
  add(id: string, config: object): void
  of(pattern: string, selector: string): { getConnection(cb: Callback<unknown>): void }
  end(cb?: (error?: Error | null) => void): void
  on(event: 'offline' | 'online', listener: (id: string) => void): void
}
interface Mysql2 {
  createPoolCluster(config: object): Mysql2Cluster
}

/**
 * What TypeORM calls a pool (it only asks it for a connection and ends it), made of a mysql2
 * PoolCluster: one pool per node, the first node that accepts a connection serves (ORDER), a node
 * that refuses is left out for `restoreNodeMs` and the next one is asked in the same call.
 */
function nodeListDriver(nodes: DatabaseNode[], options: GaleraNodeOptions): object {
  // mysql2 is the host's (TypeORM needs it for MySQL/MariaDB): loaded only when a list is used.
  const mysql2 = createRequire(import.meta.url)('mysql2') as Mysql2 & Record<string, unknown>
  const restoreNodeTimeout = options.restoreNodeMs ?? DEFAULT_GALERA_NODE_OPTIONS.restoreNodeMs
  return {
    ...mysql2,
    createPool(config: object) {
      const cluster = mysql2.createPoolCluster({
        canRetry: true,
        removeNodeErrorCount: 1,
        restoreNodeTimeout,
        defaultSelector: 'ORDER',
      })
      nodes.forEach((node, i) => cluster.add(`node${i}`, { ...config, host: node.host, port: node.port }))
      const report = (state: 'offline' | 'online') => (id: string) => {
        try {
          options.onNodeChange?.({ node: nodes[Number(id.slice(4))], state })
        } catch {
          // A failing log hook must not break the connection being made.
        }
      }
      cluster.on('offline', report('offline'))
      cluster.on('online', report('online'))
      const ordered = cluster.of('node*', 'ORDER')
      return {
        getConnection: (cb: Callback<unknown>) => ordered.getConnection(cb),
        end: (cb?: (error?: Error | null) => void) => cluster.end(cb),
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
