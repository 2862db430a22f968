import mysql from 'mysql2/promise'
import { Client } from '../../src/index.js'
import { createDemoDataSource, prepareSchema } from '../../demo/dataSource.js'
import { PANEL_ORIGIN, startInstance, type AppInstance } from '../support/instances.js'
import { logIn, type PanelSession } from '../support/panelSession.js'
import { clusterDatabase, nodeUrl, startNode, stopNode } from './nodes.js'

// One app instance given the three nodes (DATABASE_URL=mysql://…@node1,node2,node3/db), working on
// node 1, with an admin adding notes and reading the list and the client page in two loops. Node 1
// is killed (SIGKILL, a crash): the instance must carry on through another node within 10 s, every
// note it answered 2xx for must be in the database once, and the admin's cookie must still work
// (sessions live in the database, on the cluster). Node 1 is then started again (the next test
// files need three nodes) and the instance goes back to it; the same again with a clean shutdown.
const ENV = { MIGRATE: '0', JOBS_WORKER: '0', OUTBOX_WORKER: 'separate' }

interface Answer {
  kind: 'write' | 'list' | 'page'
  started: number
  ended: number
  status: number
  /** The note's body, for a write. */
  body?: string
  /** A write the admin was told succeeded. */
  acknowledged?: boolean
  /** Sent to the login page: the session was not found. */
  loggedOut: boolean
}

let database: { url: string; drop: () => Promise<void> }
let name: string
let instance: AppInstance
let clientId: number
let node1Stopped = false
/** The admin's one session for the whole file: the same cookie before, during and after each failover. */
let session: PanelSession

/** Statements as root on a node through its socket, on one connection (causal reads first). */
async function onNode<T>(node: number, sql: string, values: unknown[] = []): Promise<T> {
  const sockets: string[] = JSON.parse(process.env.GALERA_SOCKETS ?? '[]')
  const connection = await mysql.createConnection({
    socketPath: sockets[node - 1],
    user: 'root',
    password: '',
  })
  try {
    await connection.query('SET SESSION wsrep_sync_wait = 1')
    return (await connection.query(sql, values))[0] as T
  } finally {
    await connection.end()
  }
}

/** The instance's open connections on each running node (the only client of the `cluster` user here). */
async function connectionsByNode(nodes: number[]): Promise<Record<number, number>> {
  const counts: Record<number, number> = {}
  for (const node of nodes) {
    const [row] = await onNode<{ n: number }[]>(
      node,
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = 'cluster' AND DB = ?",
      [name],
    )
    counts[node] = Number(row.n)
  }
  return counts
}

beforeAll(async () => {
  database = await clusterDatabase()
  name = new URL(database.url).pathname.slice(1)
  const setup = await createDemoDataSource({ databaseUrl: nodeUrl(1, name), dataDir: '/nonexistent' })
  await setup.initialize()
  await prepareSchema(setup)
  const client = await setup.getRepository(Client).save({
    clientNumber: 'FAILOVER1',
    lastName: 'Failover',
    email: 'failover@cluster.example',
    status: 'active' as const,
  })
  clientId = client.id
  await setup.destroy()
  const first = new URL(nodeUrl(1, name))
  const hosts = [1, 2, 3].map((n) => new URL(nodeUrl(n, name)).host).join(',')
  instance = await startInstance('A (nodes 1, 2, 3)', {
    DATABASE_URL: `mysql://${first.username}:${first.password}@${hosts}/${name}`,
    ...ENV,
  })
  session = await logIn(instance)
  // A table of the test's own, written straight on node 2: how long Galera itself stalls commits.
  await onNode(
    2,
    'CREATE TABLE `' + name + '`.failover_probe (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB',
  )
  // Bounds, not waits (an instance boots in seconds, in minutes on a loaded machine); so below.
}, 400_000)

afterAll(async () => {
  await instance?.stop()
  // The next test files need the whole cluster again.
  if (node1Stopped) await startNode(1)
  await database?.drop()
}, 400_000)

