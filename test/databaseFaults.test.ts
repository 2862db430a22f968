import express from 'express'
import session, { MemoryStore, Store, type SessionData } from 'express-session'
import request from 'supertest'
import type { DataSource } from 'typeorm'
import {
  DatabaseUnavailableError,
  healthRoutes,
  isConnectionLost,
  resetTransactionStats,
  resilientSessionStore,
  transactionStats,
} from '../src/index.js'
import { errorHandler } from '../src/http/errorHandler.js'
import { retryLostReads } from '../src/http/retryLostReads.js'
import { isDatabaseUnavailable } from '../src/services/core/databaseFaults.js'
import { inTransaction } from '../src/services/core/transaction.js'
import { createDemoApp } from '../demo/app.js'
import { seedAdmins } from '../demo/seed.js'
import { createTestDatabase, type TestDatabase } from './support/databases.js'
import { DEMO_PASSWORD, TEST_ORIGIN, nullMailer } from './support/demoAgent.js'

// Issue 25, findings 1 and 2, and the pool/transaction part: what the database going away does to
// one request, one session, one transaction, without a database server (the fault test with
// real processes and KILL is test/databaseOutage.test.ts).

const lost = () =>
  Object.assign(new Error('Connection lost: The server closed the connection.'), {
    code: 'PROTOCOL_CONNECTION_LOST',
  })
const killed = () =>
  Object.assign(new Error('Query failed'), {
    driverError: Object.assign(new Error('Connection was killed'), {
      code: 'ER_CONNECTION_KILLED',
      errno: 1927,
    }),
  })

/**
 * A store as connect-typeorm is: a memory store that fails while `down` and then emits
 * `disconnect`, after which express-session stops using it for good.
 */
class FlakyStore extends MemoryStore {
  down = false
  private fail(callback: ((error: unknown) => void) | undefined, go: () => void) {
    if (!this.down) return go()
    callback?.(lost())
    this.emit('disconnect')
  }
  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void) {
    this.fail(callback, () => super.get(sid, callback))
  }
  override set(sid: string, data: SessionData, callback?: (err?: unknown) => void) {
    this.fail(callback, () => super.set(sid, data, callback))
  }
  override touch(sid: string, data: SessionData, callback?: () => void) {
    this.fail(callback, () => super.touch(sid, data, callback))
  }
}

/** A tiny app on a store: POST /in opens a session, GET /me reads it. */
function sessionApp(store: Store) {
  const app = express()
  app.use(session({ secret: 'a-secret-a-secret-a-secret', store, resave: false, saveUninitialized: false }))
  app.post('/in', (req, res) => {
    ;(req.session as unknown as { who: string }).who = 'ada'
    res.sendStatus(204)
  })
  app.get('/me', (req, res) => {
    const who = (req.session as unknown as { who?: string } | undefined)?.who
    res.status(who ? 200 : 401).send(who ?? 'logged out')
  })
  app.use(errorHandler({ error: () => undefined }))
  return app
}

describe('the session store during an outage', () => {
  test('control: the bare store is given up on after one failure (everyone logged out)', async () => {
    const store = new FlakyStore()
    const agent = request.agent(sessionApp(store))
    await agent.post('/in').expect(204)
    store.down = true
    await agent.get('/me')
    store.down = false
    expect((await agent.get('/me')).status).toBe(401)
  })

  test('wrapped: a 503 "try again" while it fails, the same session as soon as it answers', async () => {
    const store = new FlakyStore()
    const agent = request.agent(sessionApp(resilientSessionStore(store, { retryDelayMs: 1 })))
    await agent.post('/in').expect(204)
    store.down = true
    const during = await agent.get('/me').set('Accept', 'application/json')
    expect(during.status).toBe(503)
    expect(during.headers['retry-after']).toBe('5')
    expect(during.body).toEqual({ notice: { message: 'databaseUnavailable', type: 'error' } })
    const page = await agent.get('/me').set('Accept', 'text/html')
    expect(page.status).toBe(503)
    expect(page.text).toContain('http-equiv="refresh"')
    store.down = false
    const after = await agent.get('/me')
    expect([after.status, after.text]).toEqual([200, 'ada'])
  })

  test('a lost connection is tried again on a new one; other errors are passed on as they are', async () => {
    let calls = 0
    const inner = new MemoryStore()
    inner.get = (sid, callback) => {
      calls += 1
      if (calls === 1) return callback(killed())
      callback(null, { cookie: {} as SessionData['cookie'] })
    }
    const store = resilientSessionStore(inner, { retryDelayMs: 1 })
    const got = await new Promise((resolve, reject) =>
      store.get('sid', (error, data) => (error ? reject(error) : resolve(data))),
    )
    expect([calls, got]).toEqual([2, { cookie: {} }])

    const wrong = new Error('malformed session')
    inner.get = (_sid, callback) => callback(wrong)
    await expect(
      new Promise((resolve, reject) =>
        store.get('sid', (error, data) => (error ? reject(error) : resolve(data))),
      ),
    ).rejects.toBe(wrong)
  })

  test('each call is answered once, and in time', async () => {
    const inner = new MemoryStore()
    inner.touch = (_sid, _data, callback) => {
      callback?.()
      callback?.()
    }
    inner.set = () => undefined // never answers
    const store = resilientSessionStore(inner, { timeoutMs: 50 })
    let touched = 0
    store.touch('sid', {} as SessionData, () => (touched += 1))
    const set = await new Promise((resolve) => store.set('sid', {} as SessionData, resolve))
    expect(touched).toBe(1)
    expect(set).toBeInstanceOf(DatabaseUnavailableError)
  })
})

