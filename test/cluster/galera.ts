import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import mysql from 'mysql2/promise'

/**
 * A real 3-node MariaDB Galera cluster on loopback, for the cluster tests: each node has its own
 * datadir (mariadb-install-db) under one temporary folder (in /dev/shm when there is one), its own socket and ports (SQL 3311–3313,
 * group 4571–4573, IST 4581–4583, SST 4591–4593); node 1 bootstraps the cluster, the others join
 * by rsync SST; a node whose server stops while it starts or joins, or is not there in half the
 * time allowed, is started once more before the start fails (`startNodeOnce`). A test stops one
 * node and starts it again with `stopGaleraNode` / `startGaleraNode`
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
  /**
   * How long the cluster may take to form before the start fails. Default 300 s: 15–30 s on a quiet
   * machine, minutes beside a browser suite (the bound of a condition, not a wait).
   */
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

/** Synced, ready, in a cluster of three: what every node must show before a test may use it. */
const syncedInThree = (s: Record<string, string>) =>
  s.wsrep_ready === 'ON' && s.wsrep_cluster_size === '3' && s.wsrep_local_state_comment === 'Synced'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A node's server as the harness started it: whether it still runs, and how to end it. */
interface NodeServer {
  running(): boolean
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>
}

/**
 * Polls node's status until `ok` holds (answers null), its server stops, or `deadline` passes
 * (answers why, with the last status seen): a condition with a bound, never a count of polls.
 */
async function waitForNode(
  node: GaleraNode,
  server: NodeServer,
  ok: (s: Record<string, string>) => boolean,
  deadline: number,
): Promise<string | null> {
  let last: Record<string, string> | null = null
  for (;;) {
    if (!server.running()) return `its server stopped (last status ${JSON.stringify(last)})`
    last = (await status(node)) ?? last
    if (last && ok(last)) return null
    if (Date.now() > deadline) return `still not there at the deadline (last status ${JSON.stringify(last)})`
    await sleep(250)
  }
}

/**
 * Starts node's server with `launch` and waits until `ok`, within `deadline`. A server that stops
 * (a state transfer cut short, a group connection timed out on a loaded machine) or is not there
 * in half the time left is killed and started once more, with a line saying so; a second failure
 * throws, naming the node, what it was waiting for, both reasons and the end of its error log.
 * Answers the server that got there.
 */
async function startNodeOnce(
  node: GaleraNode,
  what: string,
  launch: (attempt: number) => Promise<NodeServer>,
  ok: (s: Record<string, string>) => boolean,
  deadline: number,
): Promise<NodeServer> {
  const reasons: string[] = []
  for (const attempt of [1, 2]) {
    const server = await launch(attempt)
    const attemptDeadline = attempt === 1 ? Date.now() + (deadline - Date.now()) / 2 : deadline
    const failed = await waitForNode(node, server, ok, attemptDeadline)
    if (failed === null) return server
    reasons.push(`attempt ${attempt}: ${failed}`)
    await server.kill()
    if (attempt === 1) {
      process.stdout.write(
        `\nGalera node ${node.index} not ${what} (${failed}); started once more. Its error log ended:\n${await tail(node.errorLog, 15)}\n`,
      )
    }
  }
  throw new Error(
    `Galera node ${node.index} not ${what} after two starts (${reasons.join('; ')}):\n${await tail(node.errorLog)}`,
  )
}

/**
 * A node that crashed while it bootstrapped may have marked its state unsafe to bootstrap from: the
 * harness's own fresh cluster is safe to bootstrap again from node 1.
 */
