import request, { type Agent } from 'supertest'
import { In, type DataSource } from 'typeorm'
import { AdminAuditEntry, Campaign, CampaignRecipient, Client, ClientEvent, EmailLog } from '../src/index.js'
import { SavedView } from '../src/entities/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'
import { mailText, startSmtpServer } from './support/smtpServer.js'

const actor = { email: 'admin@example.com', ip: '127.0.0.1', type: 'admin' as const }
const header = (raw: string, name: string) =>
  new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im')
    .exec(raw)?.[1]
    .replace(/\r?\n[ \t]+/g, '')
    .trim() ?? null

let batch = 0

/** `count` clients of their own (numbers `CMP…`), active with an English address unless told. */
async function makeClients(
  dataSource: DataSource,
  count: number,
  fields: (i: number) => Partial<Client> = () => ({}),
): Promise<Client[]> {
  batch += 1
  const tag = `${process.pid % 1000}${batch}`
  const rows = Array.from({ length: count }, (_, i) => ({
    clientNumber: `CMP${tag}X${String(i).padStart(4, '0')}`,
    lastName: `Campaign${tag}`,
    firstName: `Reader${i}`,
    email: `cmp${tag}.reader${i}@example.com`,
    status: 'active' as const,
    locale: 'en',
    emailConfirmedAt: new Date(),
    ...fields(i),
  }))
  // Saved as entities: the search columns are filled by the entity's listeners.
  const repository = dataSource.getRepository(Client)
  await repository.save(
    rows.map((r) => repository.create(r)),
    { chunk: 200 },
  )
  return repository.find({
    where: { clientNumber: In(rows.map((r) => r.clientNumber)) },
    order: { id: 'ASC' },
  })
}

