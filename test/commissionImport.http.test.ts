import type { Agent } from 'supertest'
import { Advisor, Client, Commission, Contract, ImportBatch } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { demoImportFile, importFixture } from './support/fixtures.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'

const fixture = importFixture
const ACTION = '/admin/api/resources/Commission/actions/importCommissions'

describeEachDatabase('commission import over HTTP', (database) => {
  let demo: SeededDemo
  let admin: Agent
  const ds = () => database().dataSource

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    await ds()
      .getRepository(Advisor)
      .save([
        { code: 'ADV1', lastName: 'Un' },
        { code: 'ADV2', lastName: 'Deux' },
      ])
  })

  test('upload, mapping proposed, dry run, import with progress, the clients it created, undo', async () => {
    const setup = await admin.get(ACTION)
    expect(setup.body.importSetup.required).toEqual(['period', 'amount'])

    const upload = await admin
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', fixture('commissions-cp1252-semicolon.csv'))
    expect(upload.status).toBe(200)
    const { uploadId, layout, proposed, preview, fileName } = upload.body.importUpload
    expect(layout).toMatchObject({ encoding: 'windows-1252', delimiter: ';' })
    expect(fileName).toBe('commissions-cp1252-semicolon.csv')
    expect(preview[0][1]).toBe('Lefèvre')
    const mapping = JSON.stringify(proposed)

    const before = await ds().getRepository(Commission).count()
    const dry = await admin.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
    expect(dry.body.importDryRun.counts).toMatchObject({ rows: 3, imported: 3, failed: 0, clientsCreated: 3 })
    expect(await ds().getRepository(Commission).count()).toBe(before)

    const started = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'import', uploadId, mapping, fileName, mappingName: 'Assureur X' })
    expect(started.body.notice).toMatchObject({ message: 'importStarted' })
    const batchId = started.body.importBatch.id
    await demo.clients.commissionImport.finished(batchId)
    const progress = await admin.get(`${ACTION}?batchId=${batchId}`)
    expect(progress.body.importBatch).toMatchObject({
      status: 'done',
      rowsRead: 3,
      rowsImported: 3,
      clientsCreated: 3,
    })
    expect(await ds().getRepository(Commission).count()).toBe(before + 3)
    expect((await admin.get(ACTION)).body.importSetup.saved).toEqual({ 'Assureur X': proposed })

    const created = await admin.get(
      `/admin/api/resources/Client/actions/list?filters.importBatchId=${batchId}`,
    )
    expect(
      created.body.records.map((r: { params: { lastName: string } }) => r.params.lastName).sort(),
    ).toEqual(['Bérénice', 'Dupont', 'Lefèvre'])

    const rows = await admin.get(
      `/admin/api/resources/Commission/actions/list?filters.importBatchId=${batchId}`,
    )
    expect(rows.body.meta.total).toBe(3)

    const batchRow = await admin.get(`/admin/api/resources/ImportBatch/records/${batchId}/show`)
    expect(batchRow.body.record.recordActions.map((a: { name: string }) => a.name)).toContain('undoImport')
    const undo = await admin.post(`/admin/api/resources/ImportBatch/records/${batchId}/undoImport`)
    expect(undo.body.notice).toMatchObject({
      type: 'success',
      message: 'importUndone',
      options: { commissions: 3, contracts: 1, clients: 3 },
    })
    expect(await ds().getRepository(Commission).count()).toBe(before)
    expect(await ds().getRepository(Client).countBy({ importBatchId: batchId })).toBe(0)
    expect((await ds().getRepository(ImportBatch).findOneByOrFail({ id: batchId })).status).toBe('undone')
    // Undone already: refused with a notice, nothing changed.
    const again = await admin.post(`/admin/api/resources/ImportBatch/records/${batchId}/undoImport`)
    expect([again.status, again.body.notice]).toMatchObject([
      200,
      { type: 'error', message: 'importUndoRefused' },
    ])
  })

  test('the demo file (demo/fixtures/commissions-demo.csv) matches the seeded clients by email and by a misspelt name', async () => {
    const file = demoImportFile
    const upload = await admin.post(ACTION).field('step', 'upload').attach('file', file)
    const { uploadId, proposed } = upload.body.importUpload
    const dry = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'dryRun', uploadId, mapping: JSON.stringify(proposed) })
    const report = dry.body.importDryRun
    expect(report.counts).toMatchObject({
      rows: 8,
      imported: 6,
      failed: 2,
      clientsMatchedByEmail: 1,
      clientsMatchedByName: 2,
      clientsMatchedByContract: 0,
      clientsCreated: 2,
      contractsCreated: 4,
    })
    expect(report.errors).toEqual([
      { line: 8, errors: ['importBadAmount'] },
      { line: 9, errors: ['importUnknownAdvisor'] },
    ])
    const byName = report.sample.find((o: { line: number }) => o.line === 3)
    expect(byName.client).toMatchObject({ match: 'name', label: expect.stringContaining('Nicolas') })
    expect(byName.client.score).toBeGreaterThanOrEqual(0.85)
  })

  test('bad input: no file, a non-CSV file, an incomplete mapping, an unknown upload; never a 500, nothing written', async () => {
    const before = await ds().getRepository(ImportBatch).count()
    const noFile = await admin.post(ACTION).type('form').send({ step: 'upload' })
    expect(noFile.body.record.errors.file.message).toBe('importNoFile')
    const notCsv = await admin
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', Buffer.from('just one line without separators\n'), 'notes.txt')
    expect(notCsv.body.record.errors.file.message).toBe('importNotCsv')
    const upload = await admin
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', fixture('commissions-utf8-comma.csv'))
    const { uploadId } = upload.body.importUpload
    const incomplete = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'import', uploadId, mapping: JSON.stringify({ amount: 9 }) })
    expect(incomplete.body.record.errors.mapping.message).toBe('importMappingIncomplete')
    for (const bad of ['../../etc/passwd', 'x'.repeat(32), '']) {
      const gone = await admin
        .post(ACTION)
        .type('form')
        .send({ step: 'dryRun', uploadId: bad, mapping: '{}' })
      expect([bad, gone.status, gone.body.record.errors.file.message]).toEqual([bad, 200, 'importUploadGone'])
    }
    expect(await ds().getRepository(ImportBatch).count()).toBe(before)
  })

  test('support may not import nor undo: 403', async () => {
    const support = await loginAs(demo.app, 'support@example.com')
    expect((await support.get(ACTION)).status).toBe(403)
    const upload = await support
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', fixture('commissions-utf8-comma.csv'))
    expect(upload.status).toBe(403)
  })

  test('identity conflicts: listed with both identities, refused by default, decided on the page, the decisions kept on the batch', async () => {
    const advisor = await ds().getRepository(Advisor).findOneByOrFail({ code: 'ADV1' })
    const repo = ds().getRepository(Client)
    const [dartagnan, dupont, martin] = await repo.save(
      [
        ['CX-09001', "D'Artagnan", 'Charles', 'charles.dartagnan1@example.fr'],
        ['CX-09002', 'Dupont', 'Jean', 'jean.dupont.http@example.fr'],
        ['CX-09003', 'Martin', 'Paul', 'paul.martin.http@example.fr'],
      ].map(([clientNumber, lastName, firstName, email]) =>
        repo.create({ clientNumber, lastName, firstName, email, advisorId: advisor.id, status: 'active' }),
      ),
    )
    await ds()
      .getRepository(Contract)
      .save({ reference: 'K-DB-1', clientId: martin.id, product: 'PER', advisorId: advisor.id })
    const upload = await admin
      .post(ACTION)
      .field('step', 'upload')
      .attach('file', fixture('commissions-identity-database.csv'))
    const { uploadId, proposed, fileName } = upload.body.importUpload
    const mapping = JSON.stringify(proposed)

    const refused = await admin.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping })
    expect(refused.body.importDryRun.counts).toMatchObject({ rows: 5, imported: 2, failed: 3 })
    expect(refused.body.importDryRun.errors[0]).toMatchObject({
      line: 2,
      errors: ['importIdentityConflict'],
      conflict: {
        via: 'clientNumber',
        existing: { lastName: "D'Artagnan", email: 'charles.dartagnan1@example.fr' },
        row: { lastName: 'Dupond', email: 'jean.dupond1@example.fr' },
      },
    })

    // Line 2 attached anyway, every other conflict skipped; junk in the decisions is ignored.
    const decisions = JSON.stringify({ lines: { '2': 'attach', '0': 'attach', x: 'skip' }, all: 'skip' })
    const dry = await admin.post(ACTION).type('form').send({ step: 'dryRun', uploadId, mapping, decisions })
    const started = await admin
      .post(ACTION)
      .type('form')
      .send({ step: 'import', uploadId, mapping, fileName, decisions })
    const batch = await demo.clients.commissionImport.finished(started.body.importBatch.id)
    expect(batch.identityDecisions).toEqual({ lines: { '2': 'attach' }, all: 'skip' })
    expect(dry.body.importDryRun.counts).toMatchObject({ rows: 5, imported: 3, failed: 2 })
    expect([batch.rowsRead, batch.rowsImported, batch.rowsFailed]).toEqual([5, 3, 2])
    const commissions = await ds()
      .getRepository(Commission)
      .find({ where: { importBatchId: batch.id }, order: { amount: 'ASC' } })
    expect(commissions.map((c) => [c.amount, c.clientId])).toEqual([
      ['10.00', dartagnan.id],
      ['11.00', dupont.id],
      ['14.00', martin.id],
    ])
  })
})
