import { Advisor, Client, Commission, Contract } from '../src/index.js'
import { seedLarge } from '../demo/seedLarge.js'
import { describeEachDatabase } from './support/databases.js'

describeEachDatabase('npm run seed:large (small sizes)', (database) => {
  test('appends the asked numbers of rows, linked, searchable, with progress reported', async () => {
    const ds = database().dataSource
    const progress: string[] = []
    const sizes = { advisors: 3, clients: 1200, contracts: 3000, commissions: 5000 }
    await seedLarge(ds, sizes, (table, done, total) => progress.push(`${table} ${done}/${total}`))
    await seedLarge(ds, sizes) // twice: rows are appended after those already there
    expect(await ds.getRepository(Advisor).count()).toBe(6)
    expect(await ds.getRepository(Client).count()).toBe(2400)
    expect(await ds.getRepository(Contract).count()).toBe(6000)
    expect(await ds.getRepository(Commission).count()).toBe(10000)
    expect(progress).toContain('clients 1200/1200')
    expect(progress).toContain('commissions 5000/5000')
    // Every client has a contract, every commission a contract and a client; names are searchable.
    const [orphans] = await ds.query(
      `SELECT (SELECT COUNT(*) FROM clients c WHERE NOT EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = c.id)) AS clients,
              (SELECT COUNT(*) FROM commissions WHERE contractId IS NULL OR clientId IS NULL) AS commissions,
              (SELECT COUNT(*) FROM clients WHERE searchName IS NULL) AS unsearchable`,
    )
    expect(Object.values(orphans).map(Number)).toEqual([0, 0, 0])
    const [dupont] = await ds.query(`SELECT COUNT(*) AS n FROM clients WHERE searchName LIKE 'dupon%'`)
    expect(Number(dupont.n)).toBeGreaterThan(0)
  })
})
