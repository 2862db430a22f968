import type { Agent } from 'supertest'
import { Client } from '../src/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { mailText, startSmtpServer } from './support/smtpServer.js'
import { statementsOf } from './support/statements.js'

// A campaign's `{{custom.<key>}}` (issues 28 and 29): checked as strictly as the built-in merge
// fields, listed in the editor's choices, filled per recipient in their language, the values of a
// release step read in one query.

const actor = { email: 'admin@example.com', ip: '127.0.0.1', type: 'admin' as const }
const base = '/admin/api/resources/Campaign'

describeEachDatabase('campaigns: custom fields as merge fields', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  const ds = () => database().dataSource
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address))
  const errorsOf = (res: { body: { record?: { errors?: Record<string, { message: string }> } } }) =>
    Object.fromEntries(Object.entries(res.body.record?.errors ?? {}).map(([k, v]) => [k, v.message]))

  /** `count` confirmed clients named `lastName`, each given its custom values through the panel's edit. */
  const makeClients = async (lastName: string, count: number, risk: (i: number) => string) => {
    const repository = ds().getRepository(Client)
    const rows = Array.from({ length: count }, (_, i) =>
      repository.create({
        clientNumber: `CCF${lastName.slice(-3)}${i}`,
        lastName,
        firstName: `Reader${i}`,
        email: `${lastName.toLowerCase()}.${i}@example.com`,
        status: 'active',
        locale: i === 1 ? 'fr' : 'en',
        emailConfirmedAt: new Date(),
      }),
    )
    await repository.save(rows)
    const made = await repository.find({ where: { lastName }, order: { id: 'ASC' } })
    for (const [i, client] of made.entries()) {
      const res = await admin
        .post(`/admin/api/resources/Client/records/${client.id}/edit`)
        .type('form')
        .send({ cf__risk: risk(i), cf__income: '1234.5' })
      expect(errorsOf(res)).toEqual({})
    }
    return made
  }

  const draft = (lastName: string, extra: Record<string, string> = {}) => ({
    name: `Profile of ${lastName}`,
    segment: JSON.stringify({ 'filters.q': lastName }),
    subject_en: 'Your profile, {{firstName}}',
    text_en: 'Your risk profile: {{custom.risk}}; income {{custom.income}}.',
    subject_fr: 'Votre profil, {{firstName}}',
    text_fr: 'Votre profil de risque : {{custom.risk}}.',
    throttlePerMinute: '',
    ...extra,
  })

  beforeAll(async () => {
    smtp = await startSmtpServer()
    demo = await seededDemo(database(), {
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
      outbox: { maxAttempts: 3, backoffBaseMs: 1, backoffMaxMs: 5, jitter: 0 },
      publicUrl: 'http://panel.test',
    })
    admin = await loginAs(demo.app, 'admin@example.com')
    for (const field of [
      {
        key: 'risk',
        type: 'choice',
        labelFr: 'Profil de risque',
        labelEn: 'Risk profile',
        choices: 'prudent | Prudent | Cautious\ndynamique | Dynamique | Dynamic',
      },
      { key: 'income', type: 'money', labelFr: 'Revenus', labelEn: 'Income' },
    ]) {
      const res = await admin.post('/admin/api/resources/CustomField/actions/new').type('form').send(field)
      expect(errorsOf(res)).toEqual({})
    }
  })
  afterAll(() => smtp?.close())

  test('an unknown custom key is a field error; the editor lists the fields in use with their labels', async () => {
    const bad = await admin
      .post(`${base}/actions/newCampaign`)
      .type('form')
      .send(draft('Unknown', { text_en: 'Hi {{custom.nope}}', subject_fr: 'Pour {{custom.Risk}}' }))
    expect(bad.status).toBe(200)
    expect(errorsOf(bad)).toMatchObject({
      text_en: 'templateUnknownField',
      subject_fr: 'templateUnknownField',
    })
    const choices = await admin.get(`${base}/actions/campaignChoices`)
    expect(choices.body.campaign.mergeFields).toEqual(
      expect.arrayContaining(['firstName', 'custom.risk', 'custom.income']),
    )
    expect(choices.body.campaign.customFields).toEqual([
      { name: 'custom.risk', labelFr: 'Profil de risque', labelEn: 'Risk profile' },
      { name: 'custom.income', labelFr: 'Revenus', labelEn: 'Income' },
    ])
  })

  test('each recipient receives their own value in their language; a release step reads the values in one query', async () => {
    const made = await makeClients('Profiled', 3, (i) => (i === 2 ? 'prudent' : 'dynamique'))
    const created = await admin.post(`${base}/actions/newCampaign`).type('form').send(draft('Profiled'))
    expect(created.body.notice).toMatchObject({ type: 'success', message: 'campaignSaved' })
    const id = created.body.campaign.id as number
    const rendered = await admin.get(`${base}/records/${id}/renderCampaign?clientId=${made[0].id}`)
    expect(rendered.body.campaign.text).toContain('Your risk profile: Dynamic; income 1234.50.')
    await demo.clients.campaigns.start(actor, id)
    const three = await statementsOf(ds(), () => demo.clients.campaignRunner.runOnce())
    await demo.clients.outbox.drain()
    await demo.clients.outbox.drain()
    expect(mailText(mailsTo(made[0].email as string)[0].raw)).toContain('Your risk profile: Dynamic;')
    expect(mailText(mailsTo(made[1].email as string)[0].raw)).toContain('Votre profil de risque : Dynamique.')
    expect(mailText(mailsTo(made[2].email as string)[0].raw)).toContain('Your risk profile: Cautious;')

    // One recipient costs the release what three do.
    const [alone] = await makeClients('Solitary', 1, () => 'prudent')
    const single = await admin.post(`${base}/actions/newCampaign`).type('form').send(draft('Solitary'))
    // The first campaign's last pass (marked done), so the pass measured below releases the second only.
    await demo.clients.campaignRunner.runOnce()
    await demo.clients.campaigns.start(actor, single.body.campaign.id as number)
    const one = await statementsOf(ds(), () => demo.clients.campaignRunner.runOnce())
    expect(three).toBe(one)
    await demo.clients.outbox.drain()
    expect(mailText(mailsTo(alone.email as string)[0].raw)).toContain('Your risk profile: Cautious;')
  })
})
