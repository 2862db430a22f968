import mysql from 'mysql2/promise'
import { In, type DataSource, type EntityManager, type QueryRunner } from 'typeorm'
import { Client, ClientEvent } from '../../src/index.js'
import { createDemoDataSource, prepareSchema } from '../../demo/dataSource.js'
import { startInstances, type AppInstance } from '../support/instances.js'
import { logIn, type PanelSession } from '../support/panelSession.js'
import { clusterDatabase, nodeUrl } from './nodes.js'

// Two app instances, two processes, two Galera nodes, one session store: an admin on each races
// bulk suspend and bulk reactivate of the same 40 clients. Galera answers the loser of each race
// with a certification failure (1213); the transaction helper runs it again, it re-reads the
// clients and finds nothing left to do, so the admin seldom sees "try again", and the history
// stays the truth: no client suspended twice in a row.
const CLIENTS = 40
const ROUNDS = 15

// The schema is made once in beforeAll; no worker, so the transaction counters are the bulk actions' alone.
const RACE_ENV = { MIGRATE: '0', JOBS_WORKER: '0', OUTBOX_WORKER: 'separate' }

let database: { url: string; drop: () => Promise<void> }
let readerSource: DataSource
let reader: EntityManager
let readerRunner: QueryRunner
let a: AppInstance
let b: AppInstance
let ids: number[]

beforeAll(async () => {
  database = await clusterDatabase()
  const name = new URL(database.url).pathname.slice(1)
  // Schema on node 1, clients written there too; the test reads everything back through node 3.
  const writer = await createDemoDataSource({ databaseUrl: nodeUrl(1, name), dataDir: '/nonexistent' })
  await writer.initialize()
  await prepareSchema(writer)
  await writer
    .createQueryBuilder()
    .insert()
    .into(Client)
    .values(
      Array.from({ length: CLIENTS }, (_, i) => ({
        clientNumber: `RACE${String(i).padStart(4, '0')}`,
        lastName: `Race${i}`,
        email: `race${i}@cluster.example`,
        status: 'active' as const,
      })),
    )
    .execute()
  await writer.destroy()
  readerSource = await createDemoDataSource({ databaseUrl: nodeUrl(3, name), dataDir: '/nonexistent' })
  await readerSource.initialize()
  // Galera applies another node's commits a moment later: causal reads (wait for what the cluster
  // has committed) on this one connection, or node 3 may not show the clients just written on node 1.
  readerRunner = readerSource.createQueryRunner()
  await readerRunner.query('SET SESSION wsrep_sync_wait = 1')
  reader = readerRunner.manager
  ids = (await reader.getRepository(Client).find({ select: { id: true }, order: { id: 'ASC' } })).map(
    (c) => c.id,
  )
  ;[a, b] = await startInstances([
    ['A (node 1)', { DATABASE_URL: nodeUrl(1, name), ...RACE_ENV }],
    ['B (node 2)', { DATABASE_URL: nodeUrl(2, name), ...RACE_ENV }],
  ])
  // A bound, not a wait: two instances boot in seconds, in minutes on a loaded machine.
}, 400_000)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await readerRunner?.release()
  if (readerSource?.isInitialized) await readerSource.destroy()
  await database?.drop()
})

test('the instances’ nodes are three members of one synced cluster, never the machine’s own MariaDB', async () => {
  for (const node of [1, 2, 3]) {
    const connection = await mysql.createConnection({ uri: nodeUrl(node, '') })
    try {
      const [[row]] = (await connection.query(
        "SELECT @@port AS port, @@wsrep_on AS wsrepOn, (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_CLUSTER_SIZE') AS size",
      )) as unknown as [{ port: number; wsrepOn: number; size: string }[]]
      expect({ port: Number(row.port), wsrepOn: Number(row.wsrepOn), size: row.size }).toEqual({
        port: 3310 + node,
        wsrepOn: 1,
        size: '3',
      })
    } finally {
      await connection.end()
    }
  }
})

test('an admin session opened on A is valid on B: sessions live in the database, no stickiness', async () => {
  const session = await logIn(a)
  const list = await session.get(b, '/admin/api/resources/Client/actions/list')
  expect(list.status).toBe(200)
  expect((await list.json()).records).toBeDefined()
})

