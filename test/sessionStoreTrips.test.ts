// Issue 30: the session store's round trips per request. express-session reads the session at the
// start of a request and, when nothing changed, touches it at the end (its response waits for the
// touch): two statements per panel request. The resilient store sends a touch only when it moves
// the expiry by a minute or more, and parallel requests of one session share one read.
import { MemoryStore, type SessionData } from 'express-session'
import type { DataSource } from 'typeorm'
import { resilientSessionStore } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'
import { sqlOf } from './support/statements.js'

/** A memory store that counts the calls reaching it; `get` answers after `delayMs`. */
function countingStore(delayMs = 5) {
  const inner = new MemoryStore()
  const calls = { get: 0, set: 0, touch: 0, destroy: 0 }
  const get = inner.get.bind(inner)
  inner.get = (sid, callback) => {
    calls.get += 1
    setTimeout(() => get(sid, callback), delayMs)
  }
  const set = inner.set.bind(inner)
  inner.set = (sid, data, callback) => {
    calls.set += 1
    set(sid, data, callback)
  }
  const touch = inner.touch.bind(inner)
  inner.touch = (sid, data, callback) => {
    calls.touch += 1
    touch(sid, data, callback)
  }
  const destroy = inner.destroy.bind(inner)
  inner.destroy = (sid, callback) => {
    calls.destroy += 1
    destroy(sid, callback)
  }
  return { inner, calls }
}

const session = (expires: number) =>
  ({ cookie: { expires: new Date(expires), originalMaxAge: 60_000 }, who: 'boss' }) as unknown as SessionData
const call = (run: (callback: (error?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve())))
const read = (store: ReturnType<typeof resilientSessionStore>, sid: string) =>
  new Promise<SessionData | null | undefined>((resolve, reject) =>
    store.get(sid, (error, data) => (error ? reject(error) : resolve(data))),
  )

describe('the resilient session store’s round trips', () => {
  test('a touch is sent only when it moves the expiry by touchEveryMs or more (or backwards)', async () => {
    const { inner, calls } = countingStore()
    const store = resilientSessionStore(inner, { touchEveryMs: 60_000 })
    const now = Date.now()
    await call((cb) => store.set('s', session(now + 3_600_000), cb))
    // A request a second later: its touch moves the expiry by a second, not sent.
    await call((cb) => store.touch('s', session(now + 3_601_000), cb))
    await call((cb) => store.touch('s', session(now + 3_659_000), cb))
    expect(calls.touch).toBe(0)
    // A minute later: sent, and the next minute counts from it.
    await call((cb) => store.touch('s', session(now + 3_660_000), cb))
    await call((cb) => store.touch('s', session(now + 3_700_000), cb))
    expect(calls.touch).toBe(1)
    // An expiry moved earlier is always written.
    await call((cb) => store.touch('s', session(now + 1_000), cb))
    expect(calls.touch).toBe(2)
    // A session this process never wrote (made on another instance) is touched once.
    await call((cb) => store.touch('other', session(now + 3_600_000), cb))
    await call((cb) => store.touch('other', session(now + 3_600_500), cb))
    expect(calls.touch).toBe(3)
    // After a destroy, the session's next touch is sent.
    await call((cb) => store.destroy('s', cb))
    await call((cb) => store.touch('s', session(now + 1_500), cb))
    expect(calls.touch).toBe(4)
    // touchEveryMs: 0 sends every touch.
    const every = countingStore()
    const plain = resilientSessionStore(every.inner, { touchEveryMs: 0 })
    await call((cb) => plain.set('s', session(now + 60_000), cb))
    for (let i = 1; i <= 3; i += 1) await call((cb) => plain.touch('s', session(now + 60_000 + i), cb))
    expect(every.calls.touch).toBe(3)
  })

  test('reads of one session in flight together share one read, each with its own copy', async () => {
    const { inner, calls } = countingStore(20)
    const store = resilientSessionStore(inner)
    await call((cb) => store.set('s', session(Date.now() + 60_000), cb))
    const all = await Promise.all(Array.from({ length: 5 }, () => read(store, 's')))
    expect(calls.get).toBe(1)
    expect(all.map((data) => (data as unknown as { who: string }).who)).toEqual(Array(5).fill('boss'))
    ;(all[0] as unknown as { who: string }).who = 'changed'
    expect((all[1] as unknown as { who: string }).who).toBe('boss')
    // One after the other: a read each.
    await read(store, 's')
    expect(calls.get).toBe(2)
  })

  test('a read asked after a destroy (or a write) of this process never joins a read started before it', async () => {
    const { inner, calls } = countingStore(20)
    const store = resilientSessionStore(inner)
    await call((cb) => store.set('s', session(Date.now() + 60_000), cb))
    const before = read(store, 's')
    await call((cb) => store.destroy('s', cb))
    const after = read(store, 's')
    expect(await after).toBeFalsy()
    await before
    expect(calls.get).toBe(2)
  })
})

/** The SQL statements on the demo's session table while `work` runs, and all statements. */
async function statementsDuring(dataSource: DataSource, work: () => Promise<unknown>) {
  const all = await sqlOf(dataSource, work)
  return { all, sessions: all.filter((query) => /demo_sessions/.test(query)) }
}

describeEachDatabase('a panel request’s session statements (the demo’s database store)', (database) => {
  test('a list request reads its session once and writes nothing; at most 8 statements in all', async () => {
    const demo = await seededDemo(database())
    const admin = await loginAs(demo.app, 'admin@example.com')
    const ds = database().dataSource
    await clientApi(admin).list('?perPage=20')
    const list = await statementsDuring(ds, () => clientApi(admin).list('?perPage=20'))
    expect(list.sessions).toHaveLength(1)
    expect(list.sessions[0]).toMatch(/^SELECT/)
    // The session's read and the list's own statements (test/clientList.test.ts: at most 7).
    expect(list.all.length).toBeLessThanOrEqual(8)
    const show = await statementsDuring(ds, () =>
      admin.get('/admin/api/resources/Client/actions/list?page=2'),
    )
    expect(show.sessions.filter((query) => /^UPDATE/.test(query))).toEqual([])
  }, 300_000)
})
