import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { DataSource } from 'typeorm'
import { Advisor, Client, ClientEvent, Commission, Contract, ImportBatch } from '../src/index.js'
import { CommissionImport } from '../src/services/import/commissionImport.js'
import { proposeMapping, readDecimal, readPeriod } from '../src/services/import/importRows.js'
import { readLayout } from '../src/services/import/csvSource.js'
import { ImportState } from '../src/services/import/importState.js'
import { describeEachDatabase } from './support/databases.js'
import { importFixture } from './support/fixtures.js'

const fixture = importFixture
const actor = { email: 'admin@example.com', ip: '127.0.0.1' }

describe('reading commission files', () => {
  test('amounts, rates and periods as people and spreadsheets write them', () => {
    expect(
      ['1 234,56', '1234.56', '1,234.56', '1.234,56', '€ 12', '-12,5', '0,00', '1\u00a0000'].map((v) =>
        readDecimal(v, 2),
      ),
    ).toEqual(['1234.56', '1234.56', '1234.56', '1234.56', '12.00', '-12.50', '0.00', '1000.00'])
    expect(['12abc', '1e5', '12.345', '', '1,2,3'].map((v) => readDecimal(v, 2))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ])
    expect(readDecimal('2,125', 4)).toBe('2.1250')
    expect(readDecimal('1.234', 4)).toBe('1.2340')
    expect(['2026-03', '2026-03-15', '03/2026', '15/03/2026', '2026/3', '3-2026'].map(readPeriod)).toEqual(
      Array(6).fill('2026-03-01'),
    )
    expect(['2026-13', '31/02/2026', 'mars 2026', '2026'].map(readPeriod)).toEqual([null, null, null, null])
  })

  test('the header of a large file is read without reading (or waiting for) the rest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'csv-'))
    const file = path.join(dir, 'large.csv')
    const line = 'C0000001;Dupont;Jean;jean@example.fr;K-1;PER;ADV1;2026-01;12,50;2,5\n'
    await writeFile(
      file,
      `N° client;Nom;Prénom;E-mail;Contrat;Produit;Conseiller;Période;Montant;Taux\n${line.repeat(60_000)}`,
    )
    const layout = await readLayout(file)
    expect(layout).toMatchObject({ encoding: 'utf-8', delimiter: ';' })
    expect(layout.headers).toHaveLength(10)
    await rm(dir, { recursive: true, force: true })
  })

  test('the mapping proposed from French and English headers', async () => {
    const en = await readLayout(fixture('commissions-utf8-comma.csv'))
    expect(en).toMatchObject({ encoding: 'utf-8', delimiter: ',' })
    expect(proposeMapping(en.headers)).toEqual({
      clientNumber: 0,
      lastName: 1,
      firstName: 2,
      email: 3,
      phone: 4,
      contractReference: 5,
      product: 6,
      advisorCode: 7,
      period: 8,
      amount: 9,
      rate: 10,
    })
    const fr = await readLayout(fixture('commissions-cp1252-semicolon.csv'))
    expect(fr).toMatchObject({ encoding: 'windows-1252', delimiter: ';' })
    expect(fr.headers[0]).toBe('N° client')
    expect(proposeMapping(fr.headers)).toEqual(proposeMapping(en.headers))
  })
})

