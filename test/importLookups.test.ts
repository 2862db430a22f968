// The chunk planner's lookups (services/import/planChunk.ts): a contract whose client the row
// names by number is not read a second time as the contract's owner.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Advisor, Client, Contract } from '../src/index.js'
import { CommissionImport } from '../src/services/import/commissionImport.js'
import { proposeMapping } from '../src/services/import/importRows.js'
import { readLayout } from '../src/services/import/csvSource.js'
import { describeEachDatabase } from './support/databases.js'

const actor = { email: 'admin@example.com', ip: '127.0.0.1' }

describeEachDatabase('import lookups', (db) => {
  test('rows naming a client and its contract: no query for the contracts’ owners', async () => {
    const ds = db().dataSource
    const [advisor] = await ds.getRepository(Advisor).save([{ code: 'LK1', lastName: 'Conseil' }])
    const clients = await ds
      .getRepository(Client)
      .save([1, 2, 3].map((i) => ({ clientNumber: `LK000${i}`, lastName: `Nom${i}`, advisorId: advisor.id })))
    await ds.getRepository(Contract).save(
      clients.map((c, i) => ({
        reference: `LK-K${i + 1}`,
        clientId: c.id,
        advisorId: advisor.id,
        product: 'PER',
      })),
    )
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lookups-'))
    const file = path.join(dir, 'rows.csv')
    await writeFile(
      file,
      'Client number;Contract reference;Advisor code;Period;Amount;Rate\n' +
        clients.map((c, i) => `${c.clientNumber};LK-K${i + 1};LK1;2026-01;10,00;1,5\n`).join(''),
    )
    const sql: string[] = []
    const logger = ds.logger
    const original = logger.logQuery.bind(logger)
    logger.logQuery = (query, parameters, runner) => {
      sql.push(query)
      return original(query, parameters, runner)
    }
    try {
      const importer = new CommissionImport(ds)
      const mapping = proposeMapping((await readLayout(file)).headers)
      const batch = await importer.finished((await importer.start(actor, file, 'rows.csv', mapping)).id)
      expect(batch).toMatchObject({ status: 'done', rowsImported: 3, clientsMatched: 3, contractsCreated: 0 })
    } finally {
      logger.logQuery = original
      await rm(dir, { recursive: true, force: true })
    }
    const byId = sql.filter((q) => /FROM [`"]clients[`"] [`"]x[`"] WHERE [`"]x[`"]\.[`"]id[`"] IN/.test(q))
    expect(byId).toEqual([])
    // The lookups that do run: clients by number, contracts by reference.
    expect(sql.filter((q) => /[`"]x[`"]\.[`"]clientNumber[`"] IN/.test(q)).length).toBeGreaterThan(0)
  })
})
