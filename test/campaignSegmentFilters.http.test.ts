import type { Agent } from 'supertest'
import {
  AdminAuditEntry,
  Advisor,
  Campaign,
  CampaignRecipient,
  Client,
  ClientEvent,
  ClientTag,
  Contract,
  EmailLog,
  Tag,
  refreshClientAdvisors,
} from '../src/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'
import { startSmtpServer } from './support/smtpServer.js'
import { sqlOf, statementsOf } from './support/statements.js'

// Issue 29's segment filters (advisor, tags, custom fields, contract type and state, language):
// the clients a campaign's segment resolves to — in the editor's live preview of an unsaved
// draft and in the recipients frozen when it starts — are the client list's rows for the same
// filter; the draft's preview writes nothing; bad input is a field error, never a 500.

const actor = { email: 'admin@example.com', ip: '127.0.0.1', type: 'admin' as const }
const base = '/admin/api/resources/Campaign'
const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b)
const errorsOf = (res: { body: { record?: { errors?: Record<string, { message: string }> } } }) =>
  Object.fromEntries(Object.entries(res.body.record?.errors ?? {}).map(([k, v]) => [k, v.message]))

describeEachDatabase('campaigns: segment filters equal the client list', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let support: Agent
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  const ds = () => database().dataSource
  const lastName = `Segfilter${process.pid % 1000}`
  let made: Client[] = []
  let advisor: Advisor
  const tags: Tag[] = []

  const draft = (filters: Record<string, string>, extra: Record<string, string> = {}) => ({
    name: '',
    segment: JSON.stringify({
      'filters.q': lastName,
      ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [`filters.${k}`, v])),
    }),
    subject_en: 'Hello {{firstName}}',
    text_en: 'News for {{fullName}}.',
    ...extra,
  })
  const previewDraft = (values: Record<string, string>) =>
    admin.post(`${base}/actions/previewCampaignDraft`).type('form').send(values)

  /** The client list's rows (ids) for these filters, as the panel asks for them. */
  const listIds = async (filters: Record<string, string>) => {
    const query = new URLSearchParams({ perPage: '500', 'filters.q': lastName })
    for (const [key, value] of Object.entries(filters)) query.set(`filters.${key}`, value)
    const res = await clientApi(admin).list(`?${query.toString()}`)
    expect(res.status).toBe(200)
    return ascending((res.body.records as { id: string }[]).map((r) => Number(r.id)))
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    demo = await seededDemo(database(), {
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
      outbox: { maxAttempts: 3, backoffBaseMs: 1, backoffMaxMs: 5, jitter: 0 },
      publicUrl: 'http://panel.test',
    })
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
    const field = await admin.post('/admin/api/resources/CustomField/actions/new').type('form').send({
      key: 'segrisk',
      type: 'choice',
      labelFr: 'Profil',
      labelEn: 'Profile',
      choices: 'prudent | Prudent | Cautious\ndynamique | Dynamique | Dynamic',
    })
    expect(errorsOf(field)).toEqual({})
    const clients = ds().getRepository(Client)
    await clients.save(
      Array.from({ length: 8 }, (_, i) =>
        clients.create({
          clientNumber: `SGF${process.pid % 1000}X${i}`,
          lastName,
          firstName: `Reader${i}`,
          email: `segfilter${process.pid % 1000}.${i}@example.com`,
          status: 'active',
          locale: i % 2 === 0 ? 'en' : 'fr',
          emailConfirmedAt: new Date(),
        }),
      ),
    )
    made = await clients.find({ where: { lastName }, order: { id: 'ASC' } })
    advisor = await ds()
      .getRepository(Advisor)
      .save({ code: `SGF${process.pid % 1000}`, lastName: 'Advisorseg', active: true })
    // Referent of 0; advisor of 2's contract: both are the advisor's clients.
    await clients.update({ id: made[0].id }, { advisorId: advisor.id })
    const contract = (i: number, product: string, status: 'active' | 'suspended' | 'terminated') => ({
      reference: `SGF${process.pid % 1000}-${i}-${product}`,
      clientId: made[i].id,
      advisorId: i === 2 ? advisor.id : null,
      product,
      status,
    })
    await ds()
      .getRepository(Contract)
      .save([
        contract(0, 'Vie', 'active'),
        contract(1, 'Vie', 'terminated'),
        contract(2, 'Santé', 'suspended'),
        contract(3, 'Vie', 'suspended'),
        contract(3, 'Santé', 'active'),
      ])
    await ds().transaction((manager) =>
      refreshClientAdvisors(
        manager,
        made.map((c) => c.id),
      ),
    )
    for (const name of ['SegA', 'SegB'])
      tags.push(
        await ds()
          .getRepository(Tag)
          .save({
            name: `${name}${process.pid % 1000}`,
            nameKey: `${name}${process.pid % 1000}`.toLowerCase(),
            colour: 'blue',
          }),
      )
    await ds()
      .getRepository(ClientTag)
      .save([
        { clientId: made[0].id, tagId: tags[0].id },
        { clientId: made[1].id, tagId: tags[0].id },
        { clientId: made[1].id, tagId: tags[1].id },
        { clientId: made[2].id, tagId: tags[1].id },
      ])
    for (const [i, risk] of [
      [4, 'prudent'],
      [5, 'dynamique'],
      [6, 'prudent'],
    ] as const) {
      const res = await admin
        .post(`/admin/api/resources/Client/records/${made[i].id}/edit`)
        .type('form')
        .send({ cf__segrisk: risk })
      expect(errorsOf(res)).toEqual({})
    }
  })
  afterAll(() => smtp?.close())

  const cases: [string, Record<string, string>, number[]][] = [
    ['advisor', { advisor: '' }, [0, 2]],
    ['tags, any', { tags: '', tagMode: 'any' }, [0, 1, 2]],
    ['tags, all', { tags: '', tagMode: 'all' }, [1]],
    ['tags, none', { tags: '', tagMode: 'none' }, [3, 4, 5, 6, 7]],
    ['advisor and a tag', { advisor: '', tags: 'B' }, [2]],
    ['custom field', { customFields: 'segrisk:any:prudent' }, [4, 6]],
    ['contract type', { contractProduct: 'Vie' }, [0, 1, 3]],
    ['contract state', { contractStatus: 'suspended' }, [2, 3]],
    [
      'contract type and state (the same contract)',
      { contractProduct: 'Vie', contractStatus: 'suspended' },
      [3],
    ],
    ['contract type and state, none such', { contractProduct: 'Santé', contractStatus: 'terminated' }, []],
    ['language', { locale: 'fr' }, [1, 3, 5, 7]],
    ['language and contract state', { locale: 'en', contractStatus: 'active' }, [0]],
  ]
  /** The case's filters with the advisor's and tags' ids filled in. */
  const filled = (filters: Record<string, string>) => {
    const out = { ...filters }
    if ('advisor' in out) out.advisor = String(advisor.id)
    if (out.tags === '') out.tags = tags.map((t) => t.id).join(',')
    if (out.tags === 'B') out.tags = String(tags[1].id)
    return out
  }

  test.each(cases)(
    '%s: the draft preview and the frozen recipients are the list’s rows',
    async (_, filters, expected) => {
      const f = filled(filters)
      const listed = await listIds(f)
      expect(listed).toEqual(expected.map((i) => made[i].id))
      const res = await previewDraft(draft(f))
      expect(res.status).toBe(200)
      expect(errorsOf(res)).toEqual({})
      const preview = res.body.campaign
      expect(preview.skipped).toBe(0)
      expect(ascending(preview.firstRecipients.map((c: { id: number }) => c.id))).toEqual(listed)
      if (listed.length > 0) expect(preview.email.clientId).toBe(preview.firstRecipients[0].id)
      else expect(preview.email).toBeNull()
      // Saved and started: the recipients frozen by the plan (a set-based INSERT … SELECT) are the same.
      const campaign = await demo.clients.campaigns.create(actor, {
        ...draft(f),
        name: `Segment ${_}`,
      })
      await demo.clients.campaigns.start(actor, campaign.id)
      await demo.clients.campaignRunner.runOnce()
      const frozen = await ds().getRepository(CampaignRecipient).findBy({ campaignId: campaign.id })
      expect(ascending(frozen.map((r) => r.clientId))).toEqual(listed)
      // Cancelled before it mails anyone (an empty one ends by itself: nothing to cancel).
      if (listed.length > 0) await demo.clients.campaigns.change(actor, campaign.id, 'cancel')
    },
  )

  test('the list: a contract or language filter costs the same statements for 1 client as for 4 (no N+1)', async () => {
    // (None of those clients has a referent advisor: AdminJS reads the page's advisors in one more.)
    const few = await statementsOf(ds(), () =>
      listIds({ contractProduct: 'Santé', contractStatus: 'active' }),
    )
    const many = await statementsOf(ds(), () => listIds({ locale: 'fr', contractStatus: '' }))
    expect(few).toBe(many)
    // A value the list does not take is dropped by the list (never a 500), refused by a segment.
    expect(await listIds({ contractStatus: 'sleeping', locale: 'de' })).toEqual(made.map((c) => c.id))
  })

  test('the draft preview follows the unsaved draft, as any recipient, and writes nothing', async () => {
    const counts = () =>
      Promise.all(
        [Campaign, CampaignRecipient, EmailLog, AdminAuditEntry, ClientEvent].map((entity) =>
          ds().getRepository(entity).count(),
        ),
      )
    const before = await counts()
    const chosen = made[3]
    const res = await previewDraft({
      ...draft({ locale: 'fr' }, { subject_fr: 'Bonjour {{firstName}}', text_fr: 'Pour {{fullName}}.' }),
      clientId: String(chosen.id),
    })
    expect(res.body.campaign).toMatchObject({
      recipients: 4,
      skipped: 0,
      errors: {},
      email: { clientId: chosen.id, subject: `Bonjour ${chosen.firstName}`, language: 'fr' },
    })
    // A message that does not read yet: its field error, the count still there, no email.
    const typing = await previewDraft(draft({ locale: 'en' }, { text_en: 'Hi {{password}}' }))
    expect(typing.body.campaign).toMatchObject({
      recipients: 4,
      email: null,
      errors: { text_en: 'templateUnknownField' },
    })
    // A GET runs nothing; support may not preview drafts.
    expect((await admin.get(`${base}/actions/previewCampaignDraft`)).body.campaign).toBeUndefined()
    expect(
      (await support.post(`${base}/actions/previewCampaignDraft`).type('form').send(draft({}))).status,
    ).toBe(403)
    expect(await counts()).toEqual(before)
    // No INSERT, UPDATE or DELETE either (a rolled-back write would leave the counts alone).
    const sql = await sqlOf(ds(), () =>
      previewDraft({ ...draft({ contractProduct: 'Vie' }), clientId: String(made[0].id) }),
    )
    // (The session store renews the admin's session: not the preview's write.)
    const writes = sql.filter(
      (query) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(query) && !/sessions\b/.test(query),
    )
    expect(writes).toEqual([])
  })

  test('bad input is a field error, never a 500', async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [draft({ contractStatus: 'sleeping' }), { segment: 'campaignBadSegment' }],
      [draft({ locale: 'de' }), { segment: 'campaignBadSegment' }],
      [draft({ contractProduct: 'x'.repeat(121) }), { segment: 'campaignBadSegment' }],
      [draft({ contractProduct: 'Vie\u0000' }), { segment: 'campaignBadSegment' }],
      [draft({ advisor: 'abc' }), { segment: 'campaignBadSegment' }],
      [draft({ tags: '1,,2' }), { segment: 'campaignBadSegment' }],
      [draft({ tagMode: 'some' }), { segment: 'campaignBadSegment' }],
      [draft({ customFields: 'segrisk:like:%' }), { segment: 'campaignBadSegment' }],
      [draft({ status: 'deleted' }), { segment: 'campaignDeletedSegment' }],
      [{ ...draft({}), segment: '{oops' }, { segment: 'campaignBadSegment' }],
      [{ ...draft({}), viewId: 'x' }, { viewId: 'invalidValue' }],
      [{ ...draft({}), viewId: '999999' }, { viewId: 'viewNotFound' }],
      [{ ...draft({}), clientId: 'abc' }, { clientId: 'invalidValue' }],
      [{ ...draft({}), campaignId: '-1' }, { campaignId: 'invalidValue' }],
    ]
    for (const [values, errors] of cases) {
      const res = await previewDraft(values)
      expect([res.status, errorsOf(res)]).toEqual([200, errors])
      expect(res.body.campaign).toBeUndefined()
    }
    // The same rules when saved: the segment is checked with the list's own.
    await expect(
      demo.clients.campaigns.create(actor, { ...draft({ contractStatus: 'sleeping' }), name: 'x' }),
    ).rejects.toMatchObject({ fields: { segment: 'campaignBadSegment' } })
    // A client that is not there: a notice, not a 500.
    const gone = await previewDraft({ ...draft({}), clientId: '2147483000' })
    expect(gone.status).toBe(200)
    expect(gone.body.notice).toMatchObject({ type: 'error' })
  })
})