test(`racing bulk suspend and reactivate of ${CLIENTS} clients for ${ROUNDS} rounds: history consistent, "try again" ≤ 5 %`, async () => {
  expect(ids).toHaveLength(CLIENTS)
  const onA: PanelSession = await logIn(a)
  const onB: PanelSession = await logIn(b)
  const before = { a: await a.stats(), b: await b.stats() }
  const outcomes: string[] = []
  const call = async (session: PanelSession, instance: AppInstance, action: string, round: number) => {
    const res = await session.bulk(
      instance,
      action,
      ids,
      action === 'bulkSuspend' ? { reason: `race ${round}` } : {},
    )
    if (res.status !== 200)
      throw new Error(`${action} on ${instance.name}: HTTP ${res.status} ${JSON.stringify(res.body)}`)
    outcomes.push(res.body.notice?.message ?? 'none')
  }
  const started = Date.now()
  // Each round: both admins submit the same change at once (a double submit across instances: both
  // nodes read the clients as they were, both write, Galera certifies one), then opposite changes.
  for (let round = 1; round <= ROUNDS; round += 1) {
    await Promise.all([call(onA, a, 'bulkSuspend', round), call(onB, b, 'bulkSuspend', round)])
    await Promise.all([call(onA, a, 'bulkReactivate', round), call(onB, b, 'bulkReactivate', round)])
    await Promise.all([call(onA, a, 'bulkSuspend', round), call(onB, b, 'bulkReactivate', round)])
    await Promise.all([call(onA, a, 'bulkReactivate', round), call(onB, b, 'bulkSuspend', round)])
  }
  const seconds = (Date.now() - started) / 1000
  const after = { a: await a.stats(), b: await b.stats() }
  const tryAgain = outcomes.filter((m) => m === 'concurrentChange').length
  const retries = {
    a: after.a.retries - before.a.retries,
    b: after.b.retries - before.b.retries,
  }
  const answered = { a: after.a.conflicts - before.a.conflicts, b: after.b.conflicts - before.b.conflicts }

  // Per client: suspended and reactivated alternate, starting from active, and the last one is the status.
  const events = await reader.getRepository(ClientEvent).find({
    select: { id: true, clientId: true, type: true },
    where: { clientId: In(ids), type: In(['suspended', 'reactivated']) },
    order: { id: 'ASC' },
  })
  const clients = await reader
    .getRepository(Client)
    .find({ select: { id: true, status: true }, where: { id: In(ids) } })
  const contradictions: string[] = []
  for (const client of clients) {
    const types = events.filter((e) => e.clientId === client.id).map((e) => e.type)
    types.forEach((type, i) => {
      if (type !== (i % 2 === 0 ? 'suspended' : 'reactivated'))
        contradictions.push(`client ${client.id}: ${types.join(',')}`)
    })
    const expected = types.at(-1) === 'suspended' ? 'suspended' : 'active'
    if (client.status !== expected)
      contradictions.push(`client ${client.id}: ${client.status} after ${types.at(-1)}`)
  }
  const kinds = outcomes.reduce<Record<string, number>>((all, m) => ({ ...all, [m]: (all[m] ?? 0) + 1 }), {})
  process.stdout.write(
    `Galera race: ${outcomes.length} bulk calls of ${CLIENTS} clients in ${seconds.toFixed(1)} s on 2 instances / 2 nodes; ` +
      `"try again" ${tryAgain} (${((100 * tryAgain) / outcomes.length).toFixed(1)} %); ` +
      `retries by the transaction helper A=${retries.a} B=${retries.b}; conflicts answered A=${answered.a} B=${answered.b}; ` +
      `answers ${JSON.stringify(kinds)}; ${events.length} history rows; ${contradictions.length} contradictions\n`,
  )
  expect(outcomes).toHaveLength(ROUNDS * 8)
  expect(contradictions).toEqual([])
  expect(tryAgain).toBe(answered.a + answered.b)
  expect(tryAgain / outcomes.length).toBeLessThanOrEqual(0.05)
  // Every call either changed clients or was refused as a whole: nothing in between reaches the admin.
  expect(
    Object.keys(kinds).filter(
      (m) => !['bulkChanged', 'bulkChangedSomeSkipped', 'bulkNothingChanged', 'concurrentChange'].includes(m),
    ),
  ).toEqual([])
}, 400_000)
