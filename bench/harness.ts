// What every side of the bench needs: a data set opened (made the first time), the demo app with
// the peer (plain AdminJS) and the floor mounted beside it, logged-in cookies, a statement counter,
// and the URLs of the read cases for that data set.
import { spawnSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import session, { type Store } from 'express-session'
import type { DataSource } from 'typeorm'
import { createDemoApp, type DemoApp } from '../demo/app.js'
import { seedAdmins } from '../demo/seed.js'
import { Session } from '../demo/entities/Session.js'
import { databaseSessionStore } from '../demo/sessionStore.js'
import { resilientSessionStore } from '../src/index.js'
import type { LargeSizes } from '../demo/seedLarge.js'
import { openBenchDatabase } from './database.js'
import { floorRouter } from './floor.js'
import { benchCustomFields } from './customFields.js'
import type { CaseId } from './options.js'
import { peerRouter } from './peer.js'
import type { QueryCounter, Side } from './stats.js'

// Nothing in the measured cases sends an email.
const nullMailer = { describe: 'none', sendMail: async () => ({ messageId: 'none' }) }
/** The password of the demo's admins on the bench's data sets (the browser case logs in with it). */
export const BENCH_PASSWORD = 'bench-password-1'
export const BENCH_SECRET = 'bench-session-secret-bench-session-secret'

/** Sessions in memory, or (`database`) in the demo's table through the resilient store, as the demo deploys them. */
export function benchSessionStore(dataSource: DataSource, store?: 'memory' | 'database'): Store {
  return store === 'database'
    ? resilientSessionStore(databaseSessionStore(dataSource.getRepository(Session)))
    : new session.MemoryStore()
}

/** The demo app as the bench serves it: no mail, its sessions in `sessionStore`. */
export function benchDemoApp(dataSource: DataSource, sessionStore: Store): DemoApp {
  return createDemoApp({ dataSource, mailer: nullMailer, sessionSecret: BENCH_SECRET, sessionStore })
}

function queryCounter(dataSource: { logger: { logQuery: (...args: never[]) => unknown } }): QueryCounter {
  let count = 0
  const logger = dataSource.logger
  const original = logger.logQuery.bind(logger)
  logger.logQuery = (...args: never[]) => {
    count += 1
    return original(...args)
  }
  return {
    reset: () => (count = 0),
    get count() {
      return count
    },
  }
}

async function login(base: string, loginPath: string): Promise<string> {
  const res = await fetch(`${base}${loginPath}`, {
    method: 'POST',
    // A browser names the panel's origin on every POST; the router refuses any that does not.
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email: 'admin@example.com', password: BENCH_PASSWORD }),
    redirect: 'manual',
  })
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  if (res.status !== 302 || !cookie) throw new Error(`login at ${loginPath} failed: ${res.status}`)
  return cookie
}

/** One side of the import or export case, in a process of its own (its own peak RSS). */
export function child<T>(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', env })
  const line = run.stdout.trim().split('\n').pop() ?? ''
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`${script} ${args[0]} failed: ${run.stderr}`)
  return JSON.parse(line) as T
}

export interface BenchPanel {
  dataSource: DataSource
  label: string
  /** What the import and export children open: the database URL, or the SQLite file. */
  target: string
  base: string
  cookies: Record<'ours' | 'peer', string>
  counter: QueryCounter
  close: () => Promise<void>
}

/**
 * The demo app on the data set of this size, the peer at /peer and the floor at /floor, logged in.
 * Sessions in memory for both (`store: 'database'`: both in the demo's database table, through
 * the resilient store, as the demo deploys them).
 */
