import type { DataSource } from 'typeorm'
import { createDemoDataSource } from '../../demo/dataSource.js'
import { ConcurrentChangeError, resetTransactionStats, transactionStats } from '../../src/index.js'
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

test('with no retries left, a node out of the cluster is "try again", not a server error', async () => {
  await until('node 3 ready', () => ready(3))
  await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=1'")
  try {
    await until('node 3 to leave the primary component', async () => !(await ready(3)))
    await expect(
      inTransaction(dataSource, (manager) => manager.query('SELECT 1'), { retries: 1, baseDelayMs: 10 }),
    ).rejects.toBeInstanceOf(ConcurrentChangeError)
    expect(transactionStats()).toMatchObject({ retries: 1, conflicts: 1 })
  } finally {
    await asRoot(3, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=0'")
  }
}, 400_000)
