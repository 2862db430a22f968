// services/core/findIn.ts: the import's lookups by many values, one spread parameter (not a
// parameter per value, which TypeORM's `In` makes quadratic in the number of values).
import { In } from 'typeorm'
import { Client } from '../src/index.js'
import { findIn } from '../src/services/core/findIn.js'
import { describeEachDatabase } from './support/databases.js'
import { statementsOf } from './support/statements.js'

describeEachDatabase('findIn', (db) => {
  beforeAll(async () => {
    await db()
      .dataSource.getRepository(Client)
      .save(
        Array.from({ length: 30 }, (_, i) => ({
          clientNumber: `FI${String(i).padStart(4, '0')}`,
          lastName: `Name${i}`,
          email: `fi${i}@example.com`,
        })),
      )
  })

  test('the rows find(In) gives, only the columns asked for, in one statement', async () => {
    const manager = db().dataSource.manager
    const numbers = ['FI0003', 'FI0017', 'FI0029', 'NOPE']
    const expected = await manager.find(Client, {
      select: { id: true, clientNumber: true },
      where: { clientNumber: In(numbers) },
    })
    let found: Client[] = []
    expect(
      await statementsOf(db().dataSource, async () => {
        found = await findIn(manager, Client, ['id', 'clientNumber'], 'clientNumber', numbers)
      }),
    ).toBe(1)
    const order = (rows: Client[]) => [...rows].sort((a, b) => a.id - b.id)
    expect(order(found)).toEqual(order(expected))
    expect(found).toHaveLength(3)
    expect(Object.keys(found[0]).sort()).toEqual(['clientNumber', 'id'])
  })

  test('no value, no statement', async () => {
    const ds = db().dataSource
    expect(await statementsOf(ds, () => findIn(ds.manager, Client, ['id'], 'email', []))).toBe(0)
  })
})
