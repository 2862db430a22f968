import type { Agent } from 'supertest'
import { In } from 'typeorm'
import { Commission } from '../src/index.js'
import { createDemoDataSource } from '../demo/dataSource.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'

describeEachDatabase('bulk mark paid: refusals answer like the other bulk actions', (database, kind) => {
  let admin: Agent
  const ds = () => database().dataSource
  const pendingIds = async (take: number) =>
    (
      await ds()
        .getRepository(Commission)
        .find({ where: { status: 'pending' }, order: { id: 'ASC' }, take })
    ).map((m) => m.id)
  const markPaid = (ids: number[]) =>
    admin.post(`/admin/api/resources/Commission/bulk/bulkMarkPaid?recordIds=${ids.join(',')}`)

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  test('a payload no form sends (an array for a field) is a 400 with field errors; nothing is paid', async () => {
    const ids = await pendingIds(3)
    const res = await markPaid(ids).send({ note: ['a', 'b'] })
    expect(res.status).toBe(400)
    expect(res.body.record.errors.note.message).toBe('invalidValue')
    const after = await ds()
      .getRepository(Commission)
      .findBy({ id: In(ids) })
    expect(after.map((m) => m.status)).toEqual(ids.map(() => 'pending'))
  })

  test('control characters in a text are field errors, not a success; nothing is paid', async () => {
    const ids = await pendingIds(3)
    const res = await markPaid(ids).type('form').send({ note: 'a\u0007b' })
    expect(res.status).toBeLessThan(500)
    expect(res.body.record.errors.note.message).toBe('invalidCharacters')
    expect(res.body.notice).toMatchObject({ type: 'error' })
    const after = await ds()
      .getRepository(Commission)
      .findBy({ id: In(ids) })
    expect(after.map((m) => m.status)).toEqual(ids.map(() => 'pending'))
  })

  // SQLite only: a held write lock makes the update fail within seconds (5 s busy timeout);
  // MariaDB's lock wait is 50 s by default, and shortening it is a server-wide setting.
  if (kind === 'sqlite')
    test('another server holding the database: a concurrentChange notice, not a 500; nothing is paid', async () => {
      const ids = await pendingIds(3)
      const other = await createDemoDataSource({ databaseUrl: database().url, dataDir: database().dataDir })
      await other.initialize()
      const runner = other.createQueryRunner()
      try {
        await runner.startTransaction()
        await runner.query("UPDATE commissions SET status = status WHERE status = 'pending'")
        const res = await markPaid(ids).type('form').send({})
        expect(res.status).toBe(200)
        expect(res.body.notice).toMatchObject({ type: 'error', message: 'concurrentChange' })
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction()
        await runner.release()
        await other.destroy()
      }
      const after = await ds()
        .getRepository(Commission)
        .findBy({ id: In(ids) })
      expect(after.map((m) => m.status)).toEqual(ids.map(() => 'pending'))
    }, 30_000)
})
