import { jest } from '@jest/globals'
import request from 'supertest'
import { Advisor, Client, ClientEvent } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import {
  DEMO_PASSWORD,
  TEST_ORIGIN,
  loginAs,
  nullMailer,
  seededDemo,
  type SeededDemo,
} from './support/demoAgent.js'

describeEachDatabase('demo panel over HTTP', (database) => {
  let demo: SeededDemo
  beforeAll(async () => {
    demo = await seededDemo(database())
  })

  test('the panel asks for a login and refuses a wrong password', async () => {
    const page = await request(demo.app).get('/admin/login')
    expect(page.status).toBe(200)
    expect(page.text).toContain('"action":"/admin/login"')
    expect((await request(demo.app).get('/admin/api/resources/Client/actions/list')).status).toBe(302)
    const wrong = await request(demo.app)
      .post('/admin/login')
      .set('Origin', TEST_ORIGIN)
      .type('form')
      .send({ email: 'admin@example.com', password: 'nope' })
    expect(wrong.status).toBe(200)
    expect(wrong.text).toContain('invalidCredentials')
  })

  test('each of the seven resources lists its seeded rows', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    // Soft-deleted clients are left out of the default list.
    const deleted = await database().dataSource.getRepository(Client).countBy({ status: 'deleted' })
    const expected: Record<string, number> = {
      Client: demo.counts.clients - deleted,
      Advisor: demo.counts.advisors,
      Contract: demo.counts.contracts,
      Commission: demo.counts.commissions,
      ClientEvent: demo.counts.events,
      EmailLog: demo.counts.emails,
      ClientNote: demo.counts.notes,
    }
    expect(demo.counts).toMatchObject({ advisors: 5, clients: 200, commissions: 2000 })
    expect(demo.counts.contracts).toBeGreaterThan(400)
    for (const [resource, total] of Object.entries(expected)) {
      const res = await agent.get(`/admin/api/resources/${resource}/actions/list`)
      expect([resource, res.status, res.body.meta.total]).toEqual([resource, 200, total])
      expect(res.body.records.length).toBeGreaterThan(0)
    }
  })

  test('the seeded clients cover every status', async () => {
    const rows: { status: string }[] = await database()
      .dataSource.getRepository(Client)
      .createQueryBuilder('c')
      .select('c.status', 'status')
      .groupBy('c.status')
      .getRawMany()
    expect(rows.map((r) => r.status).sort()).toEqual(['active', 'banned', 'deleted', 'pending', 'suspended'])
  })

  // A forbidden action answers 403 with AdminJS's error notice; nothing changes.
  const expectForbidden = (res: request.Response) => {
    expect(res.status).toBe(403)
    expect(res.body.notice).toMatchObject({ type: 'error', message: expect.stringMatching(/forbidden/i) })
  }

  test('support reads but cannot edit: the action is hidden and refused through the API', async () => {
    const agent = await loginAs(demo.app, 'support@example.com')
    const list = await agent.get('/admin/api/resources/Client/actions/list')
    expect(list.status).toBe(200)
    const record = list.body.records[0]
    // Support contacts clients; it changes nothing else.
    // The list is lean: each row names its actions (actions/core/leanRecords.ts).
    expect(record.actionNames).not.toContain('edit')
    expect(record.actionNames).toContain('show')
    const edit = await agent
      .post(`/admin/api/resources/Client/records/${record.id}/edit`)
      .send({ lastName: 'Hacked' })
    expectForbidden(edit)
    const after = await database()
      .dataSource.getRepository(Client)
      .findOneByOrFail({ id: Number(record.id) })
    expect(after.lastName).not.toBe('Hacked')
    expectForbidden(
      await agent.post('/admin/api/resources/Advisor/actions/new').send({ code: 'X', lastName: 'Y' }),
    )
    expect(await database().dataSource.getRepository(Advisor).countBy({ code: 'X' })).toBe(0)
  })

  test('history cannot be written or removed by hand, not even by an admin', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const list = await agent.get('/admin/api/resources/ClientEvent/actions/list')
    expect(list.body.records[0].recordActions.map((a: { name: string }) => a.name)).toEqual(['show'])
    const id = list.body.records[0].id
    expectForbidden(await agent.post(`/admin/api/resources/ClientEvent/records/${id}/delete`))
    expect(
      await database()
        .dataSource.getRepository(ClientEvent)
        .countBy({ id: Number(id) }),
    ).toBe(1)
    expectForbidden(await agent.post('/admin/api/resources/ClientNote/actions/new').send({ body: 'x' }))
    expect(await database().dataSource.getRepository(ClientEvent).count()).toBe(demo.counts.events)
    // A client's delete is a soft delete: the row stays, the history says so.
    const client = await database().dataSource.getRepository(Client).findOneByOrFail({ status: 'active' })
    const removed = await agent.post(`/admin/api/resources/Client/records/${client.id}/delete`)
    expect(removed.body.notice).toMatchObject({ type: 'success', message: 'clientDeleted' })
    expect(
      (await database().dataSource.getRepository(Client).findOneByOrFail({ id: client.id })).status,
    ).toBe('deleted')
    expect(await database().dataSource.getRepository(ClientEvent).count()).toBe(demo.counts.events + 1)
  })

  test('creating a client: field errors for bad input, nothing written', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const before = await database().dataSource.getRepository(Client).count()
    const taken = (await database().dataSource.getRepository(Client).findOneByOrFail({ status: 'active' }))
      .email
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ lastName: '', email: 'new@example.fr' }, { lastName: 'fieldRequired' }],
      [{ lastName: 'Durand', email: 'not-an-email' }, { email: 'invalidEmail' }],
      [{ lastName: 'Durand', email: (taken as string).toUpperCase() }, { email: 'alreadyTaken' }],
      [{ lastName: 'x'.repeat(101) }, { lastName: 'tooLong' }],
    ]
    for (const [payload, errors] of cases) {
      const res = await agent.post('/admin/api/resources/Client/actions/new').send(payload)
      expect(res.status).toBe(200)
      const got = Object.fromEntries(
        Object.entries(res.body.record.errors as Record<string, { message: string }>).map(([k, v]) => [
          k,
          v.message,
        ]),
      )
      expect(got).toEqual(errors)
      expect(res.body.notice.type).toBe('error')
    }
    expect(await database().dataSource.getRepository(Client).count()).toBe(before)
  })

  test('creating a client: email lower-cased, empty fields stored as NULL, client number generated', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const res = await agent.post('/admin/api/resources/Client/actions/new').send({
      lastName: ' Durand ',
      firstName: 'Élise',
      email: ' Elise.Durand@Example.FR ',
      phone: '',
      postalCode: '',
    })
    expect(res.status).toBe(200)
    expect(res.body.notice.type).toBe('success')
    const saved = await database()
      .dataSource.getRepository(Client)
      .findOneByOrFail({ email: 'elise.durand@example.fr' })
    expect(saved).toMatchObject({
      lastName: 'Durand',
      firstName: 'Élise',
      phone: null,
      postalCode: null,
      status: 'pending',
    })
    expect(saved.clientNumber).toMatch(/^C\w{8}$/)
  })

  test('editing keeps the status and balance out of reach of the form', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const client = await database().dataSource.getRepository(Client).findOneByOrFail({ status: 'banned' })
    const res = await agent
      .post(`/admin/api/resources/Client/records/${client.id}/edit`)
      .send({ city: 'Lyon', status: 'active', balance: '99999' })
    expect(res.status).toBe(200)
    const after = await database().dataSource.getRepository(Client).findOneByOrFail({ id: client.id })
    expect(after).toMatchObject({ city: 'Lyon', status: 'banned', balance: client.balance })
  })

  test('a malformed JSON body is a 400, not logged as a failed request', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const logged: unknown[][] = []
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args)
    })
    try {
      const res = await agent
        .post('/admin/api/resources/Client/records/1/suspend')
        .set('Content-Type', 'application/json')
        .send('{"reason":')
      expect(res.status).toBe(400)
      // formidable reports the error after the answer: give it the turn it needs.
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      spy.mockRestore()
    }
    expect(logged.map((args) => String(args[0]))).toEqual([])
  })

  test('a session survives a restart: the store is the database, not memory', async () => {
    const first = await loginAs(demo.app, 'admin@example.com')
    const cookie = (await first.get('/admin/api/resources/Advisor/actions/list')).request.cookies
    expect(cookie).toContain('adminjs_clients_demo=')
    // A new app instance, as after a restart: same database and secret, nothing in memory.
    const { createDemoApp } = await import('../demo/app.js')
    const restarted = createDemoApp({
      dataSource: database().dataSource,
      mailer: nullMailer,
      sessionSecret: 'test-session-secret-test-session-secret',
    })
    const res = await request(restarted.app)
      .get('/admin/api/resources/Advisor/actions/list')
      .set('Cookie', cookie)
    expect(res.status).toBe(200)
    expect(res.body.meta.total).toBe(demo.counts.advisors)
    const stranger = await request(restarted.app).get('/admin/api/resources/Advisor/actions/list')
    expect(stranger.status).toBe(302)
  })

  test('the login route is rate limited per email and IP', async () => {
    const app = (await seededDemoLimited()).app
    const attempt = () =>
      request(app)
        .post('/admin/login')
        .set('Origin', TEST_ORIGIN)
        .type('form')
        .send({ email: 'x@example.com', password: 'x' })
    for (let i = 0; i < 5; i += 1) expect((await attempt()).status).toBe(200)
    const limited = await attempt()
    expect(limited.status).toBe(429)
    expect(limited.text).toContain('tooManyRequests')
    // Failures for another email do not lock an admin out (test/security/f12-admin-login-limit.test.ts).
    const right = await request(app)
      .post('/admin/login')
      .set('Origin', TEST_ORIGIN)
      .type('form')
      .send({ email: 'admin@example.com', password: DEMO_PASSWORD })
    expect(right.status).toBe(302)
  })

  // A separate app instance with a lower limit (the counters themselves are in the database).
  async function seededDemoLimited() {
    const { createDemoApp } = await import('../demo/app.js')
    return createDemoApp({
      dataSource: database().dataSource,
      mailer: nullMailer,
      sessionSecret: 's'.repeat(32),
      loginAttempts: 5,
      origins: [TEST_ORIGIN],
    })
  }
})