describeEachDatabase('campaigns: consent, segment, delivery, unsubscribe', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let support: Agent
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  const ds = () => database().dataSource
  const newCampaign = (lastName: string, extra: Record<string, string> = {}) =>
    demo.clients.campaigns.create(actor, {
      name: `News for ${lastName}`,
      segment: { 'filters.q': lastName },
      subject_en: 'News for {{firstName}}',
      text_en: 'Hello {{fullName}}, here is our news.',
      subject_fr: 'Nouvelles pour {{firstName}}',
      text_fr: 'Bonjour {{fullName}}, voici nos nouvelles.',
      ...extra,
    })
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address))

  beforeAll(async () => {
    smtp = await startSmtpServer()
    demo = await seededDemo(database(), {
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
      outbox: { maxAttempts: 3, backoffBaseMs: 1, backoffMaxMs: 5, jitter: 0 },
      publicUrl: 'http://panel.test',
    })
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })
  afterAll(() => smtp?.close())

  test('marketing consent: set from the panel with its date and source, one event, filterable; support may not', async () => {
    const [a, b] = await makeClients(ds(), 2)
    const res = await clientApi(admin).record('marketingConsent', a.id, { consent: 'out' })
    expect(res.status).toBe(200)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'marketingConsentSaved' })
    const saved = await ds().getRepository(Client).findOneByOrFail({ id: a.id })
    expect(saved).toMatchObject({ marketingConsent: 'out', marketingConsentSource: 'panel' })
    expect(saved.marketingConsentAt).toBeInstanceOf(Date)
    const events = await ds()
      .getRepository(ClientEvent)
      .findBy({ clientId: a.id, type: 'marketing_consent_changed' })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actor: 'admin@example.com',
      changes: [{ field: 'marketingConsent', from: null, to: 'out' }],
      data: { source: 'panel' },
    })
    // The same consent again: no second event.
    await clientApi(admin).record('marketingConsent', a.id, { consent: 'out' })
    expect(
      await ds().getRepository(ClientEvent).countBy({ clientId: a.id, type: 'marketing_consent_changed' }),
    ).toBe(1)
    // A bad value is a field error, never a 500.
    const bad = await clientApi(admin).record('marketingConsent', b.id, { consent: 'maybe' })
    expect(bad.status).toBe(200)
    expect(bad.body.record?.errors?.consent?.message).toBe('fieldRequired')
    expect((await clientApi(support).record('marketingConsent', b.id, { consent: 'in' })).status).toBe(403)
    // The list filters on it; the client page shows it.
    const list = await clientApi(admin).list(
      `?perPage=500&filters.q=${encodeURIComponent(a.lastName)}&filters.marketingConsent=out`,
    )
    expect((list.body.records as { id: string }[]).map((r) => Number(r.id))).toEqual([a.id])
    const never = await clientApi(admin).list(
      `?perPage=500&filters.q=${encodeURIComponent(a.lastName)}&filters.marketingConsent=unknown`,
    )
    expect((never.body.records as { id: string }[]).map((r) => Number(r.id))).toEqual([b.id])
    const show = await admin.get(`/admin/api/resources/Client/records/${a.id}/show`)
    expect(show.body.record.params).toMatchObject({
      marketingConsent: 'out',
      marketingConsentSource: 'panel',
    })
  })

  test('segment: the list query read with the list rules; the preview counts and lists the skipped with why', async () => {
    const made = await makeClients(
      ds(),
      7,
      (i) =>
        [
          {},
          { email: null },
          { status: 'banned' as const },
          { anonymisedAt: new Date() },
          { marketingConsent: 'out' as const },
          { emailConfirmedAt: null },
          { marketingConsent: 'in' as const, locale: 'fr' },
        ][i],
    )
    const lastName = made[0].lastName
    const campaign = await newCampaign(lastName)
    expect(campaign).toMatchObject({
      status: 'draft',
      throttlePerMinute: 600,
      segment: { 'filters.q': lastName },
    })
    const preview = await demo.clients.campaigns.preview(campaign.id)
    expect(preview).toMatchObject({
      recipients: 2,
      skipped: 5,
      byReason: { noEmail: 1, banned: 1, anonymised: 1, unsubscribed: 1, unconfirmed: 1 },
    })
    expect(preview.skippedClients.map((c) => [c.id, c.reason]).sort()).toEqual(
      [
        [made[1].id, 'noEmail'],
        [made[2].id, 'banned'],
        [made[3].id, 'anonymised'],
        [made[4].id, 'unsubscribed'],
        [made[5].id, 'unconfirmed'],
      ].sort(),
    )
    // The segment is the list's: the same clients as the list for the same query.
    const list = await clientApi(admin).list(`?perPage=500&filters.q=${encodeURIComponent(lastName)}`)
    expect(list.body.meta.total).toBe(preview.recipients + preview.skipped)
    // Unconfirmed addresses when asked.
    const asked = await newCampaign(lastName, { includeUnconfirmed: 'true' })
    expect((await demo.clients.campaigns.preview(asked.id)).recipients).toBe(3)
    // A filter the list does not know, a bad value, deleted clients, a bad name or merge field: field errors.
    const refused = async (input: Record<string, unknown>) =>
      demo.clients.campaigns.create(actor, { name: 'x', subject_en: 'S', text_en: 'T', ...input }).then(
        () => null,
        (error: { fields?: Record<string, string> }) => error.fields ?? error,
      )
    expect(await refused({ segment: { 'filters.nope': '1' } })).toEqual({ segment: 'campaignBadSegment' })
    expect(await refused({ segment: { 'filters.status': 'sleeping' } })).toEqual({
      segment: 'campaignBadSegment',
    })
    expect(await refused({ segment: { 'filters.status': 'deleted' } })).toEqual({
      segment: 'campaignDeletedSegment',
    })
    expect(await refused({ segment: '{not json' })).toEqual({ segment: 'campaignBadSegment' })
    expect(await refused({ name: 'a\u0000b' })).toEqual({ name: 'campaignBadName' })
    expect(await refused({ text_en: 'Hi {{password}}' })).toEqual({ text_en: 'templateUnknownField' })
    expect(await refused({ text_en: '{{#x}}{{/x}}' })).toEqual({ text_en: 'templateTagRefused' })
    expect(await refused({ throttlePerMinute: '0' })).toEqual({ throttlePerMinute: 'campaignBadThrottle' })
  })

  test('a saved view as the segment: the planned recipients are the view’s list rows minus the skipped', async () => {
    const made = await makeClients(
      ds(),
      6,
      (i) => [{}, { locale: 'fr' }, { email: null }, { marketingConsent: 'out' as const }, {}, {}][i],
    )
    // Two of them suspended: the view keeps the active ones only.
    await ds()
      .getRepository(Client)
      .update({ id: In([made[4].id, made[5].id]) }, { status: 'suspended' })
    const lastName = made[0].lastName
    const query = `filters.q=${encodeURIComponent(lastName)}&filters.status=active&sortBy=lastName`
    const views = ds().getRepository(SavedView)
    const view = await views.save(
      views.create({
        name: `Active ${lastName}`,
        resource: 'Client',
        params: Object.fromEntries(new URLSearchParams(query)),
        columns: null,
        owner: 'admin@example.com',
        shared: false,
      }),
    )
    const campaign = await newCampaign('unused', { viewId: String(view.id) })
    expect(campaign).toMatchObject({
      viewId: view.id,
      segment: { 'filters.q': lastName, 'filters.status': 'active' },
    })
    const list = await clientApi(admin).list(`?perPage=500&${query}`)
    const listed = (list.body.records as { id: string }[]).map((r) => Number(r.id)).sort((a, b) => a - b)
    expect(listed).toEqual(made.slice(0, 4).map((c) => c.id))
    const preview = await demo.clients.campaigns.preview(campaign.id, actor)
    expect(preview).toMatchObject({ recipients: 2, skipped: 2, byReason: { noEmail: 1, unsubscribed: 1 } })
    // Another admin does not see a private view: a field error, nothing saved.
    await expect(
      demo.clients.campaigns.create(
        { ...actor, email: 'other@example.com' },
        { name: 'x', subject_en: 'S', text_en: 'T', viewId: String(view.id) },
      ),
    ).rejects.toMatchObject({ fields: { viewId: 'viewNotFound' } })
    await expect(
      demo.clients.campaigns.create(actor, { name: 'x', subject_en: 'S', text_en: 'T', viewId: '999999' }),
    ).rejects.toMatchObject({ fields: { viewId: 'viewNotFound' } })
    // The view changes before the start: the campaign takes the view as it is then.
    await ds().getRepository(Client).update({ id: made[5].id }, { status: 'active' })
    await demo.clients.campaigns.start(actor, campaign.id)
    await demo.clients.campaignRunner.runOnce()
    const frozen = await ds()
      .getRepository(CampaignRecipient)
      .find({ where: { campaignId: campaign.id }, order: { clientId: 'ASC' } })
    const skipped = new Set(preview.skippedClients.map((c) => c.id))
    const after = (await clientApi(admin).list(`?perPage=500&${query}`)).body.records.map(
      (r: { id: string }) => Number(r.id),
    ) as number[]
    expect(frozen.filter((r) => r.status !== 'skipped').map((r) => r.clientId)).toEqual(
      after.filter((id) => !skipped.has(id)).sort((a, b) => a - b),
    )
    expect(frozen.filter((r) => r.status === 'skipped').map((r) => [r.clientId, r.skipReason])).toEqual([
      [made[2].id, 'noEmail'],
      [made[3].id, 'unsubscribed'],
    ])
    await demo.clients.campaigns.change(actor, campaign.id, 'cancel')
  })

  test('the panel: admins write, preview, test and send; support reads; bad input is a field error; changes are POST only', async () => {
    const made = await makeClients(ds(), 3, (i) => (i === 2 ? { email: null } : {}))
    const base = '/admin/api/resources/Campaign'
    const draft = {
      name: 'Panel news',
      segment: JSON.stringify({ 'filters.q': made[0].lastName }),
      subject_en: 'News for {{firstName}}',
      text_en: 'Hello {{fullName}}.',
      throttlePerMinute: '',
    }
    // Support: the list and the reads, never a change.
    expect((await support.post(`${base}/actions/newCampaign`).type('form').send(draft)).status).toBe(403)
    const bad = await admin
      .post(`${base}/actions/newCampaign`)
      .type('form')
      .send({ ...draft, name: '', text_en: 'Hi {{password}}', throttlePerMinute: 'lots' })
    expect(bad.status).toBe(200)
    expect(bad.body.record.errors).toMatchObject({
      name: { message: 'fieldRequired' },
      text_en: { message: 'templateUnknownField' },
      throttlePerMinute: { message: 'campaignBadThrottle' },
    })
    const created = await admin.post(`${base}/actions/newCampaign`).type('form').send(draft)
    expect(created.body.notice).toMatchObject({ type: 'success', message: 'campaignSaved' })
    const id = created.body.campaign.id as number
    expect(created.body.redirectUrl).toContain(`/records/${id}/editCampaign`)
    expect((await support.post(`${base}/records/${id}/editCampaign`).type('form').send(draft)).status).toBe(
      403,
    )
    const choices = await admin.get(`${base}/actions/campaignChoices`)
    expect(choices.body.campaign).toMatchObject({ throttlePerMinute: 600, configured: true })
    const preview = await support.get(`${base}/records/${id}/previewCampaign`)
    expect(preview.body.campaign).toMatchObject({ recipients: 2, skipped: 1, byReason: { noEmail: 1 } })
    expect(preview.body.allowed).toEqual([])
    expect((await admin.get(`${base}/records/${id}/previewCampaign`)).body.allowed).toEqual(
      expect.arrayContaining(['editCampaign', 'startCampaign', 'cancelCampaign']),
    )
    const rendered = await admin.get(`${base}/records/${id}/renderCampaign?clientId=${made[0].id}`)
    expect(rendered.body.campaign.subject).toBe(`News for ${made[0].firstName}`)
    expect(rendered.body.campaign.text).toContain('/unsubscribe?token=')
    const notAClient = await admin.get(`${base}/records/${id}/renderCampaign?clientId=abc`)
    expect([notAClient.status, notAClient.body.record.errors.clientId.message]).toEqual([200, 'invalidValue'])
    const test = await admin
      .post(`${base}/records/${id}/testCampaign`)
      .type('form')
      .send({ clientId: String(made[0].id) })
    expect(test.body.notice).toMatchObject({
      type: 'success',
      message: 'campaignTestSent',
      options: { to: 'admin@example.com' },
    })
    expect(
      await ds()
        .getRepository(EmailLog)
        .countBy({ to: 'admin@example.com', subject: `[TEST] News for ${made[0].firstName}` }),
    ).toBe(1)
    // A GET of a change changes nothing; a bad date is a field error.
    await admin.get(`${base}/records/${id}/startCampaign`)
    expect((await ds().getRepository(Campaign).findOneByOrFail({ id })).status).toBe('draft')
    const badDate = await admin
      .post(`${base}/records/${id}/startCampaign`)
      .type('form')
      .send({ at: 'someday' })
    expect(badDate.body.record.errors.at.message).toBe('invalidValue')
    expect((await support.post(`${base}/records/${id}/startCampaign`).type('form').send({})).status).toBe(403)
    const started = await admin.post(`${base}/records/${id}/startCampaign`).type('form').send({ at: '' })
    expect(started.body.redirectUrl).toContain(`/records/${id}/show`)
    await demo.clients.campaignRunner.runOnce()
    const progress = await support.get(`${base}/records/${id}/campaignProgress`)
    expect(progress.body.campaign).toMatchObject({ status: 'sending', planned: true, queued: 2, skipped: 1 })
    // Editing a started campaign is refused with a notice; pause twice: the second refused.
    const late = await admin.post(`${base}/records/${id}/editCampaign`).type('form').send(draft)
    expect(late.body.notice).toMatchObject({ type: 'error', message: 'campaignStarted' })
    expect((await support.post(`${base}/records/${id}/pauseCampaign`)).status).toBe(403)
    expect((await admin.post(`${base}/records/${id}/pauseCampaign`)).body.notice.message).toBe(
      'campaignPausedNotice',
    )
    expect((await admin.post(`${base}/records/${id}/pauseCampaign`)).body.notice.message).toBe(
      'campaignWrongStatus',
    )
    expect((await admin.post(`${base}/records/${id}/cancelCampaign`)).body.notice.message).toBe(
      'campaignCancelledNotice',
    )
    const list = await support.get(`${base}/actions/list?filters.name=Panel%20news`)
    const row = (list.body.records as { id: string; params: Record<string, unknown> }[]).find(
      (r) => Number(r.id) === id,
    )
    expect(row?.params).toMatchObject({ status: 'cancelled', progress: '0 / 2' })
  })

  test('delivery: frozen once, one email per client however often it runs, headers and link as received; one-click unsubscribe', async () => {
    const made = await makeClients(ds(), 3, (i) => (i === 2 ? { locale: 'fr' } : {}))
    const campaign = await newCampaign(made[0].lastName)
    await demo.clients.campaigns.start(actor, campaign.id)
    // Two passes at once (two instances), then again: the segment frozen once, each client queued once.
    await Promise.all([demo.clients.campaignRunner.runOnce(), demo.clients.campaignRunner.runOnce()])
    await demo.clients.campaignRunner.runOnce()
    expect(await ds().getRepository(CampaignRecipient).countBy({ campaignId: campaign.id })).toBe(3)
    await demo.clients.outbox.drain()
    await demo.clients.outbox.drain()
    // A second outbox row for the same (campaign, client) is refused by the database.
    await expect(
      ds().getRepository(EmailLog).insert({
        clientId: made[0].id,
        campaignId: campaign.id,
        to: 'x@example.com',
        subject: 's',
        body: 'b',
        status: 'queued',
      }),
    ).rejects.toThrow()
    for (const client of made) expect(mailsTo(client.email as string)).toHaveLength(1)
    const [english] = mailsTo(made[0].email as string)
    const [french] = mailsTo(made[2].email as string)
    expect(mailText(english.raw)).toContain(
      `Hello ${made[0].firstName} ${made[0].lastName}, here is our news.`,
    )
    expect(mailText(french.raw)).toContain('Bonjour')
    expect(header(english.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    const link = /^<(http:\/\/panel\.test\/unsubscribe\?token=[^>]+)>$/.exec(
      header(english.raw, 'List-Unsubscribe') ?? '',
    )?.[1]
    expect(link).toBeDefined()
    expect(mailText(english.raw)).toContain(link as string)
    // The EmailLog keeps the text with the token masked.
    const logged = await ds()
      .getRepository(EmailLog)
      .findOneByOrFail({ campaignId: campaign.id, clientId: made[0].id })
    expect(logged).toMatchObject({ status: 'sent', template: 'campaign' })
    expect(logged.body).not.toContain(new URL(link as string).searchParams.get('token') as string)
    await demo.clients.campaignRunner.runOnce()
    expect(await demo.clients.campaigns.progress(campaign.id)).toMatchObject({
      status: 'done',
      sent: 3,
      queued: 0,
      failed: 0,
    })
    // One history entry per client, written set-based, read back as any other entry.
    const sentEvents = await ds()
      .getRepository(ClientEvent)
      .findBy({ clientId: In(made.map((c) => c.id)), type: 'campaign_sent' })
    expect(sentEvents.map((e) => e.clientId).sort((a, b) => Number(a) - Number(b))).toEqual(
      made.map((c) => c.id).sort((a, b) => a - b),
    )
    for (const event of sentEvents) {
      expect(event).toMatchObject({
        actorType: 'admin',
        actor: 'admin@example.com',
        data: { campaignId: campaign.id, campaign: campaign.name },
      })
      expect(event.createdAt).toBeInstanceOf(Date)
    }
    const audits = await ds().getRepository(AdminAuditEntry).findBy({ action: 'campaign_started' })
    expect(audits.filter((a) => (a.details as { campaignId?: number }).campaignId === campaign.id)).toEqual([
      expect.objectContaining({ actor: 'admin@example.com', rowCount: 3 }),
    ])

    // The route: GET shows a confirm page and changes nothing; the one-click POST opts out.
    const path = `/unsubscribe${new URL(link as string).search}`
    const get = await request(demo.app).get(path)
    expect(get.status).toBe(200)
    expect(get.text).toContain('<form method="post"')
    expect((await ds().getRepository(Client).findOneByOrFail({ id: made[0].id })).marketingConsent).toBeNull()
    const post = await request(demo.app).post(path).type('form').send('List-Unsubscribe=One-Click')
    expect(post.status).toBe(200)
    expect(post.text).toContain('You are unsubscribed')
    expect(await ds().getRepository(Client).findOneByOrFail({ id: made[0].id })).toMatchObject({
      marketingConsent: 'out',
      marketingConsentSource: 'unsubscribe',
    })
    // Replayed: a plain "already", no second event.
    const again = await request(demo.app).post(path).type('form').send('List-Unsubscribe=One-Click')
    expect([again.status, again.text.includes('Already unsubscribed')]).toEqual([200, true])
    const consentEvents = await ds()
      .getRepository(ClientEvent)
      .findBy({ clientId: made[0].id, type: 'marketing_consent_changed' })
    expect(consentEvents).toHaveLength(1)
    expect(consentEvents[0]).toMatchObject({
      actorType: 'client',
      data: { source: 'unsubscribe', campaignId: campaign.id },
    })
    // Forged, altered, another client's, garbage, too long: 400 with a clear page, never a 500; nothing changes.
    const token = new URL(link as string).searchParams.get('token') as string
    const [, , signature] = token.split('.')
    const forged = [
      `${campaign.id}.${made[1].id}.${signature}`,
      `${campaign.id}.${made[0].id}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `${campaign.id + 1000}.${made[0].id}.${signature}`,
      'nonsense',
      'x'.repeat(5000),
    ]
    for (const bad of forged) {
      const res = await request(demo.app)
        .post(`/unsubscribe?token=${encodeURIComponent(bad)}`)
        .type('form')
        .send('List-Unsubscribe=One-Click')
      expect([bad.slice(0, 40), res.status, res.text.includes('Ce lien n’est pas valide')]).toEqual([
        bad.slice(0, 40),
        400,
        true,
      ])
    }
    expect((await request(demo.app).get('/unsubscribe')).status).toBe(400)
    expect(
      (
        await request(demo.app)
          .post('/unsubscribe?token[a]=1')
          .send({ token: ['a'] })
      ).status,
    ).toBe(400)
    expect((await ds().getRepository(Client).findOneByOrFail({ id: made[1].id })).marketingConsent).toBeNull()
  })

  test('throttle: no more released in a minute than the throttle, counted in the database', async () => {
    const made = await makeClients(ds(), 7)
    const campaign = await newCampaign(made[0].lastName, { throttlePerMinute: '3' })
    await demo.clients.campaigns.start(actor, campaign.id)
    expect((await demo.clients.campaignRunner.runOnce()).released).toBe(3)
    expect((await demo.clients.campaignRunner.runOnce()).released).toBe(0)
    expect(await ds().getRepository(EmailLog).countBy({ campaignId: campaign.id })).toBe(3)
    const emails = ds().getRepository(EmailLog)
    const ago = (ms: number) => new Date(Date.now() - ms)
    // Released a minute ago but still unsent (delivery behind, or an instance killed with them):
    // they are sent in the next minute, so nothing more is released (counting releases let 3 more go).
    await ds()
      .getRepository(CampaignRecipient)
      .update({ campaignId: campaign.id, status: 'queued' }, { releasedAt: ago(61_000) })
    expect((await demo.clients.campaignRunner.runOnce()).released).toBe(0)
    // Sent now: they count for the next 60 s.
    await demo.clients.outbox.drain()
    expect(await emails.countBy({ campaignId: campaign.id, status: 'sent' })).toBe(3)
    expect((await demo.clients.campaignRunner.runOnce()).released).toBe(0)
    // Sent a minute ago: three more.
    await emails.update({ campaignId: campaign.id, status: 'sent' }, { sentAt: ago(61_000) })
    expect((await demo.clients.campaignRunner.runOnce()).released).toBe(3)
    // Of those three, one unsent, one sent 10 s ago, one sent a minute ago: room for one, the last.
    const [unsent, recent, old] = await emails.find({
      where: { campaignId: campaign.id, status: 'queued' },
      order: { id: 'ASC' },
    })
    expect(unsent).toBeDefined()
    await emails.update({ id: recent.id }, { status: 'sent', sentAt: ago(10_000) })
    await emails.update({ id: old.id }, { status: 'sent', sentAt: ago(61_000) })
    expect((await demo.clients.campaignRunner.runOnce()).released).toBe(1)
    expect(await emails.countBy({ campaignId: campaign.id })).toBe(7)
    await demo.clients.campaigns.change(actor, campaign.id, 'cancel')
  })

  test('pause holds the queued emails, resume sends them, cancel cancels what is not sent', async () => {
    const made = await makeClients(ds(), 5)
    const campaign = await newCampaign(made[0].lastName, { throttlePerMinute: '2' })
    await demo.clients.campaigns.start(actor, campaign.id)
    await demo.clients.campaignRunner.runOnce()
    await demo.clients.campaigns.change(actor, campaign.id, 'pause')
    await demo.clients.outbox.drain()
    expect(made.flatMap((c) => mailsTo(c.email as string))).toHaveLength(0)
    await ds()
      .getRepository(CampaignRecipient)
      .update({ campaignId: campaign.id, status: 'queued' }, { releasedAt: new Date(Date.now() - 61_000) })
    // Room for more under the throttle (the 2 unsent would fill a throttle of 2): only the pause holds them.
    await ds().getRepository(Campaign).update({ id: campaign.id }, { throttlePerMinute: 10 })
    expect((await demo.clients.campaignRunner.runOnce()).released).toBe(0)
    await expect(demo.clients.campaigns.change(actor, campaign.id, 'pause')).rejects.toMatchObject({
      reason: 'campaignWrongStatus',
    })
    await demo.clients.campaigns.change(actor, campaign.id, 'resume')
    await demo.clients.outbox.drain()
    expect(made.flatMap((c) => mailsTo(c.email as string))).toHaveLength(2)
    await demo.clients.campaigns.change(actor, campaign.id, 'cancel')
    expect((await demo.clients.campaignRunner.runOnce()).released).toBe(0)
    await demo.clients.outbox.drain()
    expect(made.flatMap((c) => mailsTo(c.email as string))).toHaveLength(2)
    expect(await demo.clients.campaigns.progress(campaign.id)).toMatchObject({
      status: 'cancelled',
      sent: 2,
      cancelled: 3,
      queued: 0,
    })
    expect(
      (
        await ds()
          .getRepository(AdminAuditEntry)
          .find({
            where: { action: In(['campaign_paused', 'campaign_resumed', 'campaign_cancelled']) },
            order: { id: 'ASC' },
          })
      )
        .filter((a) => (a.details as { campaignId?: number }).campaignId === campaign.id)
        .map((a) => a.action),
    ).toEqual(['campaign_paused', 'campaign_resumed', 'campaign_cancelled'])
    expect(await ds().getRepository(Campaign).findOneByOrFail({ id: campaign.id })).toMatchObject({
      status: 'cancelled',
    })
  })
})