export async function startPanel(
  sizes: LargeSizes,
  options: { store?: 'memory' | 'database' } = {},
): Promise<BenchPanel> {
  const { dataSource, label, target } = await openBenchDatabase(sizes)
  const sessions = benchSessionStore(dataSource, options.store)
  const demo = benchDemoApp(dataSource, sessions)
  await seedAdmins(dataSource, demo.clients.passwordHasher, BENCH_PASSWORD)
  demo.app.use('/peer', peerRouter(demo.authenticate, sessions, BENCH_SECRET).router)
  demo.app.use('/floor', floorRouter(dataSource))
  const server: Server = demo.app.listen(0, '127.0.0.1')
  // On a loaded machine a kept-alive socket can sit idle past Node's 5 s while the bench's client
  // still reuses it: the server closes it under the request (ECONNRESET). A minute, as a proxy would.
  server.keepAliveTimeout = 60_000
  server.headersTimeout = 65_000
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const cookies = { ours: await login(base, '/admin/login'), peer: await login(base, '/peer/login') }
  return {
    dataSource,
    label,
    target,
    base,
    cookies,
    counter: queryCounter(dataSource as never),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export interface ReadCases {
  urls: Record<string, Record<Side, string>>
  /** The client of the client-page case. */
  clientId: number
  /** The read cases in order, with their names. */
  reads: [CaseId, string][]
}

/** The read cases' URLs for each side, on this data set (its busiest advisor, one of its clients). */
export async function readCases(dataSource: DataSource): Promise<ReadCases> {
  const [advisor] = await dataSource.query(
    `SELECT advisorId AS id FROM clients WHERE advisorId IS NOT NULL GROUP BY advisorId ORDER BY COUNT(*) DESC LIMIT 1`,
  )
  // The 5,001st active client of the data set (the middle one of a small test set).
  const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM clients`)
  const [someone] = await dataSource.query(
    `SELECT id, clientNumber, phone FROM clients WHERE status = 'active' AND clientNumber LIKE 'L%' ORDER BY id LIMIT 1 OFFSET ${Math.min(5000, Math.floor(Number(n) / 4))}`,
  )
  const [contract] = await dataSource.query(
    `SELECT reference FROM contracts WHERE clientId = ? ORDER BY id LIMIT 1`,
    [someone.id],
  )
  const list = (page: number) =>
    `/api/resources/Client/actions/list?page=${page}&perPage=20&sortBy=lastName&direction=asc`
  // Five custom columns (every client has a value of each; the custom case filters on the first).
  const custom = await benchCustomFields(dataSource)
  // The custom fields the list shows (those in use; the bench's admin sees all): the floor reads
  // their values for its page as ours does, and the page's tags.
  const shown: { id: number }[] = await dataSource.query(
    `SELECT id FROM custom_fields WHERE removedAt IS NULL ORDER BY position, id`,
  )
  const fields = `fields=${shown.map((f) => Number(f.id)).join(',')}`
  const urls: Record<string, Record<Side, string>> = {
    list: { ours: `/admin${list(1)}`, floor: `/floor/list?page=1&${fields}`, peer: `/peer${list(1)}` },
    deep: {
      ours: `/admin${list(2000)}`,
      floor: `/floor/list?page=2000&${fields}`,
      peer: `/peer${list(2000)}`,
    },
    advisor: {
      ours: `/admin${list(1)}&filters.advisorId=${advisor.id}`,
      floor: `/floor/advisor?advisorId=${advisor.id}&${fields}`,
      peer: `/peer${list(1)}&filters.advisorId=${advisor.id}`,
    },
    client: {
      ours: `/admin/api/resources/Client/records/${someone.id}/show`,
      floor: `/floor/client/${someone.id}`,
      peer: `/peer/api/resources/Client/records/${someone.id}/show`,
    },
  }
  // Plain AdminJS searches one field, `LIKE '%q%'` (a phone as stored, a domain in the email,
  // a reference in the contracts' list: what an admin without the plugin would do).
  const international = `+33 ${String(someone.phone).replace(/^0/, '')}`
  const searches: [CaseId, string, string, string][] = [
    ['search-dupo', 'search "dupo"', 'dupo', 'lastName'],
    ['search-jean-dupont', 'search "jean dupont"', 'jean dupont', 'lastName'],
    ['search-number', 'search by client number', someone.clientNumber, 'clientNumber'],
    ['search-phone', 'search by phone (+33 form of 06…)', international, 'phone'],
    ['search-domain', 'search "@acme.fr"', '@acme.fr', 'email'],
    ['search-reference', 'search by contract reference', contract.reference, 'reference'],
  ]
  for (const [id, , q, peerField] of searches) {
    const peerValue = encodeURIComponent(id === 'search-phone' ? someone.phone : q)
    urls[id] = {
      ours: `/admin${list(1)}&filters.q=${encodeURIComponent(q)}`,
      floor: `/floor/search?q=${encodeURIComponent(q)}&${fields}`,
      peer:
        peerField === 'reference'
          ? `/peer/api/resources/Contract/actions/list?page=1&perPage=20&filters.reference=${peerValue}`
          : `/peer${list(1)}&filters.${peerField}=${peerValue}`,
    }
  }
  // The list filtered on one custom field: the floor without a peer (plain AdminJS has no custom fields).
  urls.custom = {
    ours: `/admin${list(1)}&filters.customFields=${encodeURIComponent('bench_risk:eq:dynamique')}`,
    floor: `/floor/custom?${fields}&filtered=${custom[0]}&value=dynamique`,
    peer: '',
  }
  return {
    urls,
    clientId: Number(someone.id),
    reads: [
      ['list', 'list page 1'],
      ['deep', 'list page 2,000'],
      ...searches.map(([id, name]) => [id, name] as [CaseId, string]),
      ['advisor', 'filter by advisor'],
      ['custom', 'list with 5 custom columns, filtered on one'],
      ['client', 'client page (header + details)'],
    ],
  }
}

/** A GET of the panel at `base` (with the cookie of that side, none for the floor), answering its bytes. */
export const getter =
  (base: string, cookie: string | undefined, url: string) => async (): Promise<number> => {
    const res = await fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} })
    const body = await res.arrayBuffer()
    if (res.status !== 200)
      throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`)
    return body.byteLength
  }
