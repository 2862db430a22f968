// Issue 29's hostile input: campaign names and messages (kept as text, escaped where they become
// HTML, merge fields that cannot reach a secret) and the unsubscribe route (forged, replayed,
// another client's token, any method, any body): a field error or a 4xx, never a 500, never a
// page that tells more than "not valid".
import request from 'supertest'
import { In, type DataSource } from 'typeorm'
import { Campaign, Client, ClientEvent, InvalidInputError } from '../../src/index.js'
import { createDemoMailer } from '../../demo/mailTransport.js'
import { describeEachDatabase } from '../support/databases.js'
import { seededDemo, type SeededDemo } from '../support/demoAgent.js'
import { mailText, startSmtpServer } from '../support/smtpServer.js'

const actor = { email: 'admin@example.com', ip: '127.0.0.1', type: 'admin' as const }
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |node_modules|[A-Za-z]+Error:|SQL|SELECT/)
const HOSTILE_NAME = `<img src=x onerror=alert(1)>"'&{{email}}`

async function makeClients(
  dataSource: DataSource,
  tag: string,
  fields: Partial<Client>[],
): Promise<Client[]> {
  const repository = dataSource.getRepository(Client)
  await repository.save(
    fields.map((f, i) =>
      repository.create({
        clientNumber: `HST${tag}${i}`,
        lastName: `Hostile${tag}`,
        firstName: `Reader${i}`,
        email: `hostile.${tag.toLowerCase()}.${i}@example.com`,
        status: 'active',
        locale: 'en',
        emailConfirmedAt: new Date(),
        ...f,
      }),
    ),
  )
  return repository.find({ where: { lastName: `Hostile${tag}` }, order: { id: 'ASC' } })
}

