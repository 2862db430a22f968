import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { createTestDatabase, requireMysqlInCi, type TestDatabase } from './support/databases.js'

// Galera replicates row events keyed by primary key, only for InnoDB tables, and does not
// replicate table locks or named locks across nodes: what the plugin and the demo must hold to.
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : []
  })

test('no LOCK TABLES and no GET_LOCK in the plugin or the demo (neither holds across Galera nodes)', () => {
  const files = [...sources('src'), ...sources('demo')]
  expect(files.length).toBeGreaterThan(50)
  const found = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => `${file}:${i + 1}: ${line.trim()}`)
      .filter((line) =>
        /\bLOCK\s+TABLES?\b|\bGET_LOCK\s*\(|\bRELEASE_LOCK\s*\(/i.test(line.replace(/^[^:]+:\d+: /, '')),
      ),
  )
  expect(found).toEqual([])
})

requireMysqlInCi()

if (process.env.MYSQL_URL) {
  describe('the migrated schema on MariaDB', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase('mysql')
    })
    afterAll(() => db?.dispose())

    test('every table has a primary key and is InnoDB', async () => {
      const tables: { name: string; engine: string; primaryKey: number }[] = await db.dataSource.query(
        `SELECT t.TABLE_NAME AS name, t.ENGINE AS engine,
                (SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS c
                  WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
                    AND c.CONSTRAINT_TYPE = 'PRIMARY KEY') AS primaryKey
           FROM information_schema.TABLES t
          WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'`,
      )
      // Every entity's table is there (the migrations ran), plus the migrations' own table.
      const expected = db.dataSource.entityMetadatas
        .filter((m) => m.tableType === 'regular')
        .map((m) => m.tableName)
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([...expected, 'migrations']))
      expect(tables.filter((t) => Number(t.primaryKey) !== 1).map((t) => t.name)).toEqual([])
      expect(tables.filter((t) => t.engine !== 'InnoDB').map((t) => `${t.name}: ${t.engine}`)).toEqual([])
    })
  })
}
