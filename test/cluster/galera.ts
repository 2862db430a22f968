import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import mysql from 'mysql2/promise'

/**
 * A real 3-node MariaDB Galera cluster on loopback, for the cluster tests: each node has its own
 * datadir (mariadb-install-db) under one temporary folder (in /dev/shm when there is one), its own socket and ports (SQL 3311–3313,
 * group 4571–4573, IST 4581–4583, SST 4591–4593); node 1 bootstraps the cluster, the others join
 * by rsync SST. A test stops one node and starts it again with `stopGaleraNode` / `startGaleraNode`
 * (from any process, through the node's pid file). `stop()` ends every node and removes the folder; a detached watchdog does the same
 * if the test process dies first, or after `maxLifetimeMs`. The machine's own MariaDB (3306,
 * /run/mysqld) is never used: the harness refuses ports that are not its own.
 */

export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so'
const SQL_PORTS = [3311, 3312, 3313]
const GROUP_PORTS = [4571, 4572, 4573]
const IST_PORTS = [4581, 4582, 4583]
const SST_PORTS = [4591, 4592, 4593]
const SHM = '/dev/shm'
const CLUSTER_ADDRESS = `gcomm://${GROUP_PORTS.map((p) => `127.0.0.1:${p}`).join(',')}`

export interface GaleraNode {
  /** 1, 2 or 3. */
  index: number
  port: number
  socket: string
  dataDir: string
  errorLog: string
}

export interface GaleraCluster {
  nodes: GaleraNode[]
  /** The temporary folder that holds every node's files. */
  root: string
  /** The application user's URL for a database on a node (TCP on 127.0.0.1). */
  url(node: number, database: string): string
  /** A query as root on a node, through its socket. */
  rootQuery<T = unknown>(node: number, sql: string, values?: unknown[]): Promise<T>
  /** Seconds the cluster took to form. */
  formedInSeconds: number
  stop(): Promise<void>
}

export interface GaleraOptions {
  /** The application user's rights: databases named like this (a LIKE pattern). Default `adminjs_clients%`. */
  databasePattern?: string
  /** How long the cluster may take to form before the start fails. Default 120 s. */
  formTimeoutMs?: number
  /** The watchdog stops the cluster after this long whatever happens. Default 15 min. */
  maxLifetimeMs?: number
}

const run = promisify(execFile)
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

const tail = async (file: string, lines = 40) =>
  (await readFile(file, 'utf8').catch(() => '(no error log)')).split('\n').slice(-lines).join('\n')

async function rootConnection(node: GaleraNode) {
  return mysql.createConnection({ socketPath: node.socket, user: 'root', password: '', connectTimeout: 2000 })
}

async function status(node: GaleraNode): Promise<Record<string, string> | null> {
  const connection = await rootConnection(node).catch(() => null)
  if (!connection) return null
  try {
    const [rows] = await connection.query(
      "SHOW STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_cluster_status')",
    )
    return Object.fromEntries(
      (rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]),
    )
  } catch {
    return null
  } finally {
    await connection.end().catch(() => undefined)
  }
}

function nodeArgs(node: GaleraNode, dir: string): string[] {
  const i = node.index - 1
  return [
    '--no-defaults',
    ...(isRoot() ? ['--user=mysql'] : []),
    `--datadir=${node.dataDir}`,
    `--socket=${node.socket}`,
    `--port=${node.port}`,
    '--bind-address=127.0.0.1',
    `--pid-file=${path.join(dir, 'mariadbd.pid')}`,
    `--log-error=${node.errorLog}`,
    `--tmpdir=${dir}`,
    '--skip-name-resolve',
    '--wsrep_on=ON',
    `--wsrep_provider=${GALERA_PROVIDER}`,
    `--wsrep_cluster_address=${CLUSTER_ADDRESS}`,
    '--wsrep_cluster_name=adminjs_clients_test',
    `--wsrep_node_name=node${node.index}`,
    '--wsrep_node_address=127.0.0.1',
    `--wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:${GROUP_PORTS[i]};ist.recv_addr=127.0.0.1:${IST_PORTS[i]};gcache.size=64M`,
    `--wsrep_sst_receive_address=127.0.0.1:${SST_PORTS[i]}`,
    '--wsrep_sst_method=rsync',
    '--binlog_format=ROW',
    '--innodb_autoinc_lock_mode=2',
    '--default_storage_engine=InnoDB',
    // Small and quick: three nodes share two cores with the rest of the tests.
    '--innodb_buffer_pool_size=96M',
    '--innodb_log_file_size=48M',
    '--innodb_flush_log_at_trx_commit=2',
    '--performance_schema=OFF',
    '--max_connections=300',
  ]
}

