import { Advisor, Client, ClientAdvisor, Commission, Contract, clientAdvisorsDrift } from '../src/index.js'
import { seedLarge } from '../demo/seedLarge.js'
import { describeEachDatabase } from './support/databases.js'

describeEachDatabase('npm run seed:large (small sizes)', (database) => {
  const sizes = { advisors: 3, clients: 1200, contracts: 3000, commissions: 5000 }

  test('a run stopped half-way continues where it stopped; a run on a complete set does nothing', async () => {
    const ds = database().dataSource
    const progress: string[] = []
    // Stopped in the commissions (after a commit), as a Ctrl-C would.
    const stop = new Error('stopped')
    await expect(
      seedLarge(
        ds,
        sizes,
        (table, done) => {
          if (table === 'commissions' && done > 0) throw stop
        },
        { rowsPerTransaction: 500 },
      ),
    ).rejects.toBe(stop)
    expect(await ds.getRepository(Commission).count()).toBeGreaterThan(0)
    expect(await ds.getRepository(Commission).count()).toBeLessThan(5000)
    await seedLarge(ds, sizes, (table, done, total) => progress.push(`${table} ${done}/${total}`))
    await seedLarge(ds, sizes) // again: nothing to add
    expect(await ds.getRepository(Advisor).count()).toBe(3)
    expect(await ds.getRepository(Client).count()).toBe(1200)
    expect(await ds.getRepository(Contract).count()).toBe(3000)
    expect(await ds.getRepository(Commission).count()).toBe(5000)
    expect(progress).toContain('clients 1200/1200')
    expect(progress).toContain('commissions 5000/5000')
    // Every client has a contract, every commission a contract and a client of its own contract's; names are searchable.
    const [orphans] = await ds.query(
      `SELECT (SELECT COUNT(*) FROM clients c WHERE NOT EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = c.id)) AS clients,
              (SELECT COUNT(*) FROM commissions m WHERE m.contractId IS NULL OR m.clientId IS NULL
                 OR NOT EXISTS (SELECT 1 FROM contracts k WHERE k.id = m.contractId AND k.clientId = m.clientId AND k.advisorId = m.advisorId)) AS commissions,
              (SELECT COUNT(*) FROM clients WHERE searchName IS NULL) AS unsearchable`,
    )
    expect(Object.values(orphans).map(Number)).toEqual([0, 0, 0])
    const [dupont] = await ds.query(`SELECT COUNT(*) AS n FROM clients WHERE searchName LIKE 'dupon%'`)
    expect(Number(dupont.n)).toBeGreaterThan(0)
    // The clients of each advisor are there, as the services would have written them.
    expect(await ds.getRepository(ClientAdvisor).count()).toBeGreaterThanOrEqual(1200)
    expect(await clientAdvisorsDrift(ds.manager)).toEqual({ missing: 0, extra: 0 })
  })

  test('stopped in the clients, the next run continues with the rows that follow (no gap, none twice)', async () => {
    const ds = database().dataSource
    const more = { advisors: 3, clients: 2400, contracts: 6000, commissions: 10000 }
    const stop = new Error('stopped')
    // The first 1,200 clients are there; stop after the next commit of clients.
    await expect(
      seedLarge(
        ds,
        more,
        (table, done) => {
          if (table === 'clients' && done > 1200) throw stop
        },
        { rowsPerTransaction: 500 },
      ),
    ).rejects.toBe(stop)
    await seedLarge(ds, more)
    expect(await ds.getRepository(Client).count()).toBe(2400)
    const numbers: { clientNumber: string; id: number }[] = await ds.query(
      'SELECT id, clientNumber FROM clients ORDER BY id',
    )
    expect(new Set(numbers.map((n) => n.clientNumber)).size).toBe(2400)
    expect(numbers[2399].id - numbers[0].id).toBe(2399)
    expect(await ds.getRepository(Commission).count()).toBe(10000)
    expect(await clientAdvisorsDrift(ds.manager)).toEqual({ missing: 0, extra: 0 })
  })
})
