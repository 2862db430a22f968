import type { Agent } from 'supertest'
import { In } from 'typeorm'
import {
  AdminAuditEntry,
  Client,
  ClientCustomValue,
  CustomField,
  EmailLog,
  EmailTemplate,
} from '../src/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { clientApi, eventsOf, lastEmailOf } from './support/clientApi.js'
import { findClient, findClients } from './support/findClients.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { mailText, startSmtpServer, type ReceivedMail } from './support/smtpServer.js'

const BASE = '/admin/api/resources/EmailTemplate/actions'

function templateApi(agent: Agent) {
  return {
    overview: () => agent.get(`${BASE}/emailTemplates`),
    details: (template: string, language: string) =>
      agent.get(`${BASE}/emailTemplate?template=${template}&language=${language}`),
    post: (action: string, payload: Record<string, string>) =>
      agent.post(`${BASE}/${action}`).type('form').send(payload),
  }
}

/** The HTML part of a received email, decoded (quoted-printable bytes read as UTF-8). */
const htmlPart = (mail: ReceivedMail) => {
  const raw = mailText(mail.raw)
  return raw.slice(raw.indexOf('Content-Type: text/html'))
}

describeEachDatabase('email templates edited in the panel', (database) => {
  let demo: SeededDemo
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource
  const audit = () =>
    ds()
      .getRepository(AdminAuditEntry)
      .find({ order: { id: 'ASC' } })
  const overrides = () =>
    ds()
      .getRepository(EmailTemplate)
      .find({ order: { id: 'ASC' } })

  beforeAll(async () => {
    smtp = await startSmtpServer()
    demo = await seededDemo(database(), {
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
      outbox: { maxAttempts: 2, backoffBaseMs: 1, backoffMaxMs: 5, jitter: 0 },
    })
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })
  afterAll(() => smtp?.close())

  /** Sends what is queued and returns what the SMTP server got for `to` since `from`. */
  async function delivered(to: string, from: number): Promise<ReceivedMail[]> {
    for (let i = 0; i < 50; i += 1) {
      await demo.clients.outbox.drain()
      const got = smtp.received.slice(from).filter((m) => m.to.includes(to))
      if (got.length > 0) return got
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error(`nothing delivered to ${to}`)
  }

  test('the list has every template in French and English, the shipped ones included', async () => {
    const res = await templateApi(admin).overview()
    expect(res.status).toBe(200)
    const rows = res.body.emailTemplate as {
      key: string
      language: string
      edited: boolean
      subject: string
    }[]
    expect(rows.map((r) => `${r.key}:${r.language}`)).toEqual(
      expect.arrayContaining(['confirmation:fr', 'confirmation:en', 'suspended:fr', 'paymentReminder:fr']),
    )
    expect(rows).toHaveLength(18)
    expect(rows.every((r) => r.edited === false)).toBe(true)
    expect(rows.find((r) => r.key === 'paymentReminder' && r.language === 'fr')?.subject).toBe(
      'Relance impayé',
    )
    const one = await templateApi(admin).details('confirmation', 'en')
    expect(one.body.emailTemplate).toMatchObject({
      key: 'confirmation',
      language: 'en',
      edited: false,
      required: ['link'],
      fields: expect.arrayContaining(['firstName', 'lastName', 'clientNumber', 'companyName', 'link']),
    })
  })

  test('a bad merge field and a missing link are refused with field errors, nothing written', async () => {
    const before = { audit: (await audit()).length, rows: (await overrides()).length }
    const bad = await templateApi(admin).post('saveEmailTemplate', {
      template: 'suspended',
      language: 'fr',
      subject: 'Compte suspendu',
      text: 'Bonjour {{fistName}},\n{{reason}}',
    })
    expect(bad.status).toBe(200)
    expect(bad.body.record.errors).toEqual({
      text: expect.objectContaining({ message: 'templateUnknownField' }),
    })
    const noLink = await templateApi(admin).post('saveEmailTemplate', {
      template: 'confirmation',
      language: 'en',
      subject: 'Confirm {{firstName}',
      text: 'Please confirm your address.',
      html: '<p>{{#link}}x{{/link}}</p>',
    })
    expect(noLink.body.record.errors).toEqual({
      subject: expect.objectContaining({ message: 'templateSyntax' }),
      text: expect.objectContaining({ message: 'templateLinkRequired' }),
      html: expect.objectContaining({ message: 'templateTagRefused' }),
    })
    const tooLong = await templateApi(admin).post('saveEmailTemplate', {
      template: 'suspended',
      language: 'fr',
      subject: 'x'.repeat(201),
      text: '{{reason}}',
    })
    expect(tooLong.body.record.errors.subject.message).toBe('tooLong')
    const unknown = await templateApi(admin).post('saveEmailTemplate', {
      template: 'nope',
      language: 'de',
      subject: 'x',
      text: 'y',
    })
    expect(unknown.body.record.errors).toEqual({
      template: expect.objectContaining({ message: 'invalidValue' }),
      language: expect.objectContaining({ message: 'invalidValue' }),
    })
    expect({ audit: (await audit()).length, rows: (await overrides()).length }).toEqual(before)
  })

  test('support may neither read nor change the templates', async () => {
    const before = (await overrides()).length
    expect((await templateApi(support).overview()).status).toBe(403)
    expect((await templateApi(support).details('suspended', 'fr')).status).toBe(403)
    const payload = { template: 'suspended', language: 'fr', subject: 'S', text: '{{reason}}' }
    expect((await templateApi(support).post('saveEmailTemplate', payload)).status).toBe(403)
    expect((await templateApi(support).post('testEmailTemplate', payload)).status).toBe(403)
    expect((await templateApi(support).post('resetEmailTemplate', payload)).status).toBe(403)
    expect((await support.get('/admin/api/resources/EmailTemplate/actions/list')).status).toBe(403)
    expect((await overrides()).length).toBe(before)
  })

  test('preview for a real client, and a test sent to the admin arrives on the SMTP server', async () => {
    const client = await findClient(ds(), { status: 'active' })
    const draft = {
      template: 'suspended',
      language: 'en',
      subject: 'Account {{clientNumber}} on hold',
      text: 'Dear {{fullName}},\nYour account is on hold: {{reason}}.\n{{companyName}}',
    }
    const preview = await templateApi(admin).post('previewEmailTemplate', {
      ...draft,
      clientId: String(client.id),
    })
    expect(preview.body.emailTemplate.subject).toBe(`Account ${client.clientNumber} on hold`)
    const name = [client.firstName, client.lastName].filter(Boolean).join(' ')
    expect(preview.body.emailTemplate.text).toContain(`Dear ${name},`)
    expect(preview.body.emailTemplate.text).toContain('Unpaid invoices')
    // A preview writes nothing; an unknown client is a field error.
    expect((await overrides()).length).toBe(0)
    const missing = await templateApi(admin).post('previewEmailTemplate', { ...draft, clientId: '99999999' })
    expect(missing.body.record.errors.clientId.message).toBe('notFound')

    const from = smtp.received.length
    const sent = await templateApi(admin).post('testEmailTemplate', { ...draft, clientId: String(client.id) })
    expect(sent.body.notice).toMatchObject({ type: 'success', message: 'emailTemplateTestSent' })
    const log = await ds()
      .getRepository(EmailLog)
      .findOneOrFail({ where: { to: 'admin@example.com' }, order: { id: 'DESC' } })
    expect(log).toMatchObject({ clientId: client.id, template: 'suspended', actor: 'admin@example.com' })
    const [mail] = await delivered('admin@example.com', from)
    const text = mailText(mail.raw)
    expect(text).toContain(`Subject: [TEST] Account ${client.clientNumber} on hold`)
    expect(text).toContain(`Dear ${name},`)
    // A test changes no template.
    expect((await overrides()).length).toBe(0)
  })

  test('an edited template is used by the next suspension email, in French and in English; history; back to the default', async () => {
    const [fr, en] = await findClients(ds(), { status: 'active' }, 2)
    await ds().getRepository(Client).update(fr.id, { locale: 'fr' })
    await ds().getRepository(Client).update(en.id, { locale: 'en' })
    const save = (language: string, subject: string, text: string) =>
      templateApi(admin).post('saveEmailTemplate', { template: 'suspended', language, subject, text })
    const savedFr = await save(
      'fr',
      'Suspension de {{clientNumber}}',
      'Chère cliente, cher client,\nMotif : {{reason}}\nLa direction',
    )
    expect(savedFr.body.notice).toMatchObject({ type: 'success', message: 'emailTemplateSaved' })
    expect(savedFr.body.emailTemplate).toMatchObject({ edited: true, updatedBy: 'admin@example.com' })
    await save('en', 'Suspension of {{clientNumber}}', 'Dear client,\nReason: {{reason}}\nThe management')

    const from = smtp.received.length
    for (const c of [fr, en]) {
      const res = await clientApi(admin).record('suspend', c.id, { reason: 'Unpaid', notify: 'true' })
      expect(res.body.notice).toMatchObject({ type: 'success' })
    }
    const frLog = await lastEmailOf(ds(), fr.id, 'suspended')
    expect(frLog.subject).toBe(`Suspension de ${fr.clientNumber}`)
    expect(frLog.body).toBe('Chère cliente, cher client,\nMotif : Unpaid\nLa direction')
    const enLog = await lastEmailOf(ds(), en.id, 'suspended')
    expect(enLog.body).toBe('Dear client,\nReason: Unpaid\nThe management')
    const [enMail] = await delivered(en.email as string, from)
    expect(mailText(enMail.raw)).toContain('Dear client,')

    // History: who, when, before → after.
    const details = await templateApi(admin).details('suspended', 'fr')
    const [change] = details.body.emailTemplate.history
    expect(change).toMatchObject({ action: 'email_template_saved', actor: 'admin@example.com' })
    expect(change.changes).toEqual([
      { field: 'subject', from: 'Votre compte a été suspendu', to: 'Suspension de {{clientNumber}}' },
      {
        field: 'text',
        from: expect.stringContaining('Bonjour {{fullName}}'),
        to: expect.stringContaining('La direction'),
      },
    ])
    const entry = (await audit()).at(-1) as AdminAuditEntry
    expect(entry).toMatchObject({
      action: 'email_template_saved',
      actor: 'admin@example.com',
      ip: '127.0.0.1',
    })

    // Back to the default: the row goes, the change is kept, the next email has the shipped text.
    const reset = await templateApi(admin).post('resetEmailTemplate', {
      template: 'suspended',
      language: 'fr',
    })
    expect(reset.body.emailTemplate).toMatchObject({
      edited: false,
      current: { subject: 'Votre compte a été suspendu' },
    })
    expect(reset.body.emailTemplate.history.map((h: { action: string }) => h.action)).toEqual([
      'email_template_reset',
      'email_template_saved',
    ])
    expect((await overrides()).map((r) => `${r.templateKey}:${r.language}`)).toEqual(['suspended:en'])
    await clientApi(admin).record('reactivate', fr.id, {})
    await clientApi(admin).record('suspend', fr.id, { reason: 'Again', notify: 'true' })
    const again = await lastEmailOf(ds(), fr.id, 'suspended')
    expect(again.subject).toBe('Votre compte a été suspendu')
    expect(again.body).toContain('Motif : Again')
    await templateApi(admin).post('resetEmailTemplate', { template: 'suspended', language: 'en' })
  })

  test('ban and reactivation can tell the client too, with their templates in the client’s language', async () => {
    const client = await findClient(ds(), { status: 'active' })
    await ds().getRepository(Client).update(client.id, { locale: 'en' })
    await templateApi(admin).post('saveEmailTemplate', {
      template: 'reactivated',
      language: 'en',
      subject: 'Welcome back, {{firstName}}',
      text: 'Your account {{clientNumber}} works again.',
    })
    const banned = await clientApi(admin).record('ban', client.id, { reason: 'Fraud', notify: 'true' })
    expect(banned.body.notice).toMatchObject({ type: 'success', message: 'clientBanned' })
    const banLog = await lastEmailOf(ds(), client.id, 'banned')
    expect(banLog.subject).toBe('Your account has been closed')
    expect(banLog.body).toContain('Reason: Fraud')
    await clientApi(admin).record('reactivate', client.id, { notify: 'true' })
    const back = await lastEmailOf(ds(), client.id, 'reactivated')
    expect(back.subject).toBe(`Welcome back, ${client.firstName ?? ''}`.trim())
    expect(back.body).toBe(`Your account ${client.clientNumber} works again.`)
    await templateApi(admin).post('resetEmailTemplate', { template: 'reactivated', language: 'en' })
  })

  test('the client area’s confirmation email uses the edited template; its token stays masked in the log', async () => {
    const saved = await templateApi(admin).post('saveEmailTemplate', {
      template: 'confirmation',
      language: 'fr',
      subject: 'Bienvenue chez {{companyName}}',
      text: 'Bonjour {{firstName}},\nConfirmez ici : {{link}} (valable {{hours}} h).',
      html: '<p>Bonjour {{firstName}}, <a href="{{link}}">confirmez</a>.</p>',
    })
    expect(saved.body.emailTemplate).toMatchObject({ edited: true })
    const registered = await demo.clients.accounts.register({
      lastName: 'Nouveau',
      firstName: 'Élise',
      email: 'elise.template@example.com',
      password: 'Un-mot-de-passe-solide-42',
      locale: 'fr',
      ip: '127.0.0.1',
    })
    expect(registered.confirmationSent).toBe(true)
    const log = await lastEmailOf(ds(), registered.client?.id as number, 'confirmation')
    expect(log.subject).toBe('Bienvenue chez Cabinet Démo')
    expect(log.body).toMatch(/^Bonjour Élise,\nConfirmez ici : https?:\/\/\S+token=••••••/)
    const from = smtp.received.length
    const [mail] = await delivered('elise.template@example.com', from)
    expect(htmlPart(mail)).toMatch(
      /<p>Bonjour Élise, <a href="https?:\/\/[^"]+token=[A-Za-z0-9_-]{20,}">confirmez<\/a>/,
    )
    await templateApi(admin).post('resetEmailTemplate', { template: 'confirmation', language: 'fr' })
  })

  test('a <script> in a merge value arrives escaped in the HTML body an admin wrote', async () => {
    const client = await findClient(ds(), { status: 'active' })
    await ds()
      .getRepository(Client)
      .update(client.id, { lastName: '<script>alert(1)</script>', locale: 'en' })
    const saved = await templateApi(admin).post('saveEmailTemplate', {
      template: 'suspended',
      language: 'en',
      subject: 'Suspended',
      text: 'Hello {{lastName}}: {{reason}}',
      html: '<h1>Hello {{lastName}}</h1><p>{{reason}}</p>',
    })
    expect(saved.body.emailTemplate.current.html).toContain('<h1>')
    const from = smtp.received.length
    await clientApi(admin).record('suspend', client.id, {
      reason: '<img src=x onerror=alert(2)>',
      notify: 'true',
    })
    const [mail] = await delivered(client.email as string, from)
    const html = htmlPart(mail)
    expect(html).toContain('<h1>Hello &lt;script&gt;alert(1)&lt;/script&gt;</h1>')
    expect(html).toContain('<p>&lt;img src=x onerror=alert(2)&gt;</p>')
    expect(html).not.toContain('<script>')
    await templateApi(admin).post('resetEmailTemplate', { template: 'suspended', language: 'en' })
  })

  test('the admin’s email can start from a message template: its fields filled per client', async () => {
    const [a, b] = await findClients(ds(), { status: 'active' }, 2)
    const list = await clientApi(support).list()
    expect(list.status).toBe(200)
    const starters = await support.get('/admin/api/resources/Client/actions/messageTemplates')
    expect(starters.status).toBe(200)
    const reminder = starters.body.emailTemplate.find(
      (m: { key: string; language: string }) => m.key === 'paymentReminder' && m.language === 'fr',
    )
    expect(reminder.subject).toBe('Relance impayé')
    const res = await clientApi(support).bulk('bulkSendEmail', [a.id, b.id], {
      template: 'paymentReminder:fr',
      subject: reminder.subject,
      body: reminder.text,
    })
    expect(res.body.notice).toMatchObject({ type: 'success' })
    for (const c of [a, b]) {
      const log = await lastEmailOf(ds(), c.id, 'paymentReminder')
      expect(log.body).toContain(`votre compte ${c.clientNumber}`)
      expect(log.body).not.toContain('{{')
      expect((await eventsOf(ds(), c.id, 'email_sent')).at(-1)?.data).toMatchObject({
        template: 'paymentReminder',
      })
    }
    const bad = await clientApi(support).record('sendEmail', a.id, {
      template: 'paymentReminder',
      subject: 'Hi',
      body: 'Hi {{balance}}',
    })
    expect(bad.body.record.errors.body.message).toBe('templateUnknownField')
    // A blank email keeps what the admin typed as it is.
    await clientApi(support).record('sendEmail', a.id, { subject: 'Hi', body: 'Typed {{firstName}}' })
    expect((await lastEmailOf(ds(), a.id, 'custom')).body).toContain('Typed {{firstName}}')
  })

  test('the system emails take {{custom.<key>}} too: strict on save, filled per client when a suspension or a reset link is sent', async () => {
    const define = (fields: Record<string, string>) =>
      admin.post('/admin/api/resources/CustomField/actions/new').type('form').send(fields)
    await define({
      key: 'mail_risk',
      type: 'choice',
      labelFr: 'Profil',
      labelEn: 'Profile',
      choices: 'prudent | Prudent | Cautious\ndynamique | Dynamique | Dynamic',
    })
    await define({ key: 'mail_file', type: 'shortText', labelFr: 'Dossier', labelEn: 'File' })
    const fields = await ds()
      .getRepository(CustomField)
      .find({ where: { key: In(['mail_risk', 'mail_file']) }, order: { key: 'ASC' } })
    const [file, risk] = fields
    expect(fields.map((f) => f.key)).toEqual(['mail_file', 'mail_risk'])
    const [a, b] = await findClients(ds(), { status: 'active' }, 2)
    try {
      await ds().getRepository(Client).update([a.id, b.id], { locale: 'fr' })
      const values = ds().getRepository(ClientCustomValue)
      await values.insert([
        { clientId: a.id, fieldId: risk.id, ordinal: 0, textValue: 'dynamique', textKey: 'dynamique' },
        { clientId: a.id, fieldId: file.id, ordinal: 0, textValue: 'D-<1>', textKey: 'd-<1>' },
        { clientId: b.id, fieldId: risk.id, ordinal: 0, textValue: 'prudent', textKey: 'prudent' },
      ])
      const suspended = {
        template: 'suspended',
        language: 'fr',
        subject: 'Suspension du dossier {{custom.mail_file}}',
        text: 'Profil {{custom.mail_risk}} ; motif : {{reason}}',
        html: '<p>Profil {{custom.mail_risk}}, dossier {{custom.mail_file}}</p>',
      }
      // Strict as for the message templates: an unknown key is a field error, nothing saved.
      const unknown = await templateApi(admin).post('saveEmailTemplate', {
        ...suspended,
        text: '{{custom.nope}}',
      })
      expect(unknown.body.record.errors.text.message).toBe('templateUnknownField')
      expect(
        await ds().getRepository(EmailTemplate).countBy({ templateKey: 'suspended', language: 'fr' }),
      ).toBe(0)
      const saved = await templateApi(admin).post('saveEmailTemplate', suspended)
      expect(saved.body.notice).toMatchObject({ type: 'success' })
      // The editor lists them with their labels.
      const details = await templateApi(admin).details('suspended', 'fr')
      expect(details.body.emailTemplate.customFields).toEqual(
        expect.arrayContaining([{ name: 'custom.mail_risk', labelFr: 'Profil', labelEn: 'Profile' }]),
      )
      // One bulk suspension: each client's own values (choices by their label), escaped in the HTML.
      const from = smtp.received.length
      const res = await clientApi(admin).bulk('bulkSuspend', [a.id, b.id], {
        reason: 'Impayé',
        notify: 'true',
      })
      expect(res.body.notice).toMatchObject({ type: 'success' })
      const aLog = await lastEmailOf(ds(), a.id, 'suspended')
      expect([aLog.subject, aLog.body]).toEqual([
        'Suspension du dossier D-<1>',
        'Profil Dynamique ; motif : Impayé',
      ])
      const bLog = await lastEmailOf(ds(), b.id, 'suspended')
      expect([bLog.subject, bLog.body]).toEqual(['Suspension du dossier', 'Profil Prudent ; motif : Impayé'])
      const [mail] = await delivered(a.email as string, from)
      expect(htmlPart(mail)).toContain('<p>Profil Dynamique, dossier D-&lt;1&gt;</p>')
      await clientApi(admin).bulk('bulkReactivate', [a.id, b.id], {})
      // A token email too: the reset link's template with the client's value.
      await templateApi(admin).post('saveEmailTemplate', {
        template: 'passwordReset',
        language: 'fr',
        subject: 'Dossier {{custom.mail_file}}',
        text: 'Lien : {{link}} ({{minutes}} min), profil {{custom.mail_risk}}.',
      })
      await clientApi(admin).record('sendPasswordReset', a.id)
      const reset = await lastEmailOf(ds(), a.id, 'passwordReset')
      expect(reset.subject).toBe('Dossier D-<1>')
      expect(reset.body).toMatch(/^Lien : \S+token=•+ \(\d+ min\), profil Dynamique\.$/)
    } finally {
      for (const template of ['suspended', 'passwordReset'])
        await templateApi(admin).post('resetEmailTemplate', { template, language: 'fr' })
      for (const field of fields)
        await admin.post(`/admin/api/resources/CustomField/records/${field.id}/delete`)
    }
  })
})
