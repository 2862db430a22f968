// The mount's default session store (issue 26): express-session's sessions in the plugin's table,
// an expired one never read back and cleared a few at a time, a destroyed one gone once it answers.
import session from 'express-session'
import type { SessionData } from 'express-session'
import { DataSource } from 'typeorm'
import { AdminSession, clientManagementEntities, databaseSessionStore } from '../src/index.js'

const dataSource = new DataSource({
  type: 'better-sqlite3',
  database: ':memory:',
  entities: clientManagementEntities,
  synchronize: true,
})
beforeAll(() => dataSource.initialize())
afterAll(() => dataSource.destroy())

const store = () => databaseSessionStore(session.Store, dataSource, { cleanupLimit: 2 })
const call = <T>(run: (callback: (error?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) =>
    run((error, value) => (error ? reject(error) : resolve(value))),
  )
const data = (expires: number, who = 'boss@host.test') =>
  ({
    cookie: { expires: new Date(expires), originalMaxAge: null },
    adminUser: { email: who },
  }) as unknown as SessionData

test('a session is read back until it expires; touch extends it; destroy removes it', async () => {
  const s = store()
  await call((cb) => s.set('a', data(Date.now() + 60_000), cb))
  expect(await call<SessionData | null>((cb) => s.get('a', cb))).toMatchObject({
    adminUser: { email: 'boss@host.test' },
  })
  await call((cb) => s.touch!('a', data(Date.now() - 1), cb))
  expect(await call<SessionData | null>((cb) => s.get('a', cb))).toBeNull()
  await call((cb) => s.touch!('a', data(Date.now() + 60_000), cb))
  expect(await call<SessionData | null>((cb) => s.get('a', cb))).not.toBeNull()
  await call((cb) => s.destroy('a', cb))
  expect(await dataSource.getRepository(AdminSession).countBy({ id: 'a' })).toBe(0)
  expect(await call<SessionData | null>((cb) => s.get('a', cb))).toBeNull()
})

test('each write clears at most two expired sessions', async () => {
  const s = store()
  for (const id of ['x1', 'x2', 'x3']) await call((cb) => s.set(id, data(Date.now() - 1000), cb))
  await call((cb) => s.set('fresh', data(Date.now() + 60_000), cb))
  const left = (await dataSource.getRepository(AdminSession).find()).map((r) => r.id).sort()
  expect(left).toContain('fresh')
  expect(left.filter((id) => id.startsWith('x')).length).toBeLessThanOrEqual(1)
})