describe('the transaction helper when the connection is lost', () => {
  /** A MariaDB-like DataSource whose transaction fails as told, before or after the work. */
  const dataSource = (failures: ('work' | 'commit' | null)[]) => {
    let attempt = 0
    return {
      options: { type: 'mariadb' },
      async transaction<T>(work: (manager: unknown) => Promise<T>) {
        const failure = failures[attempt++] ?? null
        if (failure === 'work') throw killed()
        const result = await work({})
        if (failure === 'commit') throw lost()
        return result
      },
    } as unknown as DataSource
  }

  beforeEach(() => resetTransactionStats())

  test('lost before the commit: run again on a new connection', async () => {
    let runs = 0
    const result = await inTransaction(dataSource(['work', 'work']), async () => (runs += 1))
    expect(result).toBe(1)
    expect(transactionStats().byCause.connectionLost).toBe(2)
  })

  test('lost while committing: never run again, answered "try again" (503)', async () => {
    let runs = 0
    const error = await inTransaction(dataSource(['commit']), async () => (runs += 1)).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DatabaseUnavailableError)
    expect(runs).toBe(1)
  })

  test('the database away for longer than the budget: "try again" (503)', async () => {
    const error = await inTransaction(dataSource(Array(10).fill('work')), async () => 1, {
      baseDelayMs: 1,
      retries: 3,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseUnavailableError)
    expect(transactionStats().byCause.connectionLost).toBe(4)
  })

  test('the error handler answers it 503 with a notice, never a 500', async () => {
    const app = express()
    app.get('/api/x', () => {
      throw new DatabaseUnavailableError()
    })
    app.get('/api/y', () => {
      throw killed()
    })
    app.use(errorHandler({ error: () => undefined }))
    for (const path of ['/api/x', '/api/y']) {
      const res = await request(app).get(path)
      expect([res.status, res.body.notice?.message]).toEqual([503, 'databaseUnavailable'])
    }
    expect(isConnectionLost(new Error('duplicate key'))).toBe(false)
  })
})

test('a GET whose connection was lost runs again (twice at most); a POST never does', async () => {
  const runs = { get: 0, post: 0, always: 0 }
  const router = express.Router()
  router.get('/api/once', (_req, res) => {
    runs.get += 1
    if (runs.get === 1) throw killed()
    res.json({ ok: true })
  })
  router.get('/api/always', () => {
    runs.always += 1
    throw lost()
  })
  router.post('/api/once', () => {
    runs.post += 1
    throw killed()
  })
  router.use(retryLostReads(router))
  router.use(errorHandler({ error: () => undefined }))
  const app = express().use(router)
  expect((await request(app).get('/api/once')).status).toBe(200)
  expect((await request(app).get('/api/always')).status).toBe(503)
  expect((await request(app).post('/api/once')).status).toBe(503)
  expect(runs).toEqual({ get: 2, always: 3, post: 1 })
})