describeEachDatabase('commission import', (database) => {
  const ds = (): DataSource => database().dataSource
  let importer: CommissionImport
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    importer = new CommissionImport(ds())
    const [adv1, adv2] = await ds()
      .getRepository(Advisor)
      .save([
        { code: 'ADV1', lastName: 'Un' },
        { code: 'ADV2', lastName: 'Deux' },
      ])
    const repo = ds().getRepository(Client)
    const [c1, c2, c3] = await repo.save(
      [
        {
          clientNumber: 'CEXIST001',
          lastName: 'Martin',
          firstName: 'Paul',
          email: 'paul.martin@example.fr',
          advisorId: adv1.id,
          status: 'active',
        },
        {
          clientNumber: 'CEXIST002',
          lastName: 'Dupont',
          firstName: 'Jean',
          email: 'jean.dupont@example.fr',
          advisorId: adv1.id,
          status: 'active',
        },
        {
          clientNumber: 'CEXIST003',
          lastName: 'Lefèvre',
          firstName: 'Hélène',
          advisorId: adv2.id,
          status: 'active',
        },
      ].map((c) => repo.create(c as Partial<Client>)),
    )
    Object.assign(ids, { c1: c1.id, c2: c2.id, c3: c3.id })
    await ds()
      .getRepository(Contract)
      .save({ reference: 'K-EXIST-1', clientId: c1.id, product: 'PER', advisorId: adv1.id })
  })

  const counts = async () => ({
    clients: await ds().getRepository(Client).count(),
    contracts: await ds().getRepository(Contract).count(),
    commissions: await ds().getRepository(Commission).count(),
  })

  test('UTF-8, commas, a BOM, quotes and a newline inside a field: the dry run says what the import then does', async () => {
    const file = fixture('commissions-utf8-comma.csv')
    const layout = await readLayout(file)
    const mapping = proposeMapping(layout.headers)
    const before = await counts()
    const dry = await importer.dryRun(file, mapping)
    expect(await counts()).toEqual(before)
    expect(dry.errors).toEqual([])
    expect(dry.counts).toEqual({
      rows: 6,
      imported: 6,
      failed: 0,
      clientsMatchedByNumber: 1,
      clientsMatchedByEmail: 1,
      clientsMatchedByName: 2,
      clientsMatchedByContract: 0,
      clientsCreated: 1,
      contractsCreated: 3,
    })
    expect(dry.sample.map((o) => [o.line, o.client?.match, o.client?.id ?? null, o.contract?.match])).toEqual(
      [
        [2, 'number', ids.c1, 'existing'],
        [3, 'email', ids.c2, 'new'],
        [4, 'name', ids.c2, 'new'],
        [5, 'name', ids.c3, 'none'],
        [7, 'new', null, 'new'],
        [9, 'sameFile', null, 'sameFile'],
      ],
    )
    expect(dry.sample[2].client?.score).toBeGreaterThanOrEqual(0.85)
    expect(dry.sample[2].client?.score).toBeLessThan(1)

    const batch = await importer.start(actor, file, 'commissions-utf8-comma.csv', mapping)
    const done = await importer.finished(batch.id)
    expect(done).toMatchObject({
      status: 'done',
      rowsRead: 6,
      rowsImported: 6,
      rowsFailed: 0,
      commissionsCreated: 6,
      clientsCreated: 1,
      clientsMatched: 4,
      contractsCreated: 3,
      actor: 'admin@example.com',
    })
    expect(await counts()).toEqual({
      clients: before.clients + 1,
      contracts: before.contracts + 3,
      commissions: before.commissions + 6,
    })
    const created = await ds().getRepository(Client).findOneByOrFail({ email: 'new.client@example.fr' })
    expect(created).toMatchObject({
      lastName: 'O\'Brien "Junior"',
      firstName: 'Sam\r\nSecond line',
      importBatchId: batch.id,
    })
    const commissions = await ds()
      .getRepository(Commission)
      .find({ where: { importBatchId: batch.id }, order: { id: 'ASC' } })
    expect(commissions.map((c) => [c.clientId, c.amount, c.rate, c.period])).toEqual([
      [ids.c1, '120.50', '2.5000', '2026-01-01'],
      [ids.c2, '1234.56', '1.2500', '2026-01-01'],
      [ids.c2, '80.00', null, '2026-02-01'],
      [ids.c3, '15.00', null, '2026-02-01'],
      [created.id, '42.00', '3.0000', '2026-03-01'],
      [created.id, '43.00', '3.0000', '2026-04-01'],
    ])
    const [event] = await ds().getRepository(ClientEvent).findBy({ clientId: created.id, type: 'imported' })
    expect(event).toMatchObject({ actor: 'admin@example.com', data: { importBatchId: batch.id, line: 7 } })

    // Undo: what the batch created and nothing else uses goes; the matched clients stay.
    const undo = await importer.undo(actor, batch.id)
    expect(undo).toEqual({ commissions: 6, contracts: 3, clients: 1 })
    expect(await counts()).toEqual(before)
    // The matched clients that lost commissions say so in their history, once each, with who did it.
    const undone = await ds()
      .getRepository(ClientEvent)
      .find({ where: { type: 'import_undone' }, order: { clientId: 'ASC' } })
    const lost = (id: number) => commissions.filter((c) => c.clientId === id).length
    expect(undone.map((e) => [e.clientId, e.data?.importBatchId, e.data?.commissions])).toEqual(
      [ids.c1, ids.c2, ids.c3].sort((a, b) => a - b).map((id) => [id, batch.id, lost(id)]),
    )
    expect(undone[0]).toMatchObject({ actor: 'admin@example.com', ip: '127.0.0.1', actorType: 'admin' })
    expect(await ds().getRepository(ImportBatch).findOneByOrFail({ id: batch.id })).toMatchObject({
      status: 'undone',
      undoneBy: 'admin@example.com',
    })
    // History kept, unlinked from the removed client.
    expect(await ds().getRepository(ClientEvent).findOneByOrFail({ id: event.id })).toMatchObject({
      clientId: null,
    })
    await expect(importer.undo(actor, batch.id)).rejects.toMatchObject({
      name: 'ImportUndoRefused',
      reason: 'undone',
    })
  })

  test('Windows-1252 with semicolons, French numbers and dates', async () => {
    const file = fixture('commissions-cp1252-semicolon.csv')
    const layout = await readLayout(file)
    const mapping = proposeMapping(layout.headers)
    const dry = await importer.dryRun(file, mapping)
    expect(dry.errors).toEqual([])
    expect(dry.sample.map((o) => [o.line, o.client?.match, o.client?.id ?? null])).toEqual([
      [2, 'name', ids.c3],
      [3, 'number', ids.c2],
      [5, 'new', null],
    ])
    const batch = await importer.finished((await importer.start(actor, file, 'fr.csv', mapping)).id)
    expect(batch.status).toBe('done')
    const rows = await ds()
      .getRepository(Commission)
      .find({ where: { importBatchId: batch.id }, order: { id: 'ASC' } })
    expect(rows.map((c) => [c.amount, c.rate, c.period])).toEqual([
      ['1234.56', '2.5000', '2026-03-01'],
      ['-12.50', null, '2026-03-01'],
      ['0.00', null, '2026-03-01'],
    ])
    expect(await ds().getRepository(Client).findOneByOrFail({ email: 'elodie.b@example.fr' })).toMatchObject({
      lastName: 'Bérénice',
      firstName: 'Élodie',
    })
    await importer.undo(actor, batch.id)
  })

  test('bad rows are reported with their line and reason, the good ones imported, nothing else', async () => {
    const file = fixture('commissions-bad-rows.csv')
    const mapping = proposeMapping((await readLayout(file)).headers)
    const before = await counts()
    const dry = await importer.dryRun(file, mapping)
    const expected = [
      { line: 3, errors: ['importMissingAmount'] },
      { line: 4, errors: ['importBadAmount'] },
      { line: 5, errors: ['importBadPeriod'] },
      { line: 6, errors: ['importUnknownAdvisor'] },
      { line: 7, errors: ['importBadEmail'] },
      { line: 8, errors: ['importNoClient'] },
      { line: 9, errors: ['importNoProduct'] },
      { line: 10, errors: ['importContractOfOtherClient'] },
      { line: 11, errors: ['importBadRate'] },
      { line: 12, errors: ['importAmountTooLarge'] },
      { line: 13, errors: ['importMissingPeriod'] },
      { line: 14, errors: ['importNoLastName'] },
      { line: 15, errors: ['importMissingAmount', 'importMissingPeriod'] },
    ]
    expect(dry.errors).toEqual(expected)
    expect(dry.counts).toMatchObject({ rows: 15, imported: 2, failed: 13 })
    const batch = await importer.finished((await importer.start(actor, file, 'bad.csv', mapping)).id)
    expect(batch).toMatchObject({
      status: 'done',
      rowsRead: 15,
      rowsImported: 2,
      rowsFailed: 13,
      errors: expected,
    })
    expect(await counts()).toEqual({
      ...before,
      clients: before.clients + 2,
      commissions: before.commissions + 2,
    })
    await importer.undo(actor, batch.id)
    expect(await counts()).toEqual(before)
  })

  test('thousands of bad rows: all counted, as many kept in the batch as its column holds, the import still done', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'csv-'))
    const file = path.join(dir, 'bad.csv')
    const bad = Array.from(
      { length: 3000 },
      (_, i) => `,Nom${i},,x${i}@example.fr,,,ADV1,2026-05,douze,\n`,
    ).join('')
    await writeFile(
      file,
      `Client number,Last name,First name,Email,Contract reference,Product,Advisor code,Period,Amount,Rate\n${bad}`,
    )
    const mapping = proposeMapping((await readLayout(file)).headers)
    const batch = await importer.finished((await importer.start(actor, file, 'bad.csv', mapping)).id)
    expect(batch).toMatchObject({ status: 'done', rowsRead: 3000, rowsFailed: 3000, rowsImported: 0 })
    expect(batch.errors?.length).toBeGreaterThan(500)
    expect(batch.errors?.length).toBeLessThan(3000)
    expect(batch.errors?.[0]).toEqual({ line: 2, errors: ['importBadAmount'] })
    await rm(dir, { recursive: true, force: true })
  })

  test('undo keeps a created client that has been used since', async () => {
    const file = fixture('commissions-cp1252-semicolon.csv')
    const mapping = proposeMapping((await readLayout(file)).headers)
    const batch = await importer.finished((await importer.start(actor, file, 'fr.csv', mapping)).id)
    const created = await ds().getRepository(Client).findOneByOrFail({ email: 'elodie.b@example.fr' })
    await ds()
      .getRepository(ClientEvent)
      .save({ clientId: created.id, type: 'note_added', actorType: 'admin', actor: 'x' })
    const undo = await importer.undo(actor, batch.id)
    expect(undo).toMatchObject({ commissions: 3, clients: 0 })
    expect(await ds().getRepository(Client).countBy({ id: created.id })).toBe(1)
  })

  test('a batch keeps its actor IP normalised; a resumed state knows the line that created each client', async () => {
    const file = fixture('commissions-utf8-comma.csv')
    const mapping = proposeMapping((await readLayout(file)).headers)
    const mapped = { email: 'admin@example.com', ip: '::ffff:10.1.2.3' }
    const batch = await importer.finished((await importer.start(mapped, file, 'en.csv', mapping)).id)
    expect(batch.actorIp).toBe('10.1.2.3')
    const created = await ds()
      .getRepository(Client)
      .findOneByOrFail({ email: 'new.client@example.fr', importBatchId: batch.id })
    const [event] = await ds().getRepository(ClientEvent).findBy({ clientId: created.id, type: 'imported' })
    expect(event).toMatchObject({ ip: '10.1.2.3', data: { importBatchId: batch.id, line: 7 } })
    const state = await ImportState.resume(ds(), batch.id)
    expect(state.clientsByNumber.get(created.clientNumber)).toMatchObject({ id: created.id, line: 7 })
    await importer.undo(actor, batch.id)
    const garbage = await importer.finished(
      (await importer.start({ email: 'admin@example.com', ip: 'not an address' }, file, 'en.csv', mapping))
        .id,
    )
    expect(garbage.actorIp).toBeNull()
    await importer.undo(actor, garbage.id)
  })
})
