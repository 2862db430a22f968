import { Client, ClientSession, PasswordHasher } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { instanceBrowser } from './support/clientAreaBrowser.js'
import { PANEL_ORIGIN, panelLogin, startInstances, type AppInstance } from './support/instances.js'

const PASSWORD = 'Quatre chevaux bleus dansent 2026'

/**
 * Issue 24, Medium 2, across instances: two app instances (processes of their own) share one
 * database and its session store. A client logged in on A and an admin logged in as that client
 * are served by B; the client is banned on A; B refuses both sessions at their next request.
 */
describeEachDatabase('sessions end across instances', (database, kind) => {
  let a: AppInstance
  let b: AppInstance
  let client: Client

  beforeAll(async () => {
    const db = database()
    const where: Record<string, string> =
      kind === 'mysql' ? { DATABASE_URL: db.url as string } : { DATA_DIR: db.dataDir }
    const repo = db.dataSource.getRepository(Client)
    const saved = await repo.save(
      repo.create({
        lastName: 'Instances',
        firstName: 'Dominique',
        email: 'dominique.instances@example.com',
        status: 'active',
        emailConfirmedAt: new Date(),
        passwordHash: await new PasswordHasher({ driver: 'argon2id' }).hash(PASSWORD),
      }),
    )
    client = await repo.findOneByOrFail({ id: saved.id })
    const env = { ...where, MIGRATE: '0', JOBS_WORKER: '0', OUTBOX_WORKER: 'separate' }
    ;[a, b] = await startInstances([
      ['A', env],
      ['B', env],
    ])
  }, 300_000)

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
  })

  test('a ban on A ends, on B, the client’s session and an admin’s session as the client', async () => {
    // The client logs in on A; B serves the same session (one store, one database).
    const own = instanceBrowser()
    await own.get(a.base, '/account/login')
    const login = await own.post(a.base, '/account/login', {
      email: client.email as string,
      password: PASSWORD,
    })
    expect([login.status, login.location]).toEqual([303, '/account'])
    expect((await own.get(b.base, '/account')).text).toContain('Bonjour Dominique')

    // An admin, on A, logs in as the client; the link is opened on B.
    const panel = instanceBrowser()
    const adminLogin = await panelLogin(panel, a.base)
    expect(adminLogin.status).toBe(302)
    const started = await panel.post(
      a.base,
      `/admin/api/resources/Client/records/${client.id}/impersonate`,
      { reason: 'Voir son espace' },
      PANEL_ORIGIN,
    )
    const link = String(JSON.parse(started.text).impersonationUrl).replace(/^https?:\/\/[^/]+/, '')
    const imp = instanceBrowser()
    expect((await imp.get(b.base, link)).location).toBe('/account')
    expect((await imp.get(b.base, '/account')).text).toContain('data-impersonation')

    const ban = await panel.post(
      a.base,
      `/admin/api/resources/Client/records/${client.id}/ban`,
      { reason: 'Fraude constatée' },
      PANEL_ORIGIN,
    )
    expect(JSON.parse(ban.text).notice).toMatchObject({ type: 'success' })

    for (const browser of [own, imp]) {
      const home = await browser.get(b.base, '/account')
      expect([home.status, home.location]).toEqual([303, '/account/login'])
      const page = await browser.get(b.base, '/account/login')
      expect(page.text).toContain('data-page="login"')
      expect(page.text).not.toContain('data-impersonation')
      // And on A as well.
      expect((await browser.get(a.base, '/account')).location).toBe('/account/login')
    }
  }, 120_000)

  test('without the store hook (rows kept), B refuses the session by its generation after a suspension on A', async () => {
    const db = database()
    await db.dataSource.getRepository(Client).update(client.id, { status: 'active', statusReason: null })
    const own = instanceBrowser()
    await own.get(a.base, '/account/login')
    await own.post(a.base, '/account/login', { email: client.email as string, password: PASSWORD })
    expect((await own.get(b.base, '/account')).text).toContain('Bonjour Dominique')
    // As a host whose store the plugin cannot reach: the session's row stays in the store.
    await db.dataSource.getRepository(ClientSession).delete({ clientId: client.id })
    const panel = instanceBrowser()
    await panelLogin(panel, a.base)
    const suspended = await panel.post(
      a.base,
      `/admin/api/resources/Client/records/${client.id}/suspend`,
      { reason: 'Impayés' },
      PANEL_ORIGIN,
    )
    expect(JSON.parse(suspended.text).notice).toMatchObject({ type: 'success' })
    const home = await own.get(b.base, '/account')
    expect([home.status, home.location]).toEqual([303, '/account/login'])
  }, 120_000)
})
