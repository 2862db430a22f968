import type { Agent } from 'supertest'
import { createHash } from 'node:crypto'
import { IsNull } from 'typeorm'
import { Client, ClientEvent, ClientToken, createClientManagement } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, nullMailer, seededDemo, TEST_ORIGIN, type SeededDemo } from './support/demoAgent.js'
import { clientApi, historyCounts } from './support/clientApi.js'
import { clientAreaBrowser } from './support/clientAreaBrowser.js'

const PASSWORD = 'Quatre chevaux bleus dansent 2026'
const NEW_PASSWORD = 'Sept girafes mauves chantent 2027'

describeEachDatabase('log in as the client (impersonation) over HTTP', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let support: Agent
  let jean: Client
  const ds = () => database().dataSource
  const clients = () => ds().getRepository(Client)
  const tokens = () => ds().getRepository(ClientToken)

  /** A browser on the client area: keeps its cookie and posts each form with its page's token. */
  const browser = () => clientAreaBrowser(demo.app)

  /** The admin's "Log in as this client": the action's answer, and the link's path on the demo. */
  const impersonate = async (agent: Agent, id: number, reason = 'Le client ne voit pas son contrat') => {
    const res = await clientApi(agent).record('impersonate', id, { reason })
    const url = res.body.impersonationUrl as string | undefined
    return { res, path: url ? url.replace(/^https?:\/\/[^/]+/, '') : '' }
  }
  const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token') ?? ''
  const events = (clientId: number, type: string) =>
    ds()
      .getRepository(ClientEvent)
      .find({ where: { clientId, type: type as ClientEvent['type'] }, order: { id: 'ASC' } })

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
    const [active] = await clients().find({
      where: { status: 'active', twoFactorEnabledAt: IsNull() },
      order: { id: 'ASC' },
      take: 1,
    })
    await clients().update(active.id, {
      firstName: 'Jean',
      lastName: 'Dupont',
      passwordHash: await demo.clients.passwordHasher.hash(PASSWORD),
    })
    jean = await clients().findOneByOrFail({ id: active.id })
  })

  test('the admin gets a single-use 60 s link; the client area opens as the client with the banner; events name the admin, the IP and the reason', async () => {
    // A GET only answers with the record: no link, nothing written.
    const before = await historyCounts(ds())
    const shown = await clientApi(admin).show('impersonate', jean.id)
    expect(shown.status).toBe(200)
    expect(shown.body.record.params.clientNumber).toBe(jean.clientNumber)
    expect(shown.body.impersonationUrl).toBeUndefined()
    expect(await historyCounts(ds())).toEqual(before)

    const asked = Date.now()
    const { res, path } = await impersonate(admin, jean.id)
    const answered = Date.now()
    expect(res.status).toBe(200)
    expect(res.body.notice).toMatchObject({ message: 'impersonationStarted', type: 'success' })
    expect(res.body.impersonationUrl).toMatch(
      /^http:\/\/localhost:3000\/account\/impersonate\?token=[A-Za-z0-9_-]{40,}$/,
    )
    // Stored as a hash only, valid 60 s, with the admin who asked.
    const token = tokenOf(path)
    const row = await tokens()
      .createQueryBuilder('t')
      .addSelect('t.tokenHash')
      .where('t.clientId = :id AND t.purpose = :p', { id: jean.id, p: 'impersonation' })
      .orderBy('t.id', 'DESC')
      .getOneOrFail()
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(row.issuedBy).toBe('admin@example.com')
    // 60 s from a moment within the request, however long a busy machine made it (1 s either
    // side: MariaDB keeps whole seconds).
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(asked + 60_000 - 1000)
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(answered + 60_000 + 1000)
    const [started] = await events(jean.id, 'impersonation_started')
    expect(started).toMatchObject({
      actorType: 'admin',
      actor: 'admin@example.com',
      ip: '127.0.0.1',
      reason: 'Le client ne voit pas son contrat',
    })
    expect(JSON.stringify(started)).not.toContain(token)

    const loginsBefore = (await events(jean.id, 'login')).length
    const b = browser()
    const landed = await b.get(path)
    expect(landed.status).toBe(303)
    expect(landed.headers.location).toBe('/account')
    const home = await b.get('/account')
    expect(home.status).toBe(200)
    expect(home.text).toContain('Bonjour Jean')
    expect(home.text).toContain(
      'Vous êtes connecté en tant que Jean Dupont (admin@example.com) — </p><form method="post" action="/account/impersonate/end">',
    )
    expect(home.text).toContain('Revenir au panneau')
    expect((await b.get('/account?lang=en')).text).toContain(
      'You are logged in as Jean Dupont (admin@example.com)',
    )
    // Logged in without the password: no login event.
    expect(await events(jean.id, 'login')).toHaveLength(loginsBefore)

    // Single use: the same link again is refused, in another browser as in this one.
    const again = await browser().get(path)
    expect(again.status).toBe(400)
    expect(again.text).toContain('data-refusal="tokenInvalid"')

    // "Back to the panel": the end event under the admin, the session gone, back to /admin.
    const end = await b.post('/account/impersonate/end')
    expect(end.status).toBe(303)
    expect(end.headers.location).toBe('/admin')
    expect((await b.get('/account')).headers.location).toBe('/account/login')
    const [ended] = await events(jean.id, 'impersonation_ended')
    expect(ended).toMatchObject({ actorType: 'admin', actor: 'admin@example.com', ip: '127.0.0.1' })
    expect(ended.data).toEqual({ expired: false })
    // Ending twice records nothing more.
    expect(await demo.clients.accounts.endImpersonation({ id: row.id, admin: 'admin@example.com' })).toBe(
      false,
    )
    expect(await events(jean.id, 'impersonation_ended')).toHaveLength(1)
  })

  test('while impersonating, a change of password (or of 2FA) is refused; the client may change it', async () => {
    const endedBefore = (await events(jean.id, 'impersonation_ended')).length
    const b = browser()
    await b.get((await impersonate(admin, jean.id)).path)
    const home = await b.get('/account')
    expect(home.text).toContain('action="/account/password"')
    const hashBefore = await clients()
      .createQueryBuilder('c')
      .addSelect('c.passwordHash')
      .where('c.id = :id', { id: jean.id })
      .getOneOrFail()
    const refused = await b.post('/account/password', {
      currentPassword: PASSWORD,
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    })
    expect(refused.status).toBe(303)
    const after = await b.get('/account')
    expect(after.text).toContain('data-flash')
    expect(after.text).toContain('pendant qu’un administrateur est connecté en tant que client')
    const twoFactor = await b.post('/account/2fa/start')
    expect(twoFactor.status).toBe(303)
    expect((await b.get('/account')).text).toContain('double authentification restent au client')
    const hashAfter = await clients()
      .createQueryBuilder('c')
      .addSelect(['c.passwordHash', 'c.twoFactorSecret'])
      .where('c.id = :id', { id: jean.id })
      .getOneOrFail()
    expect(hashAfter.passwordHash).toBe(hashBefore.passwordHash)
    expect(hashAfter.twoFactorSecret).toBeNull()
    expect(await events(jean.id, 'password_changed')).toHaveLength(0)
    // The service itself refuses, whatever page the host shows.
    const mark = { id: 1, admin: 'admin@example.com' }
    await expect(
      demo.clients.accounts.changePassword({
        clientId: jean.id,
        currentPassword: PASSWORD,
        password: NEW_PASSWORD,
        impersonation: mark,
      }),
    ).rejects.toMatchObject({ reason: 'impersonating' })
    await expect(demo.clients.accounts.enableTwoFactor(jean.id, mark)).rejects.toMatchObject({
      reason: 'impersonating',
    })
    await expect(
      demo.clients.accounts.disableTwoFactor({ clientId: jean.id, impersonation: mark }),
    ).rejects.toMatchObject({ reason: 'impersonating' })
    // Logging out ends the impersonation too.
    const out = await b.post('/account/logout')
    expect([out.status, out.headers.location]).toEqual([303, '/account/login'])
    expect(await events(jean.id, 'impersonation_ended')).toHaveLength(endedBefore + 1)

    // The client, logged in, may change the password: recorded under the client.
    const own = browser()
    await own.get('/account/login')
    const login = await own.post('/account/login', { email: jean.email as string, password: PASSWORD })
    expect(login.status).toBe(303)
    const home2 = await own.get('/account')
    expect(home2.text).not.toContain('data-impersonation')
    const changed = await own.post('/account/password', {
      currentPassword: PASSWORD,
      password: NEW_PASSWORD,
      passwordConfirmation: NEW_PASSWORD,
    })
    expect(changed.status).toBe(303)
    expect((await own.get('/account')).text).toContain('Mot de passe changé.')
    const [event] = await events(jean.id, 'password_changed')
    expect(event).toMatchObject({ actorType: 'client', actor: jean.email })
    await clients().update(jean.id, { passwordHash: await demo.clients.passwordHasher.hash(PASSWORD) })
  })

  test('an expired link, an unknown or malformed token, a client banned or deleted since: refused', async () => {
    // Expired: the link is made, then its 60 s are over (moved back, no sleeping).
    const expired = await impersonate(admin, jean.id)
    const hash = createHash('sha256').update(tokenOf(expired.path)).digest('hex')
    await tokens()
      .createQueryBuilder()
      .update(ClientToken)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('tokenHash = :hash', { hash })
      .execute()
    const late = await browser().get(expired.path)
    expect(late.status).toBe(400)
    expect(late.text).toContain('data-refusal="tokenExpired"')

    for (const token of ['', 'x', 'A'.repeat(43), '<script>', 'a'.repeat(500)]) {
      const res = await browser().get(`/account/impersonate?token=${encodeURIComponent(token)}`)
      expect(res.status).toBe(400)
      expect(res.text).toContain('data-refusal="tokenInvalid"')
    }
    const arrayToken = await browser().get('/account/impersonate?token=a&token=b')
    expect(arrayToken.status).toBe(400)

    // A newer link kills the older unused one.
    const first = await impersonate(admin, jean.id)
    const second = await impersonate(admin, jean.id)
    expect((await browser().get(first.path)).text).toContain('data-refusal="tokenInvalid"')

    // Banned after the link was made: refused, and the link stays unspent.
    await clients().update(jean.id, { status: 'banned' })
    const banned = await browser().get(second.path)
    expect(banned.status).toBe(403)
    expect(banned.text).toContain('data-refusal="accountClosed"')
    await clients().update(jean.id, { status: 'deleted' })
    await expect(demo.clients.accounts.startImpersonation(tokenOf(second.path))).rejects.toMatchObject({
      reason: 'accountClosed',
    })
    await clients().update(jean.id, { status: 'active' })
  })

  test('refused for the support role (403), for banned and deleted clients, and without a reason', async () => {
    const before = await historyCounts(ds())
    const bySupport = await clientApi(support).record('impersonate', jean.id, { reason: 'Je veux voir' })
    expect(bySupport.status).toBe(403)
    expect(bySupport.body.impersonationUrl).toBeUndefined()
    expect((await clientApi(support).show('impersonate', jean.id)).status).toBe(403)
    const supportShow = await support.get(`/admin/api/resources/Client/records/${jean.id}/show`)
    const supportNames = supportShow.body.record.recordActions.map((a: { name: string }) => a.name)
    expect(supportNames).not.toContain('impersonate')
    const adminShow = await admin.get(`/admin/api/resources/Client/records/${jean.id}/show`)
    expect(adminShow.body.record.recordActions.map((a: { name: string }) => a.name)).toContain('impersonate')

    const noReason = await clientApi(admin).record('impersonate', jean.id, { reason: '   ' })
    expect(noReason.status).toBeLessThan(500)
    expect(noReason.body.record.errors.reason.message).toBe('fieldRequired')
    expect(noReason.body.impersonationUrl).toBeUndefined()
    const tooLong = await clientApi(admin).record('impersonate', jean.id, { reason: 'x'.repeat(1001) })
    expect(tooLong.body.record.errors.reason.message).toBe('tooLong')
    const nested = await admin
      .post(`/admin/api/resources/Client/records/${jean.id}/impersonate`)
      .send({ reason: ['a', 'b'] })
    expect(nested.status).toBe(400)

    for (const status of ['banned', 'deleted'] as const) {
      const [closed] = await clients().find({ where: { status }, take: 1, withDeleted: true })
      const res = await clientApi(admin).record('impersonate', closed.id, { reason: 'Voir' })
      expect(res.status).toBeLessThan(500)
      expect(res.body.notice).toMatchObject({
        message: status === 'banned' ? 'isBanned' : 'isDeleted',
        type: 'error',
      })
      expect(res.body.impersonationUrl).toBeUndefined()
    }
    expect(await historyCounts(ds())).toEqual(before)
  })

  test('a POST from another origin is refused before anything is written', async () => {
    const before = await historyCounts(ds())
    const res = await admin
      .post(`/admin/api/resources/Client/records/${jean.id}/impersonate`)
      .set('Origin', 'http://evil.test')
      .type('form')
      .send({ reason: 'Pris depuis un autre site' })
    expect(res.status).toBe(403)
    expect(res.body.impersonationUrl).toBeUndefined()
    expect(await historyCounts(ds())).toEqual(before)
    expect(TEST_ORIGIN).not.toBe('http://evil.test')
    // The client area's end link, posted from elsewhere, ends nothing either.
    const b = browser()
    await b.get((await impersonate(admin, jean.id)).path)
    const forged = await b.agent
      .post('/account/impersonate/end')
      .set('Origin', 'http://evil.test')
      .type('form')
      .send({})
    expect(forged.status).toBe(403)
    expect((await b.get('/account')).text).toContain('data-impersonation')
    await b.post('/account/impersonate/end')
  })

  test('the mark ends after the maximum time: the next page ends the impersonation and the session', async () => {
    const b = browser()
    const { path } = await impersonate(admin, jean.id)
    await b.get(path)
    const row = await tokens().findOneOrFail({
      where: { clientId: jean.id, purpose: 'impersonation' },
      order: { id: 'DESC' },
    })
    // The row ends at its start + impersonation.maxMinutes (default 60).
    expect(row.expiresAt.getTime() - (row.usedAt as Date).getTime()).toBeGreaterThanOrEqual(59 * 60_000)
    const endedBefore = (await events(jean.id, 'impersonation_ended')).length
    // An hour later (the session's mark moved back, no sleeping).
    const realNow = Date.now
    Date.now = () => realNow() + 61 * 60_000
    try {
      const res = await b.get('/account')
      expect(res.status).toBe(303)
      expect(res.headers.location).toBe('/account/login')
    } finally {
      Date.now = realNow
    }
    const ended = await events(jean.id, 'impersonation_ended')
    expect(ended).toHaveLength(endedBefore + 1)
    expect(ended[ended.length - 1].data).toEqual({ expired: true })
    expect((await b.get('/account')).headers.location).toBe('/account/login')
  })

  test('without links.impersonate the action is not offered, and refused if called', async () => {
    const links = {
      confirmEmail: 'https://app.example/confirm?token={token}',
      resetPassword: 'https://app.example/reset?token={token}',
    }
    const options = { dataSource: ds(), mailer: nullMailer, mailFrom: 'no-reply@example.com', links }
    const plain = createClientManagement(options)
    expect(plain.accounts.impersonationOffered).toBe(false)
    await expect(
      plain.accounts.beginImpersonation({ email: 'admin@example.com', ip: null }, jean.id, { reason: 'x' }),
    ).rejects.toMatchObject({ reason: 'impersonationUnavailable' })
    const client = plain.resources.find((r) => r.options.id === 'Client')!
    const action = (client.options.actions as Record<string, { isVisible?: unknown }>).impersonate
    expect((action.isVisible as (c: unknown) => boolean)({ record: { params: { status: 'active' } } })).toBe(
      false,
    )
    expect(() =>
      createClientManagement({
        ...options,
        links: { ...links, impersonate: 'javascript:alert(1)' },
        impersonation: { maxMinutes: 0 },
      }),
    ).toThrow(
      /links\.impersonate must be an http\(s\) URL containing \{token\}[\s\S]*impersonation\.maxMinutes/,
    )
  })
})