/** Node `index` (1–3) of the cluster whose files are in `root`. */
export function galeraNode(root: string, index: number): GaleraNode {
  const dir = path.join(root, `node${index}`)
  return {
    index,
    port: SQL_PORTS[index - 1],
    socket: path.join(dir, 'mariadbd.sock'),
    dataDir: path.join(dir, 'data'),
    errorLog: path.join(dir, 'error.log'),
  }
}

const pidFile = (node: GaleraNode) => path.join(path.dirname(node.dataDir), 'mariadbd.pid')

/** The node's server process id, when it runs (a stale pid file's number may be another process now). */
async function runningPid(node: GaleraNode): Promise<number | null> {
  const pid = Number((await readFile(pidFile(node), 'utf8').catch(() => '')).trim())
  if (!(pid > 0)) return null
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  return commandLine.split('\0').includes(`--datadir=${node.dataDir}`) ? pid : null
}

/**
 * Stops node `index` of the cluster in `root` (from any process: through its pid file):
 * `kill` is a crash (SIGKILL), `shutdown` a clean stop (SIGTERM). Resolves once the process is gone.
 */
export async function stopGaleraNode(root: string, index: number, how: 'kill' | 'shutdown'): Promise<void> {
  const node = galeraNode(root, index)
  const pid = await runningPid(node)
  if (pid === null) throw new Error(`Galera node ${index} is not running`)
  process.kill(pid, how === 'kill' ? 'SIGKILL' : 'SIGTERM')
  const end = Date.now() + 60_000
  while ((await runningPid(node)) !== null) {
    if (Date.now() > end) throw new Error(`Galera node ${index} still runs 60 s after ${how}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Starts node `index` of the cluster in `root` again (it rejoins the others, by IST or SST) and
 * waits until it is synced in a cluster of 3; answers the seconds it took. The cluster's `stop()`
 * (or its watchdog) ends it with the others.
 */
export async function startGaleraNode(root: string, index: number, timeoutMs = 120_000): Promise<number> {
  const node = galeraNode(root, index)
  if ((await runningPid(node)) !== null) throw new Error(`Galera node ${index} already runs`)
  const started = Date.now()
  const child = spawn('/usr/sbin/mariadbd', nodeArgs(node, path.dirname(node.dataDir)), {
    stdio: 'ignore',
    detached: true,
  })
  child.unref()
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Galera node ${index} stopped while rejoining:\n${await tail(node.errorLog)}`)
    }
    const s = await status(node)
    if (s?.wsrep_ready === 'ON' && s.wsrep_cluster_size === '3' && s.wsrep_local_state_comment === 'Synced') {
      return (Date.now() - started) / 1000
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `Galera node ${index} not synced ${timeoutMs / 1000} s after its start:\n${await tail(node.errorLog)}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Starts the cluster and waits until all three nodes are synced and ready; on failure, nothing is left running. */
export async function startGaleraCluster(options: GaleraOptions = {}): Promise<GaleraCluster> {
  const started = Date.now()
  const formTimeoutMs = options.formTimeoutMs ?? 120_000
  if (!existsSync(GALERA_PROVIDER)) {
    throw new Error(`Galera is not installed (${GALERA_PROVIDER} missing): apt-get install galera-4 rsync`)
  }
  for (const port of [...SQL_PORTS, ...GROUP_PORTS, ...IST_PORTS, ...SST_PORTS]) {
    if (port === 3306 || !(await portFree(port))) {
      throw new Error(
        `port ${port} is taken: another Galera test cluster may still run (see ps for mariadbd)`,
      )
    }
  }
  // In memory when the machine has /dev/shm: the nodes' writes and fsyncs (every DDL of the
  // migrations, ordered across the three) cost nothing there; else the system's temp folder.
  // GALERA_DIR: another parent folder.
  const parent = process.env.GALERA_DIR || (existsSync(SHM) ? SHM : os.tmpdir())
  const root = await mkdtemp(path.join(parent, 'adminjs-clients-galera-'))
  await chmod(root, 0o755)
  const nodes: GaleraNode[] = SQL_PORTS.map((_, i) => galeraNode(root, i + 1))
  const processes: ChildProcess[] = []
  let watchdog: ChildProcess | null = null

  const stop = async () => {
    await Promise.all(
      processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            child.once('exit', () => resolve())
            // The folder goes next: no clean shutdown to wait for (each node's would leave the
            // cluster in turn, several seconds on a loaded machine).
            child.kill('SIGKILL')
          }),
      ),
    )
    // A node a test file restarted (startGaleraNode) is no child of ours: found by its pid file.
    for (const node of nodes) {
      const pid = await runningPid(node)
      if (pid === null) continue
      process.kill(pid, 'SIGKILL')
      const end = Date.now() + 30_000
      while ((await runningPid(node)) !== null && Date.now() < end)
        await new Promise((resolve) => setTimeout(resolve, 50))
    }
    if (watchdog?.pid) {
      try {
        process.kill(watchdog.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
    await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  }

  try {
    // Side by side, each with its own temporary folder (the bootstrap servers would share /tmp's
    // temporary table names); all settled before a failure is thrown, so nothing writes while we clean up.
    for (const node of nodes) await mkdir(node.dataDir, { recursive: true })
    if (isRoot()) await run('chown', ['-R', 'mysql:mysql', root])
    const installs = await Promise.allSettled(
      nodes.map(async (node) => {
        const dir = path.dirname(node.dataDir)
        await run(
          'mariadb-install-db',
          [
            '--no-defaults',
            `--datadir=${node.dataDir}`,
            ...(isRoot() ? ['--user=mysql'] : []),
            '--auth-root-authentication-method=normal',
            '--skip-test-db',
            `--tmpdir=${dir}`,
          ],
          { env: { ...process.env, TMPDIR: dir } },
        )
      }),
    )
    const failed = installs.find((r) => r.status === 'rejected')
    if (failed) throw (failed as PromiseRejectedResult).reason
    if (isRoot()) await run('chown', ['-R', 'mysql:mysql', root])

    const launch = (node: GaleraNode, extra: string[]) => {
      const child = spawn('/usr/sbin/mariadbd', [...nodeArgs(node, path.dirname(node.dataDir)), ...extra], {
        stdio: 'ignore',
      })
      processes.push(child)
      return child
    }
    // If this process dies without stopping the cluster, the watchdog ends the nodes and removes the folder.
    const maxSeconds = Math.ceil((options.maxLifetimeMs ?? 15 * 60_000) / 1000)
    const waitFor = async (
      what: string,
      node: GaleraNode,
      child: ChildProcess,
      ok: (s: Record<string, string>) => boolean,
    ) => {
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`Galera node ${node.index} stopped while ${what}:\n${await tail(node.errorLog)}`)
        }
        const s = await status(node)
        if (s && ok(s)) return
        if (Date.now() - started > formTimeoutMs) {
          throw new Error(
            `Galera node ${node.index} not ${what} after ${formTimeoutMs / 1000} s (status ${JSON.stringify(s)}):\n${await tail(node.errorLog)}`,
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }

    const first = launch(nodes[0], ['--wsrep-new-cluster'])
    watchdog = spawn(
      'sh',
      [
        '-c',
        `end=$(( $(date +%s) + ${maxSeconds} )); while kill -0 ${process.pid} 2>/dev/null && [ $(date +%s) -lt $end ]; do sleep 1; done; ` +
          `for p in ${root}/node*/mariadbd.pid; do [ -f "$p" ] && kill -9 $(cat "$p") 2>/dev/null; done; sleep 1; rm -rf ${root}`,
      ],
      { detached: true, stdio: 'ignore' },
    )
    watchdog.unref()
    await waitFor('ready', nodes[0], first, (s) => s.wsrep_ready === 'ON')
    const joiners = nodes.slice(1).map((node) => [node, launch(node, [])] as const)
    for (const [node, child] of [[nodes[0], first] as const, ...joiners]) {
      await waitFor(
        'synced in a cluster of 3',
        node,
        child,
        (s) =>
          s.wsrep_ready === 'ON' && s.wsrep_cluster_size === '3' && s.wsrep_local_state_comment === 'Synced',
      )
    }
  } catch (error) {
    await stop().catch(() => undefined)
    throw error
  }

  const password = randomBytes(12).toString('hex')
  const rootQuery = async <T>(n: number, sql: string, values?: unknown[]): Promise<T> => {
    const connection = await rootConnection(nodes[n - 1])
    try {
      return (await connection.query(sql, values))[0] as T
    } finally {
      await connection.end()
    }
  }
  try {
    // DDL and grants replicate to every node (total order isolation).
    await rootQuery(1, `CREATE USER 'cluster'@'127.0.0.1' IDENTIFIED BY ?`, [password])
    await rootQuery(
      1,
      `GRANT ALL PRIVILEGES ON \`${options.databasePattern ?? 'adminjs_clients%'}\`.* TO 'cluster'@'127.0.0.1'`,
    )
  } catch (error) {
    await stop().catch(() => undefined)
    throw error
  }
  return {
    nodes,
    root,
    formedInSeconds: (Date.now() - started) / 1000,
    url: (n, database) => `mysql://cluster:${password}@127.0.0.1:${nodes[n - 1].port}/${database}`,
    rootQuery,
    stop,
  }
}
