import request from 'supertest'
import { generate } from 'otplib'
import { Client, ClientEvent } from '../src/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { describeEachDatabase } from './support/databases.js'
import { seededDemo, type SeededDemo } from './support/demoAgent.js'
import { mailText, startSmtpServer } from './support/smtpServer.js'

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
const PASSWORD = 'Quatre chevaux bleus dansent 2026'

describeEachDatabase('the demo client area (/account) over HTTP', (database) => {
  let demo: SeededDemo
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>

  beforeAll(async () => {
    smtp = await startSmtpServer()
    demo = await seededDemo(database(), {
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
    })
  })
  afterAll(() => smtp?.close())

  /** A browser: keeps the cookie and posts each form with the token of the page it came from. */
  const browser = () => {
    const agent = request.agent(demo.app)
    let csrf = ''
    return {
      get: async (path: string) => {
        const res = await agent.get(path)
        csrf = csrfOf(res.text) || csrf
        return res
      },
      post: async (path: string, form: Record<string, string>) => {
        const res = await agent
          .post(path)
          .type('form')
          .send({ _csrf: csrf, ...form })
        csrf = csrfOf(res.text) || csrf
        return res
      },
      follow: async (res: request.Response) => {
        const next = await agent.get(res.headers.location)
        csrf = csrfOf(next.text) || csrf
        return next
      },
    }
  }

  test('register → email → confirm → login → 2FA on → login with a code → log out, in French then English', async () => {
    const b = browser()
    expect((await b.get('/account')).headers.location).toBe('/account/login')
    await b.get('/account/register')
    const weak = await b.post('/account/register', {
      lastName: 'Lefèvre',
      firstName: 'Anne',
      email: 'anne.lefevre@example.com',
      password: 'motdepasse',
    })
    expect(weak.status).toBe(422)
    expect(weak.text).toContain('data-error="password"')
    expect(weak.text).toContain('value="Lefèvre"')
    const done = await b.post('/account/register', {
      lastName: 'Lefèvre',
      firstName: 'Anne',
      email: 'anne.lefevre@example.com',
      password: PASSWORD,
      locale: 'fr',
    })
    expect(done.status).toBe(303)
    expect((await b.follow(done)).text).toContain('Confirmez votre adresse')

    await demo.clients.outbox.drain()
    const mail = smtp.received.find((m) => m.to.includes('anne.lefevre@example.com'))!
    const link = /http:\/\/localhost:3000(\/account\/confirm\?token=[A-Za-z0-9_-]+)/.exec(
      mailText(mail.raw),
    )![1]
    const unconfirmed = await b.post('/account/login', {
      email: 'anne.lefevre@example.com',
      password: PASSWORD,
    })
    expect(unconfirmed.status).toBe(401)
    expect(unconfirmed.text).toContain('data-refusal="unconfirmed"')
    const confirmed = await b.get(link)
    expect(confirmed.status).toBe(303)
    expect((await b.follow(confirmed)).text).toContain('Adresse confirmée')
    const reused = await b.get(link)
    expect(reused.status).toBe(400)
    expect(reused.text).toContain('data-refusal="tokenInvalid"')

    const login = await b.post('/account/login', { email: 'anne.lefevre@example.com', password: PASSWORD })
    expect(login.status).toBe(303)
    const home = await b.follow(login)
    expect(home.text).toContain('Bonjour Anne')
    expect(home.text).toContain('data-two-factor="off"')

    const started = await b.post('/account/2fa/start', {})
    const secret = /data-secret>([A-Z2-7]+)</.exec(started.text)![1]
    expect(started.text).toContain('src="data:image/png;base64,')
    const wrong = await b.post('/account/2fa/confirm', { code: '000000' })
    expect(wrong.status).toBe(422)
    expect(wrong.text).toContain(secret)
    const codes = await b.post('/account/2fa/confirm', { code: await generate({ secret }) })
    const recovery = [...codes.text.matchAll(/<li><code>([A-Z0-9-]+)<\/code>/g)].map((m) => m[1])
    expect(recovery).toHaveLength(10)
    expect((await b.get('/account')).text).toContain('data-two-factor="on"')
    const out = await b.post('/account/logout', {})
    expect(out.headers.location).toBe('/account/login')
    expect((await b.get('/account')).headers.location).toBe('/account/login')

    // English from here on.
    await b.get('/account/login?lang=en')
    const needCode = await b.post('/account/login', { email: 'anne.lefevre@example.com', password: PASSWORD })
    expect(needCode.text).toContain('data-refusal="totpRequired"')
    expect(needCode.text).toContain('Enter the code from your authenticator app.')
    const withCode = await b.post('/account/login', {
      email: 'anne.lefevre@example.com',
      password: PASSWORD,
      totp: recovery[0],
    })
    expect(withCode.status).toBe(303)
    expect((await b.follow(withCode)).text).toContain('Recovery code used: 9 left.')

    const id = (
      await database().dataSource.getRepository(Client).findOneByOrFail({ email: 'anne.lefevre@example.com' })
    ).id
    const types = (
      await database()
        .dataSource.getRepository(ClientEvent)
        .find({ where: { clientId: id }, order: { id: 'ASC' } })
    ).map((e) => e.type)
    expect(types).toEqual([
      'created',
      'login_failed',
      'account_confirmed',
      'login',
      'two_factor_enabled',
      'login',
    ])
  })

  test('forgot password: the same page whether the address exists; the link sets a new password once', async () => {
    const b = browser()
    await b.get('/account/forgot')
    const unknown = await b.post('/account/forgot', { email: 'nobody@example.com' })
    const client = await database().dataSource.getRepository(Client).findOneByOrFail({ status: 'active' })
    await demo.clients.accounts.idle()
    await demo.clients.outbox.drain()
    const sentBefore = smtp.received.length
    const known = await b.post('/account/forgot', { email: client.email as string })
    expect([unknown.status, unknown.headers.location]).toEqual([known.status, known.headers.location])
    await demo.clients.accounts.idle()
    await demo.clients.outbox.drain()
    expect(smtp.received.length).toBe(sentBefore + 1)
    const link = /http:\/\/localhost:3000(\/account\/reset\?token=[A-Za-z0-9_-]+)/.exec(
      mailText(smtp.received[smtp.received.length - 1].raw),
    )![1]
    await b.get(link)
    const token = new URL(link, 'http://x').searchParams.get('token') as string
    const differ = await b.post('/account/reset', {
      token,
      password: PASSWORD,
      passwordConfirmation: 'other',
    })
    expect(differ.status).toBe(422)
    expect(differ.text).toContain('data-error="passwordConfirmation"')
    const reset = await b.post('/account/reset', {
      token,
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    })
    expect(reset.status).toBe(303)
    const again = await b.post('/account/reset', {
      token,
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    })
    expect(again.text).toContain('data-refusal="tokenInvalid"')
    const login = await b.post('/account/login', { email: client.email as string, password: PASSWORD })
    expect(login.status).toBe(303)
  })

  test('a form posted without the page token is refused and changes nothing', async () => {
    const agent = request.agent(demo.app)
    await agent.get('/account/register')
    const before = await database().dataSource.getRepository(Client).count()
    const res = await agent
      .post('/account/register')
      .type('form')
      .send({ lastName: 'Intrus', email: 'intrus@example.com', password: PASSWORD })
    expect(res.status).toBe(403)
    expect(await database().dataSource.getRepository(Client).count()).toBe(before)
  })
  test('marketing consent from the account page: given then withdrawn, source client_area, one event each, fr and en', async () => {
    const ds = database().dataSource
    const repository = ds.getRepository(Client)
    const claire = await repository.save(
      repository.create({
        clientNumber: 'MKTAREA01',
        lastName: 'Consent',
        firstName: 'Claire',
        email: 'claire.consent@example.com',
        status: 'active',
        locale: 'fr',
        passwordHash: await demo.clients.passwordHasher.hash(PASSWORD),
        emailConfirmedAt: new Date(),
      }),
    )
    const b = browser()
    await b.get('/account/login')
    await b.post('/account/login', { email: 'claire.consent@example.com', password: PASSWORD })
    const home = await b.get('/account')
    expect(home.text).toContain('data-marketing-consent="unknown"')
    expect(home.text).toContain('Nos actualités par e-mail')

    const given = await b.post('/account/marketing', { consent: 'in' })
    expect(given.status).toBe(303)
    const after = await b.follow(given)
    expect(after.text).toContain('Votre choix est enregistré.')
    expect(after.text).toContain('data-marketing-consent="in"')
    let saved = await repository.findOneByOrFail({ id: claire.id })
    expect(saved).toMatchObject({ marketingConsent: 'in', marketingConsentSource: 'client_area' })
    expect(saved.marketingConsentAt).toBeInstanceOf(Date)

    // The same again: nothing new in the history; a value of no meaning: a message, nothing changed.
    await b.post('/account/marketing', { consent: 'in' })
    const bad = await b.post('/account/marketing', { consent: 'maybe' })
    expect(bad.status).toBe(303)
    expect((await repository.findOneByOrFail({ id: claire.id })).marketingConsent).toBe('in')

    await b.get('/account?lang=en')
    const withdrawn = await b.post('/account/marketing', { consent: 'out' })
    const page = await b.follow(withdrawn)
    expect(page.text).toContain('Your choice is saved.')
    expect(page.text).toContain('data-marketing-consent="out"')
    saved = await repository.findOneByOrFail({ id: claire.id })
    expect(saved).toMatchObject({ marketingConsent: 'out', marketingConsentSource: 'client_area' })
    const events = await ds
      .getRepository(ClientEvent)
      .find({ where: { clientId: claire.id, type: 'marketing_consent_changed' }, order: { id: 'ASC' } })
    expect(events.map((e) => [e.actor, e.actorType, e.changes, e.data])).toEqual([
      [
        'claire.consent@example.com',
        'client',
        [{ field: 'marketingConsent', from: null, to: 'in' }],
        { source: 'client_area' },
      ],
      [
        'claire.consent@example.com',
        'client',
        [{ field: 'marketingConsent', from: 'in', to: 'out' }],
        { source: 'client_area' },
      ],
    ])
  })
})