async function markSafeToBootstrap(node: GaleraNode): Promise<void> {
  const file = path.join(node.dataDir, 'grastate.dat')
  const state = await readFile(file, 'utf8').catch(() => null)
  if (state !== null) await writeFile(file, state.replace(/safe_to_bootstrap:\s*0/, 'safe_to_bootstrap: 1'))
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
  // A bound: a clean shutdown takes a second or two, longer on a loaded machine.
  const end = Date.now() + 180_000
  while ((await runningPid(node)) !== null) {
    if (Date.now() > end) throw new Error(`Galera node ${index} still runs 180 s after ${how}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Starts node `index` of the cluster in `root` again (it rejoins the others, by IST or SST) and
 * waits until it is synced in a cluster of 3 (started once more if its server stops on the way:
 * `startNodeOnce`); answers the seconds it took. The cluster's `stop()` (or its watchdog) ends it
 * with the others. `timeoutMs`: the bound, 300 s by default (seconds on a quiet machine).
 */
export async function startGaleraNode(root: string, index: number, timeoutMs = 300_000): Promise<number> {
  const node = galeraNode(root, index)
  if ((await runningPid(node)) !== null) throw new Error(`Galera node ${index} already runs`)
  const started = Date.now()
  await startNodeOnce(
    node,
    'synced in a cluster of 3 after its start',
    async () => {
      const child = spawn('/usr/sbin/mariadbd', nodeArgs(node, path.dirname(node.dataDir)), {
        stdio: 'ignore',
        detached: true,
      })
      child.unref()
      return childServer(child)
    },
    syncedInThree,
    started + timeoutMs,
  )
  return (Date.now() - started) / 1000
}

/** A server process of ours as a NodeServer. */
function childServer(child: ChildProcess): NodeServer {
  const running = () => child.exitCode === null && child.signalCode === null
  return {
    running,
    kill: () =>
      new Promise<void>((resolve) => {
        if (!running()) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  }
}

/** Starts the cluster and waits until all three nodes are synced and ready; on failure, nothing is left running. */
export async function startGaleraCluster(options: GaleraOptions = {}): Promise<GaleraCluster> {
  const started = Date.now()
  const formTimeoutMs = options.formTimeoutMs ?? 300_000
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

    const launch = (node: GaleraNode, extra: string[]): NodeServer => {
      const child = spawn('/usr/sbin/mariadbd', [...nodeArgs(node, path.dirname(node.dataDir)), ...extra], {
        stdio: 'ignore',
      })
      processes.push(child)
      return childServer(child)
    }
    // If this process dies without stopping the cluster, the watchdog ends the nodes and removes the folder.
    const maxSeconds = Math.ceil((options.maxLifetimeMs ?? 15 * 60_000) / 1000)
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
    const deadline = started + formTimeoutMs
    // Node 1 bootstraps the cluster; once it is ready, the two others join it side by side (the
    // second one's state transfer waits for the first's: one donor), each started once more if it fails.
    const first = await startNodeOnce(
      nodes[0],
      'ready as the first node',
      async (attempt) => {
        if (attempt > 1) await markSafeToBootstrap(nodes[0])
        return launch(nodes[0], ['--wsrep-new-cluster'])
      },
      (s) => s.wsrep_ready === 'ON',
      deadline,
    )
    const joins = await Promise.allSettled(
      nodes
        .slice(1)
        .map((node) =>
          startNodeOnce(
            node,
            'synced in a cluster of 3',
            async () => launch(node, []),
            syncedInThree,
            deadline,
          ),
        ),
    )
    const notJoined = joins.find((r) => r.status === 'rejected')
    if (notJoined) throw (notJoined as PromiseRejectedResult).reason
    const servers = [first, ...joins.map((r) => (r as PromiseFulfilledResult<NodeServer>).value)]
    // All three at once: node 1 (or a node that joined first) may have seen another one leave and come back.
    for (const [i, node] of nodes.entries()) {
      const notSynced = await waitForNode(node, servers[i], syncedInThree, deadline)
      if (notSynced !== null) {
        throw new Error(
          `Galera node ${node.index} not synced in a cluster of 3 within ${formTimeoutMs / 1000} s (${notSynced}):\n${await tail(node.errorLog)}`,
        )
      }
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
