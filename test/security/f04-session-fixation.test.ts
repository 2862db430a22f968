// Finding 4: logging in gives a new session id; the cookie held before it is worth nothing after.
import request from 'supertest'
import { describeEachDatabase } from '../support/databases.js'
import { DEMO_PASSWORD, loginAs, seededDemo, TEST_ORIGIN, type SeededDemo } from '../support/demoAgent.js'

const sessionCookie = (res: request.Response) =>
  ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((cookie) => cookie.startsWith('adminjs_clients_demo='))
    ?.split(';')[0]

describeEachDatabase('the admin session is renewed at login', (database) => {
  let demo: SeededDemo
  beforeAll(async () => {
    demo = await seededDemo(database())
  })

  test('an admin logging in over a support session gets a new id, and the old cookie stays support-less', async () => {
    const support = await request(demo.app)
      .post('/admin/login')
      .set('Origin', TEST_ORIGIN)
      .type('form')
      .send({ email: 'support@example.com', password: DEMO_PASSWORD })
    const planted = sessionCookie(support) as string
    expect(planted).toBeTruthy()

    const admin = await request(demo.app)
      .post('/admin/login')
      .set('Origin', TEST_ORIGIN)
      .set('Cookie', planted)
      .type('form')
      .send({ email: 'admin@example.com', password: DEMO_PASSWORD })
    expect(admin.status).toBe(302)
    const renewed = sessionCookie(admin) as string
    expect(renewed).toBeTruthy()
    expect(renewed).not.toBe(planted)

    // The planted cookie no longer opens anything (it was never upgraded to admin).
    const withPlanted = await request(demo.app)
      .get('/admin/api/resources/SecuritySettings/actions/list')
      .set('Cookie', planted)
    expect(withPlanted.status).toBe(302)
    // The new one is the admin's.
    const withRenewed = await request(demo.app)
      .get('/admin/api/resources/Client/actions/list')
      .set('Cookie', renewed)
    expect(withRenewed.status).toBe(200)
  })

  test('a failed login keeps the session as it was', async () => {
    const agent = await loginAs(demo.app, 'support@example.com')
    const failed = await agent
      .post('/admin/login')
      .type('form')
      .send({ email: 'admin@example.com', password: 'wrong' })
    expect(failed.status).toBe(200)
    expect((await agent.get('/admin/api/resources/Client/actions/list')).status).toBe(200)
  })
})
