// Finding 9 (panel part): a page elsewhere can neither log the admin's browser in as another
// account (login CSRF) nor log the admin out with a link.
import request from 'supertest'
import { describeEachDatabase } from '../support/databases.js'
import { createDemoApp } from '../../demo/app.js'
import {
  DEMO_PASSWORD,
  loginAs,
  nullMailer,
  seededDemo,
  TEST_ORIGIN,
  type SeededDemo,
} from '../support/demoAgent.js'

describeEachDatabase('login and logout from another site', (database) => {
  let demo: SeededDemo
  beforeAll(async () => {
    demo = await seededDemo(database())
  })

  test('a cross-site login form is refused and sets no session', async () => {
    for (const origin of ['http://evil.example', 'http://panel.test:9999']) {
      const res = await request(demo.app)
        .post('/admin/login')
        .set('Origin', origin)
        .type('form')
        .send({ email: 'support@example.com', password: DEMO_PASSWORD })
      expect(res.status).toBe(403)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
    const ok = await request(demo.app)
      .post('/admin/login')
      .set('Origin', TEST_ORIGIN)
      .type('form')
      .send({ email: 'support@example.com', password: DEMO_PASSWORD })
    expect(ok.status).toBe(302)
  })

  test('cross-site login posts do not spend the login attempts of the admin IP', async () => {
    // Another instance on the same database, with a low limit (2 per email and IP, 20 per IP).
    const limited = createDemoApp({
      dataSource: database().dataSource,
      mailer: nullMailer,
      sessionSecret: 'l'.repeat(32),
      loginAttempts: 2,
      origins: [TEST_ORIGIN],
    })
    for (let i = 0; i < 25; i += 1) {
      const res = await request(limited.app)
        .post('/admin/login')
        .set('Origin', 'http://panel.test:9999')
        .type('form')
        .send({ email: 'admin@example.com', password: 'guess' })
      expect(res.status).toBe(403)
    }
    const own = await request(limited.app)
      .post('/admin/login')
      .set('Origin', TEST_ORIGIN)
      .type('form')
      .send({ email: 'admin@example.com', password: DEMO_PASSWORD })
    expect(own.status).toBe(302)
  })

  test('a logout link on another site does not end the session; the panel own logout does', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    for (const site of ['cross-site', 'same-site']) {
      const res = await agent.get('/admin/logout').set('Sec-Fetch-Site', site)
      expect(res.status).toBe(403)
      expect((await agent.get('/admin/api/resources/Client/actions/list')).status).toBe(200)
    }
    const own = await agent.get('/admin/logout').set('Sec-Fetch-Site', 'same-origin')
    expect(own.status).toBe(302)
    expect((await agent.get('/admin/api/resources/Client/actions/list')).status).toBe(302)
  })
})
