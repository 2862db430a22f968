// The seeded demo that test files get by copy (test/support/seedTemplate.ts) is the demo's seed:
// on each database, one database seeded by demo/seed.ts as `seededDemo` did before issue 30, one
// filled from the run's template, and every table of the two compared row by row. What the seed
// makes from the clock (dates, the year in a reference) or at random (the hashes' salts, the client
// numbers: `generateClientNumber`) is compared by its shape only.
import { hashFormat, PasswordHasher } from '../src/index.js'
import { seedAdmins, seedDemoData } from '../demo/seed.js'
import {
  createTestDatabase,
  databaseKinds,
  requireMysqlInCi,
  type TestDatabase,
} from './support/databases.js'
import { copySeedTemplate, seedTemplateUsable } from './support/seedTemplate.js'
import { DEMO_PASSWORD, TEST_HASHING } from './support/testHashing.js'

requireMysqlInCi()

/** A value as compared: dates, salted hashes and client numbers by their shape, a reference's year masked. */
function shapeOf(column: string, value: unknown): unknown {
  if (value instanceof Date) return 'date'
  if (column === 'clientNumber' && typeof value === 'string' && /^C[0-9A-Z]{8}$/.test(value))
    return 'C########'
  if (typeof value !== 'string') return value === null ? null : String(value)
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'date'
  const format = hashFormat(value)
  if (format !== 'unknown') return `hash ${format}`
  return value.replace(/^([A-Z]{2})-\d{4}-/, '$1-YYYY-')
}

async function tableRows(db: TestDatabase): Promise<Record<string, unknown[]>> {
  const q = (name: string) => (db.kind === 'mysql' ? `\`${name}\`` : `"${name}"`)
  const out: Record<string, unknown[]> = {}
  for (const meta of db.dataSource.entityMetadatas) {
    const order = meta.primaryColumns.map((c) => q(c.databaseName)).join(', ')
    const rows = (await db.dataSource.query(
      `SELECT * FROM ${q(meta.tableName)}${order ? ` ORDER BY ${order}` : ''}`,
    )) as Record<string, unknown>[]
    out[meta.tableName] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, shapeOf(column, value)])),
    )
  }
  return out
}

describe.each(databaseKinds())('the seed template on %s', (kind) => {
  const databases: TestDatabase[] = []
  afterAll(() => Promise.all(databases.map((db) => db.dispose())))

  test('the copied rows are the rows the demo seed writes, table by table', async () => {
    // The unit suite's global setup gives the run its templates: seededDemo copies them.
    expect(seedTemplateUsable(undefined)).toBe(true)
    expect(seedTemplateUsable({ driver: 'bcrypt' })).toBe(false)
    const seeded = await createTestDatabase(kind)
    databases.push(seeded)
    const hasher = new PasswordHasher(TEST_HASHING)
    await seedAdmins(seeded.dataSource, hasher, DEMO_PASSWORD)
    const seedCounts = await seedDemoData(seeded.dataSource, hasher)
    const copied = await createTestDatabase(kind)
    databases.push(copied)
    const copyCounts = await copySeedTemplate(copied)
    expect(copyCounts).toEqual(seedCounts)

    const [want, got] = [await tableRows(seeded), await tableRows(copied)]
    expect(Object.keys(got)).toEqual(Object.keys(want))
    for (const table of Object.keys(want))
      expect({ table, rows: got[table] }).toEqual({ table, rows: want[table] })
    // Not an empty comparison: the seed's clients, contracts and commissions are there.
    expect(want.clients?.length).toBe(seedCounts?.clients)
    expect(seedCounts?.commissions).toBe(2000)
    // A second copy into a database that has them is refused, as the seed refuses.
    await expect(copySeedTemplate(copied)).rejects.toThrow(/expected an empty database/)
  }, 300_000)
})
