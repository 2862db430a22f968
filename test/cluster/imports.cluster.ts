import type { DataSource } from 'typeorm'
import { createDemoDataSource, prepareSchema } from '../../demo/dataSource.js'
import { Advisor, Commission, type DryRunReport } from '../../src/index.js'
import { commissionCsv } from '../support/commissionCsv.js'
import { batchCounts, dryCounts } from '../support/importCounts.js'
import { expectResumedWhole, killFiguresLine, runImportKillScenario } from '../support/importKillScenario.js'
import { PANEL_ORIGIN, startInstances, type AppInstance } from '../support/instances.js'
import { logIn, type PanelSession } from '../support/panelSession.js'
import { asRoot, clusterDatabase, nodeUrl } from './nodes.js'

// Issue 14's import tests on the 3-node Galera cluster, with two app instances (child processes)
// on two different nodes: every step of an import may run on either instance (the upload lives
// in the database), and a job whose instance is killed is finished by the other one.
//
// A load balancer sends an admin's next request to any node, so each node answers reads with
// what the cluster has committed (wsrep_sync_wait = 1, causal reads), as a host running the panel
// without stickiness sets it: otherwise the dry run on B may not see yet the upload made on A
// (without it, B did not find the upload in 1 of 5 runs here).

const ACTION = '/admin/api/resources/Commission/actions/importCommissions'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let database: { url: string; drop: () => Promise<void> }
let name: string
let watcher: DataSource
const syncWaitBefore: string[] = []

beforeAll(async () => {
  for (const node of [1, 2, 3]) {
    const [row] = await asRoot<{ value: string }[]>(node, 'SELECT @@GLOBAL.wsrep_sync_wait AS value')
    syncWaitBefore.push(String(row.value))
    await asRoot(node, 'SET GLOBAL wsrep_sync_wait = 1')
  }
  database = await clusterDatabase()
  name = new URL(database.url).pathname.slice(1)
  const writer = await createDemoDataSource({ databaseUrl: nodeUrl(1, name), dataDir: '/nonexistent' })
  await writer.initialize()
  await prepareSchema(writer)
  await writer.getRepository(Advisor).save({ code: 'GALERA', lastName: 'Galera' })
  await writer.destroy()
  // The test reads (and queues the kill test's job) through node 3, where no instance runs.
  watcher = await createDemoDataSource({ databaseUrl: nodeUrl(3, name), dataDir: '/nonexistent' })
  await watcher.initialize()
}, 400_000)

afterAll(async () => {
  if (watcher?.isInitialized) await watcher.destroy()
  await database?.drop()
  for (const [i, value] of syncWaitBefore.entries())
    await asRoot(i + 1, `SET GLOBAL wsrep_sync_wait = ${Number(value)}`)
})

describe('two instances on two nodes', () => {
  let a: AppInstance
  let b: AppInstance
  let session: PanelSession

  beforeAll(async () => {
    const env = { MIGRATE: '0', JOBS_POLL_MS: '200', JOBS_LEASE_MS: '5000', JOBS_HEARTBEAT_MS: '1000' }
    ;[a, b] = await startInstances([
      ['A (node 1)', { DATABASE_URL: nodeUrl(1, name), ...env }],
      ['B (node 2)', { DATABASE_URL: nodeUrl(2, name), ...env }],
    ])
    // Logged in on A; the same cookie serves on B (sessions live in the database).
    session = await logIn(a)
    // A bound, not a wait: two instances boot in seconds, in minutes on a loaded machine.
  }, 400_000)
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
  })

  /** The action's answer's `key` (importUpload, importDryRun, importBatch), or an error that shows the answer. */
  async function call(instance: AppInstance, key: string, body?: FormData | URLSearchParams, query = '') {
    const res = await fetch(`${instance.base}${ACTION}${query}`, {
      method: body ? 'POST' : 'GET',
      headers: { Cookie: session.cookie, ...(body ? { Origin: PANEL_ORIGIN } : {}) },
      body,
      redirect: 'manual',
    })
    const text = await res.text()
    const answer = res.status === 200 ? JSON.parse(text)[key] : undefined
    if (!answer)
      throw new Error(`${instance.name} answered ${res.status} without ${key}: ${text.slice(0, 300)}`)
    return answer
  }

  test('upload on A, dry run on B, import started on A, progress read on B; counts equal the dry run', async () => {
    const rows = 5000
    const form = new FormData()
    form.set('step', 'upload')
    form.set('file', new Blob([commissionCsv(rows, 'GALERA', 'GAL')], { type: 'text/csv' }), 'galera.csv')
    const upload = await call(a, 'importUpload', form)
    expect(upload.layout.headers).toHaveLength(10)
    const mapping = JSON.stringify(upload.proposed)
    const uploadId = String(upload.uploadId)

    const dry: DryRunReport['counts'] = (
      await call(b, 'importDryRun', new URLSearchParams({ step: 'dryRun', uploadId, mapping }))
    ).counts
    expect(dry).toMatchObject({ rows, failed: 51 })

    const started = await call(
      a,
      'importBatch',
      new URLSearchParams({ step: 'import', uploadId, mapping, fileName: 'galera.csv' }),
    )
    expect(started.status).toBe('queued')

    // Progress as B reads it, until the job (run by whichever worker claimed it) is done: a
    // deadline, not a count of polls (each poll is a request, slower on a loaded machine).
    const seen: number[] = []
    let batch = started
    const began = Date.now()
    while (batch.status === 'queued' || batch.status === 'running') {
      if (Date.now() - began > 300_000) throw new Error(`the import is ${batch.status} after 300 s`)
      await sleep(100)
      batch = await call(b, 'importBatch', undefined, `?batchId=${started.id}`)
      if (seen.at(-1) !== batch.rowsRead) seen.push(Number(batch.rowsRead))
    }
    const commissions = await watcher.getRepository(Commission).countBy({ importBatchId: Number(started.id) })
    process.stdout.write(
      `Cluster import over HTTP: ${rows} rows uploaded on A (node 1), dry run on B (node 2), done in ` +
        `${((Date.now() - began) / 1000).toFixed(1)} s; B read the progress at ${seen.join(', ')} rows; ` +
        `${commissions} commissions (dry run: ${dry.imported})\n`,
    )
    expect(batch.status).toBe('done')
    // Progress only grows, and B saw it before the end.
    expect(seen).toEqual([...seen].sort((x, y) => x - y))
    expect(seen.length).toBeGreaterThan(1)
    expect(batchCounts(batch)).toEqual(dryCounts(dry))
    expect(commissions).toBe(dry.imported)
  }, 400_000)
})

test('kill -9 of the instance running a 20,000-row import at half: the instance on the other node finishes it', async () => {
  const figures = await runImportKillScenario({
    dataSource: watcher,
    instances: [{ DATABASE_URL: nodeUrl(1, name) }, { DATABASE_URL: nodeUrl(2, name) }],
    rows: 20_000,
    leaseMs: 3000,
    timeoutMs: 200_000,
  })
  process.stdout.write(killFiguresLine('Galera, instances on nodes 1 and 2', figures, 20_000, 3000))
  expectResumedWhole(figures, 20_000)
  // The instances' boot (up to 300 s each, side by side) and then the scenario's own 200 s bound.
}, 540_000)
