import type { DataSource } from 'typeorm'
import { Advisor, Client, Commission, Contract, ImportBatch } from '../src/index.js'
import { CommissionImport } from '../src/services/import/commissionImport.js'
import { proposeMapping } from '../src/services/import/importRows.js'
import { readLayout } from '../src/services/import/csvSource.js'
import { readDecisions, type IdentityDecisions } from '../src/shared/identityConflict.js'
import { describeEachDatabase } from './support/databases.js'
import { importFixture } from './support/fixtures.js'
import { batchCounts, dryCounts } from './support/importCounts.js'

const actor = { email: 'admin@example.com', ip: '127.0.0.1' }

describeEachDatabase('an import that refuses to guess an identity', (database) => {
  const ds = (): DataSource => database().dataSource
  let importer: CommissionImport
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    importer = new CommissionImport(ds())
    const advisor = await ds().getRepository(Advisor).save({ code: 'ADV1', lastName: 'Un' })
    const repo = ds().getRepository(Client)
    const [dartagnan, dupont, martin] = await repo.save(
      [
        ['CX-09001', "D'Artagnan", 'Charles', 'charles.dartagnan1@example.fr'],
        ['CX-09002', 'Dupont', 'Jean', 'jean.dupont@example.fr'],
        ['CX-09003', 'Martin', 'Paul', 'paul.martin@example.fr'],
      ].map(([clientNumber, lastName, firstName, email]) =>
        repo.create({ clientNumber, lastName, firstName, email, advisorId: advisor.id, status: 'active' }),
      ),
    )
    Object.assign(ids, { dartagnan: dartagnan.id, dupont: dupont.id, martin: martin.id })
    await ds()
      .getRepository(Contract)
      .save({ reference: 'K-DB-1', clientId: martin.id, product: 'PER', advisorId: advisor.id })
  })

  /** Dry run, then the import with the same decisions: both counts, the batch and its commissions. */
  async function dryRunThenImport(name: string, decisions: IdentityDecisions | null) {
    const file = importFixture(name)
    const mapping = proposeMapping((await readLayout(file)).headers)
    const dry = await importer.dryRun(file, mapping, { decisions })
    const started = await importer.start(actor, file, name, mapping, decisions)
    const batch = await importer.finished(started.id)
    expect(batch.status).toBe('done')
    // Dry run = import, exactly.
    expect(batchCounts(batch)).toEqual(dryCounts(dry.counts))
    expect(batch.errors).toEqual(dry.errors)
    const commissions = await ds()
      .getRepository(Commission)
      .find({ where: { importBatchId: batch.id }, order: { amount: 'ASC' } })
    return { dry, batch, commissions: commissions.map((c) => [c.amount, c.clientId]) }
  }

  test('against the database: a number, an email or a contract of someone else is a conflict, not a match', async () => {
    const { dry, batch, commissions } = await dryRunThenImport('commissions-identity-database.csv', null)
    expect(dry.counts).toMatchObject({ rows: 5, imported: 2, failed: 3, clientsMatchedByNumber: 2 })
    expect(dry.errors).toEqual([
      {
        line: 2,
        errors: ['importIdentityConflict'],
        conflict: {
          via: 'clientNumber',
          value: 'CX-09001',
          existing: {
            id: ids.dartagnan,
            clientNumber: 'CX-09001',
            lastName: "D'Artagnan",
            firstName: 'Charles',
            email: 'charles.dartagnan1@example.fr',
          },
          row: {
            clientNumber: 'CX-09001',
            lastName: 'Dupond',
            firstName: 'Jean',
            email: 'jean.dupond1@example.fr',
          },
        },
      },
      {
        line: 4,
        errors: ['importIdentityConflict'],
        conflict: expect.objectContaining({
          via: 'email',
          value: 'charles.dartagnan1@example.fr',
          existing: expect.objectContaining({ id: ids.dartagnan }),
          row: expect.objectContaining({ lastName: 'Durand', firstName: 'Marie' }),
        }),
      },
      {
        line: 5,
        errors: ['importIdentityConflict'],
        conflict: expect.objectContaining({
          via: 'contractReference',
          value: 'K-DB-1',
          existing: expect.objectContaining({ id: ids.martin, lastName: 'Martin' }),
          row: expect.objectContaining({ lastName: 'Lambert' }),
        }),
      },
    ])
    // Dupond with Dupont's email is Dupont (a typo); Martin on his own contract is Martin.
    expect(commissions).toEqual([
      ['11.00', ids.dupont],
      ['14.00', ids.martin],
    ])
    expect(batch.identityDecisions).toBeNull()
    await importer.undo(actor, batch.id)
  })

  test('against the database: the admin attaches two conflicts anyway and skips the rest, recorded in the batch', async () => {
    const decisions: IdentityDecisions = { lines: { '2': 'attach', '5': 'attach' }, all: 'skip' }
    const { dry, batch, commissions } = await dryRunThenImport('commissions-identity-database.csv', decisions)
    expect(dry.counts).toMatchObject({
      rows: 5,
      imported: 4,
      failed: 1,
      clientsMatchedByNumber: 3,
      clientsMatchedByContract: 1,
      clientsCreated: 0,
    })
    expect(dry.errors).toEqual([
      { line: 4, errors: ['importIdentitySkipped'], conflict: expect.objectContaining({ via: 'email' }) },
    ])
    expect(batch.identityDecisions).toEqual(decisions)
    expect(commissions).toEqual([
      ['10.00', ids.dartagnan],
      ['11.00', ids.dupont],
      ['13.00', ids.martin],
      ['14.00', ids.martin],
    ])
    expect(await ds().getRepository(Client).countBy({ email: 'sophie.lambert@example.fr' })).toBe(0)
    await importer.undo(actor, batch.id)
  })

  test('within the file: a number, an email or a contract that an earlier row gave someone else', async () => {
    const { dry, batch, commissions } = await dryRunThenImport('commissions-identity-file.csv', null)
    expect(dry.counts).toMatchObject({
      rows: 5,
      imported: 2,
      failed: 3,
      clientsCreated: 1,
      contractsCreated: 1,
    })
    expect(dry.errors.map((e) => [e.line, e.errors, e.conflict?.via, e.conflict?.existing.line])).toEqual([
      [3, ['importIdentityConflict'], 'clientNumber', 2],
      [4, ['importIdentityConflict'], 'email', 2],
      [5, ['importIdentityConflict'], 'contractReference', 2],
    ])
    expect(dry.errors[0].conflict).toMatchObject({
      existing: { id: null, clientNumber: 'CF-00001', lastName: 'Leroy', firstName: 'Anne' },
      row: { lastName: 'Moreau', firstName: 'Luc', email: 'luc.moreau@example.fr' },
    })
    const anne = await ds().getRepository(Client).findOneByOrFail({ clientNumber: 'CF-00001' })
    expect(commissions).toEqual([
      ['20.00', anne.id],
      ['24.00', anne.id],
    ])
    await importer.undo(actor, batch.id)
  })

  test('within the file: attach all at once', async () => {
    const { dry, commissions } = await dryRunThenImport('commissions-identity-file.csv', {
      lines: {},
      all: 'attach',
    })
    expect(dry.counts).toMatchObject({
      rows: 5,
      imported: 5,
      failed: 0,
      clientsCreated: 1,
      contractsCreated: 1,
    })
    expect(dry.errors).toEqual([])
    const anne = await ds().getRepository(Client).findOneByOrFail({ clientNumber: 'CF-00001' })
    expect(commissions.map(([, clientId]) => clientId)).toEqual(Array(5).fill(anne.id))
    expect(await ds().getRepository(Client).countBy({ clientNumber: 'CF-00002' })).toBe(0)
  })

  test('decisions from a form keep only line numbers and the two choices', async () => {
    const file = importFixture('commissions-identity-database.csv')
    const mapping = proposeMapping((await readLayout(file)).headers)
    const started = await importer.start(actor, file, 'x.csv', mapping, null)
    await importer.finished(started.id)
    expect(
      readDecisions('{"lines":{"2":"attach","x":"attach","3":"drop","-1":"skip","4":"skip"},"all":"merge"}'),
    ).toEqual({ lines: { '2': 'attach', '4': 'skip' }, all: null })
    expect(readDecisions('not json')).toEqual({ lines: {}, all: null })
    expect(await ds().getRepository(ImportBatch).findOneByOrFail({ id: started.id })).toMatchObject({
      identityDecisions: null,
    })
  })
})