/** Answers by kind and status, per second after the first one: what a failure shows. */
function summary(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {}
  const first = answers[0]?.started ?? 0
  for (const a of answers) {
    const key = `${Math.floor((a.started - first) / 5000) * 5}s ${a.kind} ${a.status}${a.loggedOut ? ' login' : ''}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

/** One request with the admin's cookie; `note` is the body of the note a write adds. */
async function call(kind: Answer['kind'], note: string): Promise<Answer> {
  const started = Date.now()
  const base = `${instance.base}/admin/api/resources/Client`
  const body = kind === 'write' ? note : undefined
  let status = 0
  let acknowledged = false
  let location = ''
  try {
    const res =
      kind === 'write'
        ? await fetch(`${base}/records/${clientId}/addNote`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/x-www-form-urlencoded',
              Origin: PANEL_ORIGIN,
              Cookie: session.cookie,
            },
            body: new URLSearchParams({ body: body as string }),
            redirect: 'manual',
            signal: AbortSignal.timeout(30_000),
          })
        : await fetch(kind === 'list' ? `${base}/actions/list` : `${base}/records/${clientId}/show`, {
            headers: { Cookie: session.cookie },
            redirect: 'manual',
            signal: AbortSignal.timeout(30_000),
          })
    status = res.status
    location = res.headers.get('location') ?? ''
    const text = await res.text()
    if (kind === 'write' && status === 200) {
      acknowledged = (JSON.parse(text) as { notice?: { type?: string } }).notice?.type === 'success'
    }
  } catch {
    status = 0 // no answer (timeout, connection refused)
  }
  const loggedOut =
    status === 401 || status === 403 || (status >= 300 && status < 400 && /login/.test(location))
  return { kind, started, ended: Date.now(), status, body, acknowledged, loggedOut }
}

/** The admin's two loops (notes written; list and client page read), until `stop()` or 8 minutes. */
function traffic(tag: string) {
  const answers: Answer[] = []
  let stopAt = Date.now() + 480_000
  let written = 0
  const loop = async (kinds: Answer['kind'][]) => {
    for (let i = 0; Date.now() < stopAt; i += 1) {
      const kind = kinds[i % kinds.length]
      answers.push(await call(kind, kind === 'write' ? `${tag} ${(written += 1)}` : ''))
      // A short breath: two cores are shared by three nodes, the instance and this test.
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const loops = Promise.all([loop(['write']), loop(['list', 'page'])])
  return {
    answers,
    async stop() {
      stopAt = 0
      await loops
    },
  }
}

const notOk = (a: Answer) => a.status !== 200 || (a.kind === 'write' && !a.acknowledged)
const describeAnswer = (a: Answer, from: number) =>
  `${a.kind} ${a.status} at +${a.started - from} ms for ${a.ended - a.started} ms`

/**
 * Node 1 stopped (`how`) under the instance while the admin writes notes and reads; every check
 * made, the figures printed.
 */
async function failover(how: 'kill' | 'shutdown', limitMs: number): Promise<void> {
  const load = traffic(how)
  const { answers } = load
  const until = async (what: string, condition: () => boolean | Promise<boolean>, ms: number) => {
    const end = Date.now() + ms
    while (!(await condition())) {
      if (Date.now() > end) {
        throw new Error(
          `timed out waiting for ${what}: answers ${JSON.stringify(summary(answers))}, instance ` +
            `${instance.child.exitCode ?? instance.child.signalCode ?? 'running'}:\n${instance.output().slice(-3000)}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  let stopping = 0
  let stoppedAt = 0
  let galeraMs = 0
  let during: Record<number, number> = {}
  const afterStop = () => answers.filter((a) => a.started >= stoppedAt)
  try {
    // Warm: the instance works, on node 1 (after a failback, idle connections to node 2 may remain).
    await until('10 notes written', () => answers.filter((a) => a.acknowledged).length >= 10, 180_000)
    expect((await connectionsByNode([1]))[1]).toBeGreaterThan(0)

    stopping = Date.now()
    await stopNode(1, how)
    node1Stopped = true
    stoppedAt = Date.now()
    // Galera's own pause: a commit straight on node 2 waits until the cluster has seen node 1 go.
    await onNode(2, 'INSERT INTO `' + name + '`.failover_probe () VALUES ()')
    galeraMs = Date.now() - stoppedAt
    // Carry on for 15 s after the stop and until 20 notes were written since (node 1 is down:
    // each of them went through node 2 or 3).
    await until(
      '20 notes written after the stop',
      () => Date.now() - stoppedAt > 15_000 && afterStop().filter((a) => a.acknowledged).length >= 20,
      180_000,
    )
    during = await connectionsByNode([2, 3])
  } finally {
    await load.stop()
  }

  // Recovered: the first note acknowledged after the stop, and the end of the last answer that was
  // not a success (the instance answers every request again from then on).
  const sent = afterStop().sort((a, b) => a.started - b.started)
  const failed = sent.filter(notOk)
  const firstWriteMs = (sent.find((a) => a.acknowledged)?.ended ?? Number.POSITIVE_INFINITY) - stoppedAt
  const settledMs = Math.max(0, ...failed.map((a) => a.ended - stoppedAt))
  const recoveredMs = Math.max(firstWriteMs, settledMs)
  const inFlight = answers.filter((a) => a.started < stoppedAt && a.ended >= stopping).length
  process.stdout.write(
    `Galera failover (node 1 ${how === 'kill' ? 'killed' : 'shut down'} in ${stoppedAt - stopping} ms): ` +
      `a commit straight on node 2 waited ${galeraMs} ms; the instance's first note through another node ` +
      `${firstWriteMs} ms after the stop, every answer a success from ${settledMs} ms on (${sent.length} requests ` +
      `after the stop, ${answers.filter((a) => a.acknowledged).length} notes acknowledged in all; not 2xx: ` +
      `${JSON.stringify(failed.map((a) => describeAnswer(a, stoppedAt)))}; ` +
      `${inFlight} in flight at the stop); the instance's connections then: ${JSON.stringify(during)}\n`,
  )
  expect(answers.filter((a) => a.loggedOut)).toEqual([])
  expect(recoveredMs).toBeLessThan(limitMs)
  expect(during[2] + during[3]).toBeGreaterThan(0)

  // No acknowledged note lost, none written twice.
  const rows = await onNode<{ body: string; n: number }[]>(
    2,
    'SELECT body, COUNT(*) AS n FROM `' +
      name +
      '`.client_notes WHERE clientId = ? AND body LIKE ? GROUP BY body',
    [clientId, `${how} %`],
  )
  const stored = new Map(rows.map((r) => [r.body, Number(r.n)]))
  const acknowledged = answers.filter((a) => a.acknowledged).map((a) => a.body as string)
  expect(acknowledged.length).toBeGreaterThanOrEqual(30)
  expect(acknowledged.filter((body) => stored.get(body) !== 1)).toEqual([])
  expect([...stored.values()].filter((n) => n > 1)).toEqual([])

  // The same cookie after the failover: the session is still there.
  const page = await call('page', '')
  expect([page.status, page.loggedOut]).toEqual([200, false])
}

/**
 * Node 1 started again while the admin works (on node 2): it rejoins without a failed request, and
 * once it is synced the instance goes back to it (the first of its list, after `restoreNodeMs`).
 */
async function failBack(tag: string): Promise<void> {
  const load = traffic(tag)
  const started = Date.now()
  let seconds = 0
  let back: Record<number, number> = {}
  try {
    seconds = await startNode(1)
    node1Stopped = false
    // The node is left out 5 s after its last refusal (restoreNodeMs), then tried again: its
    // connections looked at until the instance has some there (90 s at most).
    const end = Date.now() + 90_000
    do {
      await new Promise((resolve) => setTimeout(resolve, 250))
      back = await connectionsByNode([1])
    } while (!(back[1] > 0) && Date.now() < end)
  } finally {
    await load.stop()
  }
  const failed = load.answers.filter(notOk)
  process.stdout.write(
    `Galera failback: node 1 synced again ${seconds.toFixed(1)} s after its start, under ${load.answers.length} requests ` +
      `(not 2xx: ${JSON.stringify(failed.map((a) => describeAnswer(a, started)))}); the instance then has ` +
      `${back[1]} connection(s) on it\n`,
  )
  expect(load.answers.filter((a) => a.loggedOut)).toEqual([])
  expect(failed).toEqual([])
  expect(back[1]).toBeGreaterThan(0)
}

// Each test's bound is the sum of its conditions' bounds: a loaded machine makes it longer, not red.
test(
  'node 1 killed: the instance carries on through another node within 10 s, no acknowledged note lost, no logout',
  () => failover('kill', 10_000),
  420_000,
)

test(
  'node 1 started again: it rejoins (SST), the instance goes back to it, first in its list, without an error',
  () => failBack('back after kill'),
  420_000,
)

// A node that shuts down tells the others: no suspect timeout to wait, a few requests' time.
test(
  'node 1 shut down cleanly: the same within 3 s (Galera does not wait for it)',
  () => failover('shutdown', 3000),
  420_000,
)

test(
  'node 1 started again after a clean shutdown (IST): the instance goes back to it',
  () => failBack('back after shutdown'),
  420_000,
)