describeEachDatabase('campaigns and the unsubscribe route under hostile input', (database) => {
  let demo: SeededDemo
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  const ds = () => database().dataSource

  beforeAll(async () => {
    smtp = await startSmtpServer()
    demo = await seededDemo(database(), {
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
      outbox: { maxAttempts: 1, backoffBaseMs: 1, backoffMaxMs: 5, jitter: 0 },
      publicUrl: 'http://panel.test',
    })
  })
  afterAll(() => smtp?.close())

  test('merge fields reach no secret and no code: unknown fields, sections, partials, delimiters are field errors; nothing saved', async () => {
    const before = await ds().getRepository(Campaign).count()
    for (const text of [
      '{{passwordHash}}',
      '{{twoFactorSecret}}',
      '{{client.passwordHash}}',
      '{{constructor}}',
      '{{__proto__}}',
      '{{#email}}{{passwordHash}}{{/email}}',
      '{{> passwordHash}}',
      '{{=<% %>=}}<% passwordHash %>',
      '{{{passwordHash}}}',
      '{{&passwordHash}}',
      '{{email',
    ]) {
      const error = await demo.clients.campaigns
        .create(actor, { name: 'Hostile', segment: {}, subject_en: 'Hi', text_en: text })
        .catch((e: unknown) => e)
      expect([text, error instanceof InvalidInputError]).toEqual([text, true])
      expect(Object.keys((error as InvalidInputError).fields)).toContain('text_en')
    }
    for (const name of ['a\u0000b', 'line\nbreak', 'x'.repeat(121), '   ', ['array'], { a: 1 }]) {
      const error = await demo.clients.campaigns
        .create(actor, { name, segment: {}, subject_en: 'Hi', text_en: 'Hello' })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidInputError)
    }
    for (const segment of ['{"filters.q": ["x"]}', '{"sortBy": "passwordHash"}', 'not json', '[]', 42]) {
      const error = await demo.clients.campaigns
        .create(actor, { name: 'Hostile', segment, subject_en: 'Hi', text_en: 'Hello' })
        .catch((e: unknown) => e)
      expect([String(segment), (error as InvalidInputError).fields?.segment]).toEqual([
        String(segment),
        expect.any(String),
      ])
    }
    expect(await ds().getRepository(Campaign).count()).toBe(before)
  })

  test('a hostile name and hostile client values: kept as text, escaped in the HTML part of the mail, the subject on one line', async () => {
    const [client] = await makeClients(ds(), 'MAIL', [
      { firstName: '<script>alert(1)</script>', lastName: 'HostileMAIL' },
    ])
    const campaign = await demo.clients.campaigns.create(actor, {
      name: HOSTILE_NAME,
      segment: { 'filters.q': 'HostileMAIL' },
      subject_en: 'Hi {{firstName}}\r\nBcc: victim@example.com',
      text_en: 'Dear {{fullName}} <b>bold</b>',
    })
    // Stored as written: the panel (React) escapes it when it shows it.
    expect((await ds().getRepository(Campaign).findOneByOrFail({ id: campaign.id })).name).toBe(HOSTILE_NAME)
    await demo.clients.campaigns.start(actor, campaign.id)
    await demo.clients.campaignRunner.runOnce()
    await demo.clients.outbox.drain()
    const mails = smtp.received.filter((m) => m.to.includes(client.email as string))
    expect(mails).toHaveLength(1)
    const raw = mails[0].raw
    // The header injection stayed in the subject: no Bcc header, nobody else mailed.
    expect(raw).not.toMatch(/^Bcc:/im)
    expect(smtp.received.some((m) => m.to.includes('victim@example.com'))).toBe(false)
    const decoded = mailText(raw)
    expect(decoded).toContain('Dear <script>alert(1)</script> HostileMAIL <b>bold</b>')
    // The HTML part: escaped, no live tag.
    expect(decoded).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(decoded).not.toMatch(/<script>alert\(1\)<\/script>[^\n]*<\/p>/)
    // The history event names the campaign as data (the panel's history escapes it).
    const event = await ds()
      .getRepository(ClientEvent)
      .findOneByOrFail({ clientId: client.id, type: 'campaign_sent' })
    expect(event.data).toMatchObject({ campaign: HOSTILE_NAME })
  })

  describe('the unsubscribe route', () => {
    let token: string
    let mailed: Client
    let other: Client
    let campaignId: number

    beforeAll(async () => {
      ;[mailed, other] = await makeClients(ds(), 'UNSUB', [{}, { marketingConsent: 'out' }])
      const campaign = await demo.clients.campaigns.create(actor, {
        name: 'Unsubscribe hostile',
        segment: { 'filters.q': 'HostileUNSUB' },
        subject_en: 'Hi',
        text_en: 'Hello {{unsubscribeLink}}',
      })
      campaignId = campaign.id
      await demo.clients.campaigns.start(actor, campaign.id)
      await demo.clients.campaignRunner.runOnce()
      await demo.clients.outbox.drain()
      const raw = smtp.received.find((m) => m.to.includes(mailed.email as string))?.raw ?? ''
      token = /token=([0-9]+\.[0-9]+\.[A-Za-z0-9_-]{43})/.exec(mailText(raw))?.[1] ?? ''
      expect(token).not.toBe('')
    })

    const post = (query: string) =>
      request(demo.app).post(`/unsubscribe${query}`).type('form').send('List-Unsubscribe=One-Click')

    test('forged and another client’s tokens: 400 "not valid", nothing of the client or the server in the page', async () => {
      const [, , signature] = token.split('.')
      // A client the campaign skipped (opted out before): even signed right it is no link of theirs.
      const { unsubscribeToken } = await import('../../src/services/campaigns/unsubscribeToken.js')
      const signedButNotMailed = unsubscribeToken('x'.repeat(32), { campaignId, clientId: other.id })
      for (const bad of [
        `${campaignId}.${other.id}.${signature}`,
        `${campaignId}.${mailed.id}.${signature.toLowerCase()}`,
        `${campaignId}.${mailed.id}.${'A'.repeat(43)}`,
        `${campaignId}.0${mailed.id}.${signature}`,
        `${campaignId}.${mailed.id}.${signature}.extra`,
        `-1.${mailed.id}.${signature}`,
        `${campaignId}.${mailed.id}.${signature}%00`,
        signedButNotMailed,
        "' OR 1=1 --",
        '<script>alert(1)</script>',
      ]) {
        for (const res of [
          await request(demo.app).get(`/unsubscribe?token=${encodeURIComponent(bad)}`),
          await post(`?token=${encodeURIComponent(bad)}`),
        ]) {
          expect([bad, res.status]).toEqual([bad, 400])
          expect(res.text).not.toContain(mailed.email as string)
          expect(res.text).not.toContain(mailed.lastName)
          expect(res.text).not.toContain('<script>alert')
          noStack(res.text)
        }
      }
      const clients = await ds()
        .getRepository(Client)
        .findBy({ id: In([mailed.id, other.id]) })
      expect(clients.map((c) => c.marketingConsent).sort()).toEqual([null, 'out'].sort())
    })

    test('replayed, also at once: one opt-out, one event, every answer a 200 page', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => post(`?token=${encodeURIComponent(token)}`)),
      )
      for (const res of answers) {
        expect(res.status).toBe(200)
        noStack(res.text)
      }
      const later = await post(`?token=${encodeURIComponent(token)}`)
      expect([later.status, later.text.includes('Already unsubscribed')]).toEqual([200, true])
      expect((await request(demo.app).get(`/unsubscribe?token=${encodeURIComponent(token)}`)).status).toBe(
        200,
      )
      expect(
        await ds()
          .getRepository(ClientEvent)
          .countBy({ clientId: mailed.id, type: 'marketing_consent_changed' }),
      ).toBe(1)
    })

    test('any method, any body: a 4xx (or the page), never a 500, no stack', async () => {
      const q = `?token=${encodeURIComponent(token)}`
      const app = request(demo.app)
      const answers = [
        await app.put(`/unsubscribe${q}`),
        await app.delete(`/unsubscribe${q}`),
        await app.patch(`/unsubscribe${q}`),
        await app.options(`/unsubscribe${q}`),
        await app
          .post(`/unsubscribe${q}`)
          .set('Content-Type', 'application/json')
          .send('{"token": {"$gt": ""}}'),
        await app.post(`/unsubscribe${q}`).set('Content-Type', 'application/json').send('{broken'),
        await app
          .post(`/unsubscribe${q}`)
          .set('Content-Type', 'text/plain')
          .send('List-Unsubscribe=One-Click'),
        await app.post('/unsubscribe').set('Content-Type', 'multipart/form-data; boundary=x').send('--x--'),
        await app
          .post('/unsubscribe')
          .type('form')
          .send(`token=${'a'.repeat(100_000)}`),
        await app.post('/unsubscribe').type('form').send('token=%E0%A4%A'),
        await app
          .post('/unsubscribe')
          .type('form')
          .send(Array.from({ length: 50 }, (_, i) => `p${i}=1`).join('&')),
        await app.post(`/unsubscribe?token=${encodeURIComponent(token)}&token=${encodeURIComponent(token)}`),
        await app.get('/unsubscribe?token[]=a&token[]=b'),
        await app.get(`/unsubscribe/${encodeURIComponent(token)}`),
      ]
      for (const res of answers) {
        expect(res.status).toBeLessThan(500)
        noStack(res.text)
      }
    })
  })
})
