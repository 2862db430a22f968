import { createHash, randomBytes } from 'node:crypto'
import type { Agent } from 'supertest'
import { In } from 'typeorm'
import { Client, ClientEvent, ClientSession, ClientToken, createClientManagement } from '../src/index.js'
import { Session } from '../demo/entities/Session.js'
import { describeEachDatabase } from './support/databases.js'
import { clientApi } from './support/clientApi.js'
import { clientAreaBrowser, type ClientAreaBrowser } from './support/clientAreaBrowser.js'
import { loginAs, nullMailer, seededDemo, type SeededDemo } from './support/demoAgent.js'

const PASSWORD = 'Quatre chevaux bleus dansent 2026'
const NEW_PASSWORD = 'Sept girafes mauves chantent 2027'

/**
 * Issue 24, Medium 2: a ban, an anonymisation, a soft delete, an erase, a password set by an admin
 * and a 2FA removal end every client-area and impersonation session of the client: the next
 * request gets the login page, and the session store's rows (an impersonation's holds the client's
 * name) are deleted for good in the change's transaction. Low 6: what an admin does in the client
 * area while logged in as the client is recorded under the admin.
 */
describeEachDatabase('sessions end with the account', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let serial = 0
  const ds = () => database().dataSource

  // One argon2id hash of PASSWORD for every client of the file (each one is a tenth of a second of
  // CPU on a quiet machine): the logins still check it in full; no test here reads the hash itself.
  let passwordHash: Promise<string> | undefined

  /** An active client with a password, unique per call. */
  async function newClient(): Promise<Client> {
    serial += 1
    const email = `session.${serial}.${Date.now()}@example.com`
    const saved = await ds()
      .getRepository(Client)
      .save(
        ds()
          .getRepository(Client)
          .create({
            lastName: `Sessionnaire${serial}`,
            firstName: 'Camille',
            email,
            status: 'active',
            emailConfirmedAt: new Date(),
            passwordHash: await (passwordHash ??= demo.clients.passwordHasher.hash(PASSWORD)),
          }),
      )
    return ds().getRepository(Client).findOneByOrFail({ id: saved.id })
  }

  /** The client logged in to the client area, and an admin logged in as the client in another browser. */
  async function openSessions(client: Client): Promise<{ own: ClientAreaBrowser; imp: ClientAreaBrowser }> {
    const own = await clientAreaBrowser(demo.app).login(client.email as string, PASSWORD)
    const started = await clientApi(admin).record('impersonate', client.id, { reason: 'Voir son espace' })
    const link = String(started.body.impersonationUrl).replace(/^https?:\/\/[^/]+/, '')
    const imp = clientAreaBrowser(demo.app)
    expect((await imp.get(link)).headers.location).toBe('/account')
    for (const b of [own, imp]) expect((await b.get('/account')).text).toContain('Bonjour Camille')
    expect((await imp.get('/account')).text).toContain('data-impersonation')
    return { own, imp }
  }

  const registered = async (clientId: number) =>
    (
      await ds()
        .getRepository(ClientSession)
        .createQueryBuilder('s')
        .addSelect('s.sessionId')
        .where('s.clientId = :clientId', { clientId })
        .getMany()
    ).map((s) => s.sessionId as string)

  /** Session rows of the demo's store, soft-deleted ones included. */
  const storeRows = (ids: string[]) =>
    ds()
      .getRepository(Session)
      .count({ where: { id: In(ids) }, withDeleted: true })

  async function expectLoginPage(b: ClientAreaBrowser) {
    const home = await b.get('/account')
    expect(home.status).toBe(303)
    expect(home.headers.location).toBe('/account/login')
    const login = await b.get('/account/login')
    expect(login.status).toBe(200)
    expect(login.text).toContain('data-page="login"')
    expect(login.text).not.toContain('data-impersonation')
  }

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  const changes: [string, (client: Client) => Promise<void>][] = [
    [
      'a ban',
      async (c) => {
        const res = await clientApi(admin).record('ban', c.id, { reason: 'Fraude constatée' })
        expect(res.body.notice).toMatchObject({ type: 'success' })
      },
    ],
    [
      'an anonymisation',
      async (c) => {
        const res = await clientApi(admin).record('anonymise', c.id, {
          confirmation: c.clientNumber,
          force: 'true',
          reason: 'Demande d’effacement',
        })
        expect(res.body.notice).toMatchObject({ type: 'success' })
      },
    ],
    [
      'a soft delete',
      async (c) => {
        const res = await clientApi(admin).record('delete', c.id, { reason: 'Doublon' })
        expect(res.body.notice).toMatchObject({ type: 'success' })
      },
    ],
    [
      'an erase (removed for good)',
      async (c) => {
        // Deleted as before this version (no session ended then): the erase itself must end them.
        await ds().getRepository(Client).update(c.id, { status: 'deleted', deletedAt: new Date() })
        const res = await clientApi(admin).record('removeForGood', c.id)
        expect(res.status).toBeLessThan(500)
        expect(await ds().getRepository(Client).findOneBy({ id: c.id })).toBeNull()
      },
    ],
    [
      'a password set by an admin',
      async (c) => {
        const res = await clientApi(admin).record('changePassword', c.id, {
          password: NEW_PASSWORD,
          passwordConfirmation: NEW_PASSWORD,
        })
        expect(res.body.notice).toMatchObject({ type: 'success' })
      },
    ],
    [
      'a suspension',
      async (c) => {
        const res = await clientApi(admin).record('suspend', c.id, { reason: 'Impayés' })
        expect(res.body.notice).toMatchObject({ type: 'success' })
      },
    ],
    [
      'a merge into another client',
      async (c) => {
        const keep = await newClient()
        const res = await clientApi(admin).bulk('mergeClients', [keep.id, c.id], { keepId: String(keep.id) })
        expect(res.status).toBeLessThan(500)
        expect((await ds().getRepository(Client).findOneByOrFail({ id: c.id })).mergedIntoId).toBe(keep.id)
      },
    ],
    [
      'a 2FA removal',
      async (c) => {
        await ds()
          .getRepository(Client)
          .update(c.id, { twoFactorSecret: 'JBSWY3DPEHPK3PXP', twoFactorEnabledAt: new Date() })
        const res = await clientApi(admin).record('removeTwoFactor', c.id)
        expect(res.body.notice).toMatchObject({ type: 'success' })
      },
    ],
  ]

  test.each(changes)(
    'after %s, the client’s own session and an impersonation session get the login page; their store rows are gone',
    async (_name, act) => {
      const client = await newClient()
      const bystander = await newClient()
      const { own, imp } = await openSessions(client)
      const other = await clientAreaBrowser(demo.app).login(bystander.email as string, PASSWORD)
      const sessionIds = await registered(client.id)
      expect(sessionIds).toHaveLength(2)
      expect(await storeRows(sessionIds)).toBe(2)

      await act(client)

      // The store's rows went with the change (for good: not only marked destroyed), and the registry's.
      expect(await storeRows(sessionIds)).toBe(0)
      expect(await registered(client.id)).toEqual([])
      await expectLoginPage(own)
      await expectLoginPage(imp)
      // Another client's session is untouched.
      expect((await other.get('/account')).text).toContain('Bonjour Camille')
    },
  )

  test('a session whose store row survived (a store without the hook) is refused by its generation', async () => {
    const client = await newClient()
    const { own, imp } = await openSessions(client)
    // As if the host gave no `sessions.destroy`: the rows stay, the generation alone refuses them.
    await ds().getRepository(ClientSession).delete({ clientId: client.id })
    await clientApi(admin).record('ban', client.id, { reason: 'Fraude constatée' })
    await expectLoginPage(own)
    // The impersonation ends with it, under the admin.
    const endedBefore = await ds()
      .getRepository(ClientEvent)
      .countBy({ clientId: client.id, type: 'impersonation_ended' })
    await expectLoginPage(imp)
    expect(
      await ds().getRepository(ClientEvent).countBy({ clientId: client.id, type: 'impersonation_ended' }),
    ).toBe(endedBefore + 1)
    // A POST from the ended session is not run either: to the login page, nothing written.
    const owner = await newClient()
    const b = await clientAreaBrowser(demo.app).login(owner.email as string, PASSWORD)
    await ds().getRepository(ClientSession).delete({ clientId: owner.id })
    await demo.clients.lifecycle.suspend({ email: 'admin@example.com', ip: null }, [owner.id], {
      reason: 'Impayés',
    })
    const start = await b.post('/account/2fa/start')
    expect([start.status, start.headers.location]).toEqual([303, '/account/login'])
    const row = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .addSelect('c.twoFactorSecret')
      .where('c.id = :id', { id: owner.id })
      .getOneOrFail()
    expect(row.twoFactorSecret).toBeNull()
  })

  test('an anonymised client cannot start 2FA, even from a session the host kept open', async () => {
    const client = await newClient()
    const own = await clientAreaBrowser(demo.app).login(client.email as string, PASSWORD)
    await ds().getRepository(ClientSession).delete({ clientId: client.id })
    await demo.clients.gdpr.anonymise({ email: 'admin@example.com', ip: null }, client.id, {
      confirmation: client.clientNumber,
      force: true,
      reason: 'Demande',
    })
    const start = await own.post('/account/2fa/start')
    expect([start.status, start.headers.location]).toEqual([303, '/account/login'])
    // The service refuses it too, whatever the host's pages do.
    await expect(demo.clients.accounts.enableTwoFactor(client.id)).rejects.toMatchObject({
      reason: 'accountClosed',
    })
    await expect(
      demo.clients.accounts.sessionAccount({ clientId: client.id, sessionGeneration: 0 }),
    ).resolves.toBeNull()
    const row = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .addSelect('c.twoFactorSecret')
      .where('c.id = :id', { id: client.id })
      .getOneOrFail()
    expect(row.twoFactorSecret).toBeNull()
  })

  test('a reset link ends the client’s sessions; a session stamp is checked strictly', async () => {
    const client = await newClient()
    const own = await clientAreaBrowser(demo.app).login(client.email as string, PASSWORD)
    for (const stamp of [
      null,
      'x',
      { clientId: String(client.id), sessionGeneration: 0 },
      { clientId: client.id },
    ]) {
      await expect(demo.clients.accounts.sessionAccount(stamp)).resolves.toBeNull()
    }
    await expect(
      demo.clients.accounts.sessionAccount({ clientId: client.id, sessionGeneration: 0 }),
    ).resolves.toMatchObject({ id: client.id })
    // The link of a reset email (its token stored hashed, as the plugin does).
    const token = randomBytes(32).toString('base64url')
    await ds()
      .getRepository(ClientToken)
      .insert({
        clientId: client.id,
        purpose: 'password_reset',
        tokenHash: createHash('sha256').update(token).digest('hex'),
        expiresAt: new Date(Date.now() + 600_000),
      })
    await demo.clients.accounts.resetPassword({
      token,
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    })
    await expectLoginPage(own)
    await expect(
      demo.clients.accounts.sessionAccount({ clientId: client.id, sessionGeneration: 0 }),
    ).resolves.toBeNull()
  })

  test('what an admin logged in as the client asks in the client area is recorded under the admin', async () => {
    const client = await newClient()
    const { imp, own } = await openSessions(client)
    const events = () =>
      ds()
        .getRepository(ClientEvent)
        .find({ where: { clientId: client.id, type: 'password_reset_requested' }, order: { id: 'ASC' } })
    await imp.post('/account/forgot', { email: client.email as string })
    await demo.clients.accounts.idle()
    const [asAdmin] = await events()
    expect(asAdmin).toMatchObject({ actorType: 'admin', actor: 'admin@example.com', clientId: client.id })
    expect(asAdmin.data).toMatchObject({ asClient: true })
    // The client's own request stays the client's.
    await own.post('/account/forgot', { email: client.email as string })
    await demo.clients.accounts.idle()
    const [, byClient] = await events()
    expect(byClient).toMatchObject({ actorType: 'client', actor: client.email })
    expect(byClient.data?.asClient).toBeUndefined()
    // A reset link opened while impersonating is refused: the password is the client's own.
    await expect(
      demo.clients.accounts.resetPassword({
        token: 'A'.repeat(43),
        password: NEW_PASSWORD,
        impersonation: { id: 1, admin: 'admin@example.com' },
      }),
    ).rejects.toMatchObject({ reason: 'impersonating' })
  })

  // Last: the failing store it adds stays registered on this DataSource.
  test('a store that fails to destroy is logged (never the ids) and does not undo the change', async () => {
    const client = await newClient()
    const own = await clientAreaBrowser(demo.app).login(client.email as string, PASSWORD)
    const [sessionId] = await registered(client.id)
    const errors: [string, Record<string, unknown> | undefined][] = []
    const failing = createClientManagement({
      dataSource: ds(),
      mailer: nullMailer,
      mailFrom: 'no-reply@example.com',
      links: {
        confirmEmail: 'https://app.example/confirm?token={token}',
        resetPassword: 'https://app.example/reset?token={token}',
      },
      logger: { warn: () => undefined, error: (message, details) => errors.push([message, details]) },
      sessions: {
        destroy: () => {
          throw new Error('store unreachable')
        },
      },
    })
    await failing.lifecycle.ban({ email: 'admin@example.com', ip: null }, [client.id], { reason: 'Fraude' })
    expect((await ds().getRepository(Client).findOneByOrFail({ id: client.id })).status).toBe('banned')
    expect(errors).toEqual([
      [expect.stringContaining('could not destroy'), expect.objectContaining({ clientIds: [client.id] })],
    ])
    expect(JSON.stringify(errors)).not.toContain(sessionId)
    expect(await registered(client.id)).toEqual([])
    await expectLoginPage(own)
  })
})
