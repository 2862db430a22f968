import type { Agent } from 'supertest'
import { In } from 'typeorm'
import {
  Client,
  ClientCustomValue,
  ClientEvent,
  ClientTag,
  DEFAULT_ROLES,
  ImportBatch,
  Tag,
} from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { statementsOf } from './support/statements.js'

// The import's mapping beyond the built-in fields (issues 28 and 29): a column fills a custom
// field, the tags or the marketing consent of the clients the import creates; a bad value is a
// row error of the dry run; undo removes the values and tag links it added.

const ACTION = '/admin/api/resources/Commission/actions/importCommissions'

const FILE = [
  'Nom,Email,Période,Montant,Naissance,Étiquettes,Consentement',
  'Alpha,alpha@import.test,2026-03,10.00,1980-05-04,"VIP; Relance",oui',
  'Beta,beta@import.test,2026-03,20.00,,Relance,non',
  'Gamma,gamma@import.test,2026-03,30.00,1980-13-45,,oui',
  'Delta,delta@import.test,2026-03,40.00,,,peut-être',
].join('\n')

const MAPPING = {
  lastName: 0,
  email: 1,
  period: 2,
  amount: 3,
  cf__birth_date: 4,
  tags: 5,
  marketingConsent: 6,
}

describeEachDatabase('commission import: custom fields, tags, consent', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let importer: Agent
  const ds = () => database().dataSource

  const upload = async (agent: Agent, text: string, name: string) => {
    const res = await agent.post(ACTION).field('step', 'upload').attach('file', Buffer.from(text), name)
    expect(res.status).toBe(200)
    return res.body.importUpload as { uploadId: string; proposed: Record<string, number> }
  }

  beforeAll(async () => {
    // `support` may import commissions here, but not create tags.
    demo = await seededDemo(database(), {
      roles: { admin: '*', support: [...DEFAULT_ROLES.support, 'Commission.importCommissions'] },
    })
    admin = await loginAs(demo.app, 'admin@example.com')
    importer = await loginAs(demo.app, 'support@example.com')
    const field = await admin
      .post('/admin/api/resources/CustomField/actions/new')
      .type('form')
      .send({ key: 'birth_date', type: 'date', labelFr: 'Date de naissance', labelEn: 'Birth date' })
    expect(field.body.record?.errors ?? {}).toEqual({})
  })

  test('the setup offers the custom fields (both labels) and the consent; the headers propose tags and consent', async () => {
    const setup = (await admin.get(ACTION)).body.importSetup
    expect(setup.fields).toEqual(expect.arrayContaining(['tags', 'marketingConsent']))
    expect(setup.customFields).toEqual([
      { name: 'cf__birth_date', labelFr: 'Date de naissance', labelEn: 'Birth date' },
    ])
    const { proposed } = await upload(admin, FILE, 'proposed.csv')
    expect(proposed).toMatchObject({
      lastName: 0,
      email: 1,
      period: 2,
      amount: 3,
      tags: 5,
      marketingConsent: 6,
    })
  })

  test('dry run: a bad custom value and a bad consent are row errors, nothing written; the import fills the new clients; undo removes it all', async () => {
    const { uploadId } = await upload(admin, FILE, 'extras.csv')
    const mapping = JSON.stringify(MAPPING)
    const values = await ds().getRepository(ClientCustomValue).count()
    const links = await ds().getRepository(ClientTag).count()

    const dry = await admin.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
    const report = dry.body.importDryRun
    expect(report.counts).toMatchObject({ rows: 4, imported: 2, failed: 2, clientsCreated: 2 })
    expect(report.errors.map((e: { errors: string[] }) => e.errors)).toEqual([
      ['importBadCustomValue'],
      ['importBadConsent'],
    ])
    expect(await ds().getRepository(ClientCustomValue).count()).toBe(values)
    expect(await ds().getRepository(Client).countBy({ email: 'alpha@import.test' })).toBe(0)

    const started = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'import', uploadId, mapping, fileName: 'extras.csv', mappingName: 'Extras' })
    const batchId = started.body.importBatch.id
    const batch = await demo.clients.commissionImport.finished(batchId)
    expect(batch).toMatchObject({ status: 'done', rowsImported: 2, rowsFailed: 2, clientsCreated: 2 })
    // The admin's right to create tags goes with the import, not with the saved mapping.
    expect((await admin.get(ACTION)).body.importSetup.saved.Extras).toEqual(MAPPING)

    const clients = await ds()
      .getRepository(Client)
      .find({ where: { importBatchId: batchId }, order: { lastName: 'ASC' } })
    expect(clients.map((c) => c.lastName)).toEqual(['Alpha', 'Beta'])
    const [alpha, beta] = clients
    expect([alpha.marketingConsent, alpha.marketingConsentSource]).toEqual(['in', 'import'])
    expect(alpha.marketingConsentAt).toBeInstanceOf(Date)
    expect([beta.marketingConsent, beta.marketingConsentSource]).toEqual(['out', 'import'])

    const stored = await ds()
      .getRepository(ClientCustomValue)
      .find({ where: { clientId: In([alpha.id, beta.id]) } })
    expect(stored.map((v) => [v.clientId, String(v.dateValue).slice(0, 10)])).toEqual([
      [alpha.id, '1980-05-04'],
    ])
    const tagNames = async (clientId: number) => {
      const tagLinks = await ds().getRepository(ClientTag).findBy({ clientId })
      const tags = await ds()
        .getRepository(Tag)
        .findBy({ id: In(tagLinks.map((l) => l.tagId)) })
      return tags.map((t) => t.name).sort()
    }
    expect(await tagNames(alpha.id)).toEqual(['Relance', 'VIP'])
    expect(await tagNames(beta.id)).toEqual(['Relance'])

    const event = await ds()
      .getRepository(ClientEvent)
      .findOneByOrFail({ clientId: alpha.id, type: 'imported' })
    expect(event.data).toMatchObject({
      importBatchId: batchId,
      tags: ['VIP', 'Relance'],
      marketingConsent: 'in',
      custom: { birth_date: '1980-05-04' },
      labels: { birth_date: { fr: 'Date de naissance', en: 'Birth date' } },
    })

    const undo = await admin.post(`/admin/api/resources/ImportBatch/records/${batchId}/undoImport`)
    expect(undo.body.notice).toMatchObject({ type: 'success', options: { commissions: 2, clients: 2 } })
    expect(await ds().getRepository(Client).countBy({ importBatchId: batchId })).toBe(0)
    expect(await ds().getRepository(ClientCustomValue).count()).toBe(values)
    expect(await ds().getRepository(ClientTag).count()).toBe(links)
    expect((await ds().getRepository(ImportBatch).findOneByOrFail({ id: batchId })).status).toBe('undone')
  })

  test('who may not create tags: a tag the firm has is linked, an unknown one is a row error', async () => {
    await ds().getRepository(Tag).save({ name: 'Known', nameKey: 'known', colour: 'grey', createdBy: null })
    const text = [
      'Nom,Email,Période,Montant,Étiquettes',
      'Known,known@import.test,2026-03,10.00,known',
      'Unknown,unknown@import.test,2026-03,10.00,"known, Nouvelle"',
    ].join('\n')
    const mapping = JSON.stringify({ lastName: 0, email: 1, period: 2, amount: 3, tags: 4 })
    const { uploadId } = await upload(importer, text, 'tags.csv')
    const dry = await importer.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
    expect(dry.body.importDryRun.counts).toMatchObject({ rows: 2, imported: 1, failed: 1 })
    expect(dry.body.importDryRun.errors).toEqual([{ line: 3, errors: ['importUnknownTag'] }])
    // The admin may create tags: the same file is clean.
    const asAdmin = await admin.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
    expect(asAdmin.body.importDryRun.counts).toMatchObject({ rows: 2, imported: 2, failed: 0 })

    const started = await importer
      .post(ACTION)
      .type('form')
      .send({ step: 'import', uploadId, mapping, fileName: 'tags.csv' })
    const batch = await demo.clients.commissionImport.finished(started.body.importBatch.id)
    expect(batch).toMatchObject({ status: 'done', rowsImported: 1, rowsFailed: 1 })
    expect(await ds().getRepository(Tag).countBy({ nameKey: 'nouvelle' })).toBe(0)
  })

  test('a unique custom value another client has, or twice in the file, is a row error; the statements do not grow with the rows', async () => {
    const field = await admin
      .post('/admin/api/resources/CustomField/actions/new')
      .type('form')
      .send({ key: 'siret', type: 'shortText', labelFr: 'SIRET', labelEn: 'SIRET', isUnique: 'true' })
    expect(field.body.record?.errors ?? {}).toEqual({})
    const header = 'Nom,Email,Période,Montant,Siret,Étiquettes,Consentement,Naissance'
    const mapping = JSON.stringify({
      lastName: 0,
      email: 1,
      period: 2,
      amount: 3,
      cf__siret: 4,
      tags: 5,
      marketingConsent: 6,
      cf__birth_date: 7,
    })
    const importFile = async (name: string, rows: string[]) => {
      const { uploadId } = await upload(admin, [header, ...rows].join('\n'), name)
      const started = await admin
        .post(ACTION)
        .type('form')
        .send({ step: 'import', uploadId, mapping, fileName: name })
      let batch: ImportBatch | undefined
      const statements = await statementsOf(ds(), async () => {
        batch = await demo.clients.commissionImport.finished(started.body.importBatch.id)
      })
      return { batch: batch!, statements }
    }
    const row = (name: string, siret: string) =>
      `${name},${name.toLowerCase()}@unique.test,2026-04,5.00,${siret},"VIP; Relance",oui,1990-01-02`

    await importFile('first.csv', [row('Siret', 'S-1')])
    const { uploadId } = await upload(
      admin,
      [header, row('Other', 's-1'), row('Twice', 'S-2'), row('Again', 'S-2')].join('\n'),
      'unique.csv',
    )
    const dry = await admin.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
    expect(dry.body.importDryRun.errors).toEqual([
      { line: 2, errors: ['importCustomValueTaken'] },
      { line: 4, errors: ['importCustomValueTaken'] },
    ])

    const two = await importFile('two.csv', [row('Aa', 'A-1'), row('Ab', 'A-2')])
    const six = await importFile(
      'six.csv',
      ['Ba', 'Bb', 'Bc', 'Bd', 'Be', 'Bf'].map((name, i) => row(name, `B-${i}`)),
    )
    expect([two.batch.rowsImported, six.batch.rowsImported]).toEqual([2, 6])
    expect(
      await ds()
        .getRepository(ClientCustomValue)
        .countBy({
          clientId: In(
            (await ds().getRepository(Client).findBy({ importBatchId: six.batch.id })).map((c) => c.id),
          ),
        }),
    ).toBe(12)
    expect(two.statements).toBeGreaterThan(10)
    expect(six.statements).toBe(two.statements)
  })

  test('a required custom field mapped but blank is a row error; a blank yes/no stays blank, "non" is a no', async () => {
    for (const fields of [
      { key: 'segment', type: 'shortText', labelFr: 'Segment', labelEn: 'Segment', required: 'true' },
      { key: 'newsletter', type: 'yesNo', labelFr: 'Lettre', labelEn: 'Newsletter' },
    ]) {
      const res = await admin.post('/admin/api/resources/CustomField/actions/new').type('form').send(fields)
      expect(res.body.record?.errors ?? {}).toEqual({})
    }
    const text = [
      'Nom,Email,Période,Montant,Segment,Lettre',
      'Blank,blank@yesno.test,2026-05,1.00,Pro,',
      'No,no@yesno.test,2026-05,1.00,Pro,non',
      'Missing,missing@yesno.test,2026-05,1.00,,oui',
    ].join('\n')
    const mapping = JSON.stringify({
      lastName: 0,
      email: 1,
      period: 2,
      amount: 3,
      cf__segment: 4,
      cf__newsletter: 5,
    })
    const { uploadId } = await upload(admin, text, 'yesno.csv')
    const dry = await admin.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
    expect(dry.body.importDryRun.errors).toEqual([{ line: 4, errors: ['importBadCustomValue'] }])
    const started = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'import', uploadId, mapping, fileName: 'yesno.csv' })
    const batch = await demo.clients.commissionImport.finished(started.body.importBatch.id)
    const clients = await ds().getRepository(Client).findBy({ importBatchId: batch.id })
    const values = await ds()
      .getRepository(ClientCustomValue)
      .findBy({ clientId: In(clients.map((c) => c.id)) })
    const byName = (name: string) => clients.find((c) => c.lastName === name)!.id
    const newsletter = values
      .filter((v) => v.textValue === null)
      .map((v) => [v.clientId, Number(v.numberValue)])
    expect(newsletter).toEqual([[byName('No'), 0]])
    expect(values.filter((v) => v.textValue === 'Pro')).toHaveLength(2)
  })

  test('an admin-only custom field: not offered to who may not see it, and mapping it is a field error', async () => {
    const res = await admin.post('/admin/api/resources/CustomField/actions/new').type('form').send({
      key: 'secret_note',
      type: 'shortText',
      labelFr: 'Note',
      labelEn: 'Note',
      visibility: 'adminOnly',
    })
    expect(res.body.record?.errors ?? {}).toEqual({})
    const names = async (agent: Agent) =>
      (await agent.get(ACTION)).body.importSetup.customFields.map((f: { name: string }) => f.name)
    expect(await names(admin)).toContain('cf__secret_note')
    expect(await names(importer)).not.toContain('cf__secret_note')
    const text = ['Nom,Email,Période,Montant,Note', 'Hidden,hidden@import.test,2026-03,1.00,x'].join('\n')
    const mapping = JSON.stringify({ lastName: 0, email: 1, period: 2, amount: 3, cf__secret_note: 4 })
    const { uploadId } = await upload(importer, text, 'hidden.csv')
    const dry = await importer.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
    expect(dry.status).toBe(200)
    expect(dry.body.importDryRun).toBeUndefined()
    expect(JSON.stringify(dry.body)).toContain('customFieldAdminOnly')
    const started = await importer
      .post(ACTION)
      .type('form')
      .send({ step: 'import', uploadId, mapping, fileName: 'hidden.csv' })
    expect(started.body.importBatch).toBeUndefined()
    expect(await ds().getRepository(Client).countBy({ email: 'hidden@import.test' })).toBe(0)
  })
})
