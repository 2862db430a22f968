// Finding 13: the session cookie is Secure over HTTPS (directly or behind a trusted proxy),
// HttpOnly and SameSite=Lax; the demo listens on 127.0.0.1 unless HOST says otherwise.
import request from 'supertest'
import { readDemoConfig } from '../../demo/config.js'
import { createDemoApp } from '../../demo/app.js'
import { sessionCookie } from '../../src/index.js'
import { describeEachDatabase } from '../support/databases.js'
import { DEMO_PASSWORD, nullMailer, seededDemo, TEST_ORIGIN } from '../support/demoAgent.js'

test('the cookie options: HttpOnly, SameSite=Lax, Secure over HTTPS, a bounded age', () => {
  expect(sessionCookie()).toEqual({ httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: 8 * 3600_000 })
  expect(sessionCookie({ secure: true, maxAgeHours: 1 })).toMatchObject({ secure: true, maxAge: 3600_000 })
})

test('the demo listens on 127.0.0.1 by default, HOST and TRUST_PROXY are read', () => {
  expect(readDemoConfig({}).host).toBe('127.0.0.1')
  expect(readDemoConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0')
  expect(readDemoConfig({}).trustProxy).toBeUndefined()
  expect(readDemoConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
  expect(readDemoConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback')
})

describeEachDatabase('the session cookie over http and https', (database) => {
  const login = (app: Parameters<typeof request>[0], headers: Record<string, string> = {}) =>
    request(app)
      .post('/admin/login')
      .set({ Origin: TEST_ORIGIN, ...headers })
      .type('form')
      .send({ email: 'admin@example.com', password: DEMO_PASSWORD })
  const cookieOf = (res: request.Response) =>
    ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('adminjs_clients_demo=')) ?? ''

  test('plain http: HttpOnly and SameSite=Lax, not Secure; a forwarded https is ignored without trust proxy', async () => {
    const demo = await seededDemo(database())
    const plain = cookieOf(await login(demo.app))
    expect(plain).toMatch(/HttpOnly/)
    expect(plain).toMatch(/SameSite=Lax/)
    expect(plain).not.toMatch(/Secure/)
    const spoofed = await login(demo.app, { 'X-Forwarded-Proto': 'https' })
    expect(cookieOf(spoofed)).not.toMatch(/Secure/)
  })

  test('behind a trusted proxy that says https: Secure', async () => {
    const proxied = createDemoApp({
      dataSource: database().dataSource,
      mailer: nullMailer,
      sessionSecret: 'p'.repeat(32),
      trustProxy: 1,
      origins: [TEST_ORIGIN],
    })
    const res = await login(proxied.app, { 'X-Forwarded-Proto': 'https' })
    expect(res.status).toBe(302)
    expect(cookieOf(res)).toMatch(/; Secure/)
  })
})