test('a lost connection is told from other errors, a Galera node list with no node online included', () => {
  expect(isDatabaseUnavailable(lost())).toBe(true)
  expect(isDatabaseUnavailable(killed())).toBe(true)
  // galeraDataSourceOptions' pool while every node of the list is left out.
  const noneOnline = Object.assign(new Error('every database node is left out for now'), {
    code: 'POOL_NONEONLINE',
  })
  expect(isDatabaseUnavailable(noneOnline)).toBe(true)
  // A Galera node that is not serving yet (joining, cut off): "try again", not a 500.
  const wsrep = {
    code: 'ER_UNKNOWN_COM_ERROR',
    errno: 1047,
    message: 'WSREP has not yet prepared node for application use',
  }
  expect(isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: wsrep }))).toBe(true)
  // 1047 without wsrep's words is MySQL's "unknown command": a defect, not a state to wait out.
  expect(isDatabaseUnavailable(Object.assign(new Error('Unknown command'), { errno: 1047 }))).toBe(false)
  expect(isDatabaseUnavailable(Object.assign(new Error('Duplicate'), { code: 'ER_DUP_ENTRY' }))).toBe(false)
})

describe('the health routes', () => {
  /** A DataSource as far as the health routes read it. */
  type Probed = Record<string, unknown>
  const app = (dataSource: Probed, checks = {}) =>
    express().use(
      healthRoutes({
        dataSource: dataSource as unknown as DataSource,
        timeoutMs: 100,
        checks,
        logger: { error: () => undefined },
      }),
    )
  const answering = { query: async () => [{ 1: 1 }], migrations: [], showMigrations: async () => false }

  test('live answers while the process does; ready when the database answers and nothing is pending', async () => {
    const ok = app(answering)
    expect((await request(ok).get('/health/live')).status).toBe(200)
    const ready = await request(ok).get('/health/ready')
    expect([ready.status, ready.body]).toEqual([
      200,
      { status: 'ready', checks: { database: 'ok', migrations: 'ok' } },
    ])
  })

  test('not ready: the database away, too slow, a migration pending, or a check of the host failing', async () => {
    const cases: [Probed, Record<string, () => unknown>, string][] = [
      [{ ...answering, query: async () => Promise.reject(lost()) }, {}, 'database'],
      [{ ...answering, query: () => new Promise(() => undefined) }, {}, 'database'],
      [{ ...answering, migrations: [{} as never], showMigrations: async () => true }, {}, 'migrations'],
      [answering, { bundle: () => Promise.reject(new Error('not built')) }, 'bundle'],
    ]
    for (const [dataSource, checks, failed] of cases) {
      const res = await request(app(dataSource, checks)).get('/health/ready')
      expect([res.status, res.body.status, res.body.checks[failed]]).toEqual([503, 'unavailable', 'failed'])
    }
  })
})

describe('a panel login while the session store cannot answer', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
  })
  afterAll(() => db?.dispose())

  const demoOn = async (sessionStore: Store) => {
    const demo = createDemoApp({
      dataSource: db.dataSource,
      mailer: nullMailer,
      sessionSecret: 'test-session-secret-test-session-secret',
      origins: [TEST_ORIGIN],
      sessionStore,
    })
    await seedAdmins(db.dataSource, demo.clients.passwordHasher, DEMO_PASSWORD)
    return demo.app
  }
  const logIn = (app: express.Express) =>
    request(app)
      .post('/admin/login')
      .set('Origin', TEST_ORIGIN)
      .type('form')
      .send({ email: 'admin@example.com', password: DEMO_PASSWORD })

  test('a store express-session gave up on (no req.session): the login page says try again, nothing crashes', async () => {
    const store = new FlakyStore()
    const app = await demoOn(store)
    store.down = true
    await request(app).get('/admin/login').set('Cookie', 'adminjs_clients_demo=s%3Aabc.def')
    store.emit('disconnect')
    store.down = false
    // Before: @adminjs/express wrote into the missing session, unhandled: the process ended.
    const res = await logIn(app)
    expect(res.status).toBe(400)
    expect(res.text).toContain('databaseUnavailable')
  })

  test('the resilient store down: the login page says try again (503); back up: the login works', async () => {
    const store = new FlakyStore()
    const app = await demoOn(resilientSessionStore(store, { retryDelayMs: 1 }))
    store.down = true
    const during = await logIn(app)
    expect([during.status, during.text.includes('databaseUnavailable')]).toEqual([503, true])
    store.down = false
    const after = await logIn(app)
    expect([after.status, after.headers.location]).toEqual([302, '/admin'])
  })
})
