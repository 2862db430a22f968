import { parse } from 'csv-parse/sync'
import type { Agent } from 'supertest'
import { ClientCustomValue, CustomField, DEFAULT_ROLES, EmailLog } from '../src/index.js'
import { exportColumnsOf } from '../src/components/export/exportColumnsOf.js'
import type { CustomFieldDefinition } from '../src/shared/customFields.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'
import { statementsOf } from './support/statements.js'

// The places custom fields reach on the server (issue 28), on SQLite and MariaDB: the CSV
// export's columns, the admin-only fields refused on write to support, "unique" held by the
// database when two writes race.

type Payload = Record<string, string>

const parseCsv = (text: string, delimiter: string): string[][] => {
  expect(text.startsWith('\uFEFF')).toBe(true)
  return parse(text.slice(1), { delimiter }) as string[][]
}

describeEachDatabase('custom fields in the export, the roles and the unique index', (database) => {
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource
  const errorsOf = (res: { body: { record?: { errors?: Record<string, { message: string }> } } }) =>
    Object.fromEntries(Object.entries(res.body.record?.errors ?? {}).map(([k, v]) => [k, v.message]))
  const idOf = (res: { body: { record?: { id?: string } } }) => Number(res.body.record?.id)
  const define = (fields: Payload) =>
    admin.post('/admin/api/resources/CustomField/actions/new').type('form').send(fields)
  const createClient = (agent: Agent, fields: Payload) =>
    agent
      .post('/admin/api/resources/Client/actions/new')
      .type('form')
      .send({ ignoreDuplicates: 'true', ...fields })
  const editClient = (agent: Agent, id: number, fields: Payload) =>
    agent.post(`/admin/api/resources/Client/records/${id}/edit`).type('form').send(fields)
  const exportCsv = (agent: Agent, search: string, fields: Payload) =>
    agent
      .post(`/admin/api/resources/Client/download/export?${search}`)
      .type('form')
      .send(fields)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')))
      })

  beforeAll(async () => {
    // A support role that may create and edit clients, without the admin-only fields' right.
    const demo = await seededDemo(database(), {
      roles: { admin: '*', support: [...DEFAULT_ROLES.support, 'new', 'edit', 'export'] },
    })
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
    const fields: Payload[] = [
      {
        key: 'risk',
        type: 'choice',
        labelFr: 'Profil de risque',
        labelEn: 'Risk profile',
        choices: 'prudent | Prudent | Cautious\ndynamique | Dynamique | Dynamic',
      },
      { key: 'income', type: 'money', labelFr: 'Revenus', labelEn: 'Income' },
      { key: 'birth', type: 'date', labelFr: 'Naissance', labelEn: 'Birth' },
      { key: 'remark', type: 'shortText', labelFr: 'Remarque', labelEn: 'Remark' },
      { key: 'vip_ok', type: 'yesNo', labelFr: 'Accord VIP', labelEn: 'VIP agreed' },
      { key: 'siret', type: 'shortText', labelFr: 'SIRET', labelEn: 'SIRET', isUnique: 'true' },
      { key: 'mobile', type: 'phone', labelFr: 'Portable', labelEn: 'Mobile', visibility: 'adminOnly' },
    ]
    for (const [position, field] of fields.entries()) {
      const res = await define({ ...field, position: String(position) })
      expect([field.key, errorsOf(res)]).toEqual([field.key, {}])
    }
  })

  test('the export has a column per custom field, labelled in its language, typed, never a formula; a fixed number of queries', async () => {
    const res = await createClient(admin, {
      lastName: 'Exporté',
      cf__risk: 'dynamique',
      cf__income: '1234.5',
      cf__birth: '1980-05-17',
      cf__remark: '=HYPERLINK("http://evil.example","x")',
      cf__vip_ok: 'true',
      cf__siret: '11112222333344',
      cf__mobile: '0601020304',
    })
    expect(errorsOf(res)).toEqual({})
    const fr = await exportCsv(admin, 'filters.q=Exporté', { lang: 'fr' })
    expect(fr.status).toBe(200)
    const [header, row, ...rest] = parseCsv(fr.body as string, ';')
    expect(rest).toEqual([])
    const cell = (label: string) => row[header.indexOf(label)]
    expect(header.slice(-7)).toEqual([
      'Profil de risque',
      'Revenus',
      'Naissance',
      'Remarque',
      'Accord VIP',
      'SIRET',
      'Portable',
    ])
    expect([cell('Profil de risque'), cell('Revenus'), cell('Naissance'), cell('Accord VIP')]).toEqual([
      'Dynamique',
      '1234,50',
      '1980-05-17',
      'Oui',
    ])
    // A value is text for the spreadsheet, never a formula.
    expect(cell('Remarque')).toBe('\'=HYPERLINK("http://evil.example","x")')
    expect(cell('Portable')).toBe('0601020304')
    const en = await exportCsv(admin, 'filters.q=Exporté', {
      lang: 'en',
      columns: 'lastName,cf__risk,cf__income,cf__vip_ok',
    })
    expect(parseCsv(en.body as string, ',')).toEqual([
      ['Last name', 'Risk profile', 'Income', 'VIP agreed'],
      ['Exporté', 'Dynamic', '1234.50', 'Yes'],
    ])
    // The custom values of a page are one query: one client costs what three do.
    for (const n of [1, 2]) await createClient(admin, { lastName: `Exporté ${n}`, cf__risk: 'prudent' })
    const one = await statementsOf(ds(), () => exportCsv(admin, 'filters.q=Exporté 1', { lang: 'fr' }))
    const three = await statementsOf(ds(), () => exportCsv(admin, 'filters.q=Exporté', { lang: 'fr' }))
    expect(three).toBe(one)
  })

  test('support exports no admin-only column, and may not ask for one', async () => {
    const seen = await exportCsv(support, 'filters.q=Exporté', { lang: 'en' })
    expect(seen.status).toBe(200)
    const [header] = parseCsv(seen.body as string, ',')
    expect(header).toContain('Risk profile')
    expect(header).not.toContain('Mobile')
    const asked = await support
      .post('/admin/api/resources/Client/download/export?filters.q=Exporté')
      .type('form')
      .send({ columns: 'lastName,cf__mobile' })
    expect([asked.status, asked.body.notice?.message]).toEqual([400, 'exportUnknownColumn'])
  })

  test("the Export drawer's request: the definitions it reads, its ticked columns, sent as a form; support's without the admin-only field", async () => {
    // What ExportForm does: read the fields this admin may see, tick every visible column, POST them multipart.
    const drawer = async (agent: Agent) => {
      const read = await agent.get('/admin/api/resources/Client/actions/customFieldColumns')
      const fields = (read.body as { fields: CustomFieldDefinition[] }).fields
      const columns = exportColumnsOf('Client', false, fields).filter((c) => c.visible)
      const res = await agent
        .post('/admin/api/resources/Client/download/export?filters.q=Exporté')
        .field('columns', columns.map((c) => c.key).join(','))
        .field('lang', 'en')
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = []
          r.on('data', (c: Buffer) => chunks.push(c))
          r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')))
        })
      expect(res.status).toBe(200)
      return { keys: columns.map((c) => c.key), header: parseCsv(res.body as string, ',')[0] }
    }
    const byAdmin = await drawer(admin)
    expect(byAdmin.keys.filter((k) => k.startsWith('cf__'))).toEqual([
      'cf__risk',
      'cf__income',
      'cf__birth',
      'cf__remark',
      'cf__vip_ok',
      'cf__siret',
      'cf__mobile',
    ])
    expect(byAdmin.header.slice(-7)).toEqual([
      'Risk profile',
      'Income',
      'Birth',
      'Remark',
      'VIP agreed',
      'SIRET',
      'Mobile',
    ])
    const bySupport = await drawer(support)
    expect(bySupport.keys).not.toContain('cf__mobile')
    expect(bySupport.keys).toContain('cf__risk')
    expect(bySupport.header).toContain('Risk profile')
    expect(bySupport.header).not.toContain('Mobile')
  })

  test('support setting an admin-only field gets a field error and nothing is written; its other fields save', async () => {
    const created = await createClient(admin, { lastName: 'Réservé', cf__mobile: '0611111111' })
    const id = idOf(created)
    const refused = await editClient(support, id, { lastName: 'Réservé', cf__mobile: '0699999999' })
    expect([refused.status, errorsOf(refused)]).toEqual([200, { cf__mobile: 'customFieldAdminOnly' }])
    const mobile = await ds().getRepository(CustomField).findOneByOrFail({ key: 'mobile' })
    const stored = await ds()
      .getRepository(ClientCustomValue)
      .findOneByOrFail({ clientId: id, fieldId: mobile.id })
    expect(stored.textValue).toBe('0611111111')
    // Nothing half-written: the risk sent beside it is not saved either.
    const both = await editClient(support, id, { lastName: 'Réservé', cf__risk: 'dynamique', cf__mobile: '' })
    expect(errorsOf(both)).toEqual({ cf__mobile: 'customFieldAdminOnly' })
    expect(await ds().getRepository(ClientCustomValue).countBy({ clientId: id, textKey: 'dynamique' })).toBe(
      0,
    )
    // On create too; without the field, support's create and edit save.
    const made = await createClient(support, { lastName: 'Par support', cf__mobile: '0600000000' })
    expect(errorsOf(made)).toEqual({ cf__mobile: 'customFieldAdminOnly' })
    const fine = await editClient(support, id, { lastName: 'Réservé', cf__risk: 'dynamique' })
    expect(errorsOf(fine)).toEqual({})
    expect(await ds().getRepository(ClientCustomValue).countBy({ clientId: id, textKey: 'dynamique' })).toBe(
      1,
    )
    // The admin may.
    expect(errorsOf(await editClient(admin, id, { lastName: 'Réservé', cf__mobile: '0622222222' }))).toEqual(
      {},
    )
  })

  test('support filtering the list or the export on an admin-only field learns nothing of its values', async () => {
    const id = idOf(await createClient(admin, { lastName: 'Filtré', cf__mobile: '0633333333' }))
    const filter = encodeURIComponent('mobile:eq:0633333333')
    const listed = async (agent: Agent) => {
      const res = await agent.get(
        `/admin/api/resources/Client/actions/list?perPage=50&filters.q=Filtré&filters.customFields=${filter}`,
      )
      expect(res.status).toBe(200)
      return (res.body.records as { id: string }[]).map((r) => Number(r.id))
    }
    expect(await listed(admin)).toEqual([id])
    // The right value and a wrong one give support the same answer: no client.
    expect(await listed(support)).toEqual([])
    const exported = await exportCsv(support, `filters.q=Filtré&filters.customFields=${filter}`, {
      lang: 'en',
    })
    expect(parseCsv(exported.body as string, ',')).toHaveLength(1)
    const byAdmin = await exportCsv(admin, `filters.q=Filtré&filters.customFields=${filter}`, { lang: 'en' })
    expect(parseCsv(byAdmin.body as string, ',')).toHaveLength(2)
  })

  test("the search box looks in an admin-only searchable field for admins only; support's search finds nothing by it", async () => {
    for (const field of [
      { key: 'codename', labelFr: 'Nom de code', labelEn: 'Code name', visibility: 'adminOnly' },
      { key: 'nickname', labelFr: 'Surnom', labelEn: 'Nickname', visibility: 'everyone' },
    ]) {
      const res = await define({ ...field, type: 'shortText', searchable: 'true' })
      expect([field.key, errorsOf(res)]).toEqual([field.key, {}])
    }
    const id = idOf(
      await createClient(admin, {
        lastName: 'Cherché',
        cf__codename: 'Zéphyrine',
        cf__nickname: 'Quetzalito',
      }),
    )
    const found = async (agent: Agent, q: string) => {
      const res = await agent.get(
        `/admin/api/resources/Client/actions/list?perPage=50&filters.q=${encodeURIComponent(q)}`,
      )
      expect(res.status).toBe(200)
      return (res.body.records as { id: string }[]).map((r) => Number(r.id))
    }
    expect(await found(admin, 'zéphyr')).toEqual([id])
    expect(await found(support, 'zéphyr')).toEqual([])
    // Support's search does look in the fields everyone sees.
    expect(await found(support, 'quetzal')).toEqual([id])
    expect(await found(admin, 'quetzal')).toEqual([id])
  })

  test('"unique" is held by the database: two writes of one value at once, one wins, the other a field error', async () => {
    const racers = await Promise.all(
      ['Course A', 'Course B', 'Course C'].map((lastName) =>
        createClient(admin, { lastName, cf__siret: '99998888777766' }),
      ),
    )
    expect(racers.map((r) => r.status)).toEqual([200, 200, 200])
    const outcomes = racers.map((r) => JSON.stringify(errorsOf(r))).sort()
    expect(outcomes).toEqual(['{"cf__siret":"alreadyTaken"}', '{"cf__siret":"alreadyTaken"}', '{}'])
    const siret = await ds().getRepository(CustomField).findOneByOrFail({ key: 'siret' })
    const held = await ds()
      .getRepository(ClientCustomValue)
      .findBy({ fieldId: siret.id, textKey: '99998888777766' })
    expect(held.map((r) => r.uniqueValue)).toEqual(['99998888777766'])
    // A row written past the service (what a racing instance's insert is) is refused by the index.
    const other = idOf(await createClient(admin, { lastName: 'Course D' }))
    await expect(
      ds().getRepository(ClientCustomValue).insert({
        clientId: other,
        fieldId: siret.id,
        ordinal: 0,
        textValue: 'x',
        textKey: 'x',
        uniqueValue: held[0].uniqueValue,
      }),
    ).rejects.toThrow()
  })

  test('a field made unique fills the compared values (refused while two clients share one); made plain again, clears them', async () => {
    const income = await ds().getRepository(CustomField).findOneByOrFail({ key: 'income' })
    const edit = (isUnique: string) =>
      admin
        .post(`/admin/api/resources/CustomField/records/${income.id}/edit`)
        .type('form')
        .send({ labelFr: 'Revenus', labelEn: 'Income', type: 'money', isUnique })
    const values = () => ds().getRepository(ClientCustomValue).findBy({ fieldId: income.id })
    expect((await values()).length).toBe(1)
    expect(errorsOf(await edit('true'))).toEqual({})
    expect((await values()).map((r) => r.uniqueValue)).toEqual(['1234.5000'])
    // The service's value and the database's agree: the same amount is taken.
    const same = await createClient(admin, { lastName: 'Même revenu', cf__income: '1234,50' })
    expect(errorsOf(same)).toEqual({ cf__income: 'alreadyTaken' })
    expect(errorsOf(await edit('false'))).toEqual({})
    expect((await values()).map((r) => r.uniqueValue)).toEqual([null])
    expect(errorsOf(await createClient(admin, { lastName: 'Même revenu', cf__income: '1234.5' }))).toEqual({})
    expect(errorsOf(await edit('true'))).toEqual({ isUnique: 'customFieldValuesShared' })
  })

  test('merge fields: {{custom.<key>}} in a message template, strict, listed in the editor, filled per client in its language', async () => {
    const templates = '/admin/api/resources/EmailTemplate/actions'
    const save = (payload: Payload) => admin.post(`${templates}/saveEmailTemplate`).type('form').send(payload)
    const fieldErrors = (res: { body: { record?: { errors?: Record<string, { message: string }> } } }) =>
      Object.fromEntries(Object.entries(res.body.record?.errors ?? {}).map(([k, v]) => [k, v.message]))
    const reminder = {
      template: 'paymentReminder',
      language: 'fr',
      subject: 'Relance {{custom.siret}}',
      text: 'Bonjour {{fullName}}, profil {{custom.risk}}, revenus {{custom.income}}, VIP {{custom.vip_ok}}.',
    }
    expect(fieldErrors(await save(reminder))).toEqual({})
    // Strict: an unknown custom key, as an unknown built-in one (the system emails: emailTemplates.http.test.ts).
    expect(fieldErrors(await save({ ...reminder, text: 'Profil {{custom.nope}}' }))).toEqual({
      text: 'templateUnknownField',
    })
    const details = await admin.get(`${templates}/emailTemplate?template=paymentReminder&language=fr`)
    expect(details.body.emailTemplate.fields).toEqual(
      expect.arrayContaining(['fullName', 'custom.risk', 'custom.mobile']),
    )
    expect(details.body.emailTemplate.customFields).toEqual(
      expect.arrayContaining([{ name: 'custom.risk', labelFr: 'Profil de risque', labelEn: 'Risk profile' }]),
    )
    const id = idOf(
      await createClient(admin, {
        lastName: 'Relancé',
        email: 'relance@example.fr',
        locale: 'fr',
        cf__risk: 'dynamique',
        cf__income: '99.5',
        cf__vip_ok: 'true',
        cf__siret: '55554444333322',
      }),
    )
    const preview = await admin
      .post(`${templates}/previewEmailTemplate`)
      .type('form')
      .send({ ...reminder, clientId: String(id) })
    expect(preview.body.emailTemplate.text).toBe('Bonjour Relancé, profil Dynamique, revenus 99.50, VIP Oui.')
    // Sent from the client's page: each client's own values, read with the clients (not per client).
    const sent = await admin
      .post(`/admin/api/resources/Client/records/${id}/sendEmail`)
      .type('form')
      .send({ template: 'paymentReminder:fr', subject: reminder.subject, body: reminder.text })
    expect(sent.body.notice).toMatchObject({ type: 'success' })
    const log = await ds()
      .getRepository(EmailLog)
      .findOneOrFail({ where: { clientId: id }, order: { id: 'DESC' } })
    expect([log.subject, log.body]).toEqual([
      'Relance 55554444333322',
      'Bonjour Relancé, profil Dynamique, revenus 99.50, VIP Oui.',
    ])
  })

  test('a required admin-only field is required of admins only: support creates without it, the page shows it missing to admins', async () => {
    const defined = await define({
      key: 'kyc_ref',
      type: 'shortText',
      labelFr: 'Réf. KYC',
      labelEn: 'KYC ref.',
      required: 'true',
      visibility: 'adminOnly',
    })
    expect(errorsOf(defined)).toEqual({})
    const field = await ds().getRepository(CustomField).findOneByOrFail({ key: 'kyc_ref' })
    try {
      // Support cannot see nor fill it: its create saves, with no value of the field.
      const made = await createClient(support, { lastName: 'Sans KYC' })
      expect([made.status, errorsOf(made)]).toEqual([200, {}])
      const id = idOf(made)
      expect(id).toBeGreaterThan(0)
      expect(await ds().getRepository(ClientCustomValue).countBy({ clientId: id, fieldId: field.id })).toBe(0)
      // Still a field error when support sends it.
      const sent = await createClient(support, { lastName: 'Avec KYC', cf__kyc_ref: 'K-1' })
      expect(errorsOf(sent)).toEqual({ cf__kyc_ref: 'customFieldAdminOnly' })
      // An admin's create must fill it.
      expect(errorsOf(await createClient(admin, { lastName: 'Admin sans KYC' }))).toEqual({
        cf__kyc_ref: 'fieldRequired',
      })
      // The client page flags it as missing to admins; support sees neither the field nor the flag.
      const page = await admin.get(`/admin/api/resources/Client/records/${id}/customValues`)
      expect(page.body.missing).toEqual(['kyc_ref'])
      const seen = await support.get(`/admin/api/resources/Client/records/${id}/customValues`)
      expect(seen.body.missing).toEqual([])
      // An admin's edit of another field does not ask for it; filling it clears the flag.
      expect(errorsOf(await editClient(admin, id, { lastName: 'Sans KYC', cf__remark: 'vu' }))).toEqual({})
      expect(errorsOf(await editClient(admin, id, { lastName: 'Sans KYC', cf__kyc_ref: 'K-2' }))).toEqual({})
      const filled = await admin.get(`/admin/api/resources/Client/records/${id}/customValues`)
      expect([filled.body.values.kyc_ref, filled.body.missing]).toEqual(['K-2', []])
    } finally {
      await admin.post(`/admin/api/resources/CustomField/records/${field.id}/delete`)
    }
  })
})
