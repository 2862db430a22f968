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
    let found: Pick<Client, 'id' | 'clientNumber'>[] = []
    expect(
      await statementsOf(db().dataSource, async () => {
        found = await findIn(manager, Client, ['id', 'clientNumber'], 'clientNumber', numbers)
      }),
    ).toBe(1)
    const order = <R extends { id: number }>(rows: R[]) => [...rows].sort((a, b) => a.id - b.id)
    expect(order(found)).toEqual(order(expected))
    expect(found).toHaveLength(3)
    expect(Object.keys(found[0]).sort()).toEqual(['clientNumber', 'id'])
  })

  test("the import's columns, read as plain values equal to TypeORM's entities' (numbers, strings, nulls)", async () => {
    const manager = db().dataSource.manager
    const columns = ['id', 'clientNumber', 'email', 'advisorId', 'status', 'lastName', 'firstName'] as const
    const emails = ['fi4@example.com', 'fi5@example.com']
    const expected = await manager.find(Client, {
      select: Object.fromEntries(columns.map((c) => [c, true])),
      where: { email: In(emails) },
    })
    const found = await findIn(manager, Client, columns, 'email', emails)
    const order = <R extends { id: number }>(rows: R[]) => [...rows].sort((a, b) => a.id - b.id)
    // Same values and types (toStrictEqual of plain copies: a number stays a number, null stays null).
    expect(order(found).map((r) => ({ ...r }))).toStrictEqual(order(expected).map((r) => ({ ...r })))
    expect(found[0].advisorId).toBeNull()
    expect(typeof found[0].id).toBe('number')
  })

  test('no value, no statement', async () => {
    const ds = db().dataSource
    expect(await statementsOf(ds, () => findIn(ds.manager, Client, ['id'], 'email', []))).toBe(0)
  })
})
