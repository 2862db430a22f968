import type { DataSource } from 'typeorm'
import { createDemoDataSource } from '../../demo/dataSource.js'
import { DataSource as TypeormDataSource } from 'typeorm'
import {
  DatabaseUnavailableError,
  galeraDataSourceOptions,
  resetTransactionStats,
  transactionStats,
} from '../../src/index.js'
import { inTransaction } from '../../src/services/core/transaction.js'
import { asRoot } from './nodes.js'

// A node that leaves the primary component (a network cut, a restart) answers 1047 "WSREP has
// not yet prepared node for application use" until it is back: a transient state the helper
// waits out, as long as its retries last. Node 3 is cut off here with gmcast.isolate.
const urls = (): string[] => JSON.parse(process.env.GALERA_URLS ?? '[]')
const ready = async (node: number) => {
  const rows = await asRoot<{ Variable_name: string; Value: string }[]>(
    node,
    "SHOW STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_cluster_size')",
  )
  const status = Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]))
  return status.wsrep_ready === 'ON' && status.wsrep_cluster_size === '3'
}

// Bounds, not waits: seconds on a quiet machine, longer beside the browser suite (.ci/run runs both at once).
async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 180_000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await condition().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)
}

let dataSource: DataSource

beforeAll(async () => {
  if (urls().length !== 3) throw new Error('GALERA_URLS is not set: run through `npm run test:cluster`')
  dataSource = await createDemoDataSource({ databaseUrl: urls()[2], dataDir: '/nonexistent' })
  await dataSource.initialize()
})

afterAll(async () => {
  await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=0'").catch(() => undefined)
  // The next test files need the whole cluster again.
  await until('node 3 back in a cluster of 3', () => ready(3))
  if (dataSource?.isInitialized) await dataSource.destroy()
}, 240_000)

beforeEach(() => resetTransactionStats())

test('a node out of the cluster (1047) is waited for while the retries last, then the work runs', async () => {
  await until('node 3 ready', () => ready(3))
  await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=1'")
  await until('node 3 to leave the primary component', async () => !(await ready(3)))
  const back = new Promise((resolve) => setTimeout(resolve, 1500)).then(() =>
    asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=0'"),
  )
  let runs = 0
  const started = Date.now()
  const result = await inTransaction(
    dataSource,
    async (manager) => {
      runs += 1
      return manager.query('SELECT @@port AS port')
    },
    // Retries for up to 90 s: the node's return takes seconds, more on a loaded machine; the
    // work runs once it is back, however long that took within them.
    { retries: 50, baseDelayMs: 100, maxDelayMs: 2000, retryWithinMs: 90_000 },
  )
  await back
  expect(Number(result[0].port)).toBe(3313)
  const stats = transactionStats()
  process.stdout.write(
    `Node 3 out of the cluster for 1.5 s: the transaction committed after ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
      `${stats.byCause.wsrep} "not ready" (1047) answers retried\n`,
  )
  expect(stats.byCause.wsrep).toBeGreaterThanOrEqual(1)
  // Refused from its first statement on (START TRANSACTION), the work itself ran once, on the node back.
  expect(runs).toBe(1)
  expect(stats.retries).toBe(stats.byCause.wsrep)
  expect(stats.conflicts).toBe(0)
}, 400_000)

test('with no retries left, a node out of the cluster is "database unavailable, try again" (503), not a server error nor "changed by someone else"', async () => {
  await until('node 3 ready', () => ready(3))
  await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=1'")
  try {
    await until('node 3 to leave the primary component', async () => !(await ready(3)))
    await expect(
      inTransaction(dataSource, (manager) => manager.query('SELECT 1'), { retries: 1, baseDelayMs: 10 }),
    ).rejects.toBeInstanceOf(DatabaseUnavailableError)
    expect(transactionStats()).toMatchObject({ retries: 1, conflicts: 1 })
  } finally {
    await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=0'")
  }
}, 400_000)

// A node that has just started (its port open, its state transfer not applied) or is cut off
// accepts connections and answers `SELECT 1`, but refuses every transaction and table with 1047:
// a node list must not hand such a connection to a request (the CI run of stop 37 answered two
// 500s when node 1 came back after a clean shutdown). Here node 3, first of the list, is cut off.
test('a node list skips a node that accepts connections but is not ready, and goes back to it once it is', async () => {
  await until('node 3 ready', () => ready(3))
  const changes: string[] = []
  const list = new TypeormDataSource({
    type: 'mariadb',
    ...galeraDataSourceOptions([urls()[2], urls()[0]], {
      restoreNodeMs: 1000,
      onNodeChange: ({ node, state }) => changes.push(`${node.port} ${state}`),
    }),
  })
  await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=1'")
  try {
    await until('node 3 to leave the primary component', async () => !(await ready(3)))
    await list.initialize()
    // No retry: the first connection handed out must already be on a node that serves.
    const port = async () =>
      Number((await inTransaction(list, (m) => m.query('SELECT @@port AS port'), { retries: 0 }))[0].port)
    expect(await port()).toBe(3311)
    expect(changes).toEqual(['3313 offline'])
  } finally {
    await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=0'")
  }
  try {
    await until('node 3 ready', () => ready(3))
    // Once its time out is over, the first node of the list is asked again, and serves.
    await until('the list back on node 3', async () => {
      const [row] = await inTransaction(list, (m) => m.query('SELECT @@port AS port'), { retries: 0 })
      return Number(row.port) === 3313
    })
    expect(changes).toEqual(['3313 offline', '3313 online'])
    // Cut off again while the list works on it: its pooled connection answers 1047 once, the
    // next try asks the node again before using it and moves on to node 1.
    await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=1'")
    await until('node 3 to leave the primary component', async () => !(await ready(3)))
    const [row] = await inTransaction(list, (m) => m.query('SELECT @@port AS port'), {
      retries: 2,
      baseDelayMs: 10,
    })
    expect(Number(row.port)).toBe(3311)
    expect(changes).toEqual(['3313 offline', '3313 online', '3313 offline'])
  } finally {
    await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=0'")
    await list.destroy()
  }
}, 400_000)
