// The seeded demo data, made once per jest worker and copied into each test file's database (issue
// 30, CI time). `seededDemo` used to run the demo's seed in every file, on each database: faker,
// three password hashes and thousands of rows inserted through TypeORM's query builder. Here the
// first file of a worker seeds a database of its own (the template, per database kind), and every
// file copies the tables the seed wrote from it with one INSERT … SELECT per table: the same rows,
// ids included, as the seed would have written (the same fixed faker seed, the same hashing).
// The templates are the run's (in TEST_TEMPLATE_DIR, made by jest's global setup of the unit suite)
// and removed by its global teardown; without it, or with TEST_SEED_TEMPLATE=off, each file seeds.
import { existsSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { BaseEntity, DataSource } from 'typeorm'
import type { SeedCounts } from '../../demo/seed.js'
import { PasswordHasher } from '../../src/services/accounts/passwordHasher.js'
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js'
import { DEMO_PASSWORD, TEST_HASHING } from './testHashing.js'

interface SeedTemplate {
  /** The SQLite file, or the MariaDB database, that holds the seeded rows. */
  source: string
  /** The tables the seed wrote (empty before it), each with its columns. */
  tables: { name: string; columns: string[] }[]
  counts: SeedCounts
}

/** One template per worker: a worker runs one file at a time, so no two processes make the same. */
const workerId = () => process.env.JEST_WORKER_ID ?? '1'

/** Whether `seededDemo` may copy the run's template instead of seeding (for these hashing options). */
export const seedTemplateUsable = (hashing: unknown) =>
  Boolean(process.env.TEST_TEMPLATE_DIR) &&
  process.env.TEST_SEED_TEMPLATE !== 'off' &&
  (hashing === undefined || hashing === TEST_HASHING)

const quoteOf = (kind: DatabaseKind) => (name: string) =>
  kind === 'mysql' ? `\`${name.replaceAll('`', '``')}\`` : `"${name.replaceAll('"', '""')}"`

async function rowCounts(dataSource: DataSource, tables: string[], kind: DatabaseKind) {
  const q = quoteOf(kind)
  const counts = new Map<string, number>()
  for (const table of tables) {
    const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM ${q(table)}`)) as { n: number }[]
    counts.set(table, Number(row.n))
  }
  return counts
}

/** Seeds a database of this worker's own, as `seededDemo` would, and describes what it wrote. */
async function makeTemplate(kind: DatabaseKind, file: string): Promise<SeedTemplate> {
  let database: TestDatabase | null = await createTestDatabase(kind)
  try {
    const { dataSource } = database
    const tables = dataSource.entityMetadatas.map((m) => m.tableName)
    const before = await rowCounts(dataSource, tables, kind)
    const { seedAdmins, seedDemoData } = await import('../../demo/seed.js')
    const hasher = new PasswordHasher(TEST_HASHING)
    await seedAdmins(dataSource, hasher, DEMO_PASSWORD)
    const counts = await seedDemoData(dataSource, hasher)
    if (!counts) throw new Error('the seed template: expected an empty database to seed')
    const after = await rowCounts(dataSource, tables, kind)
    const written = tables.filter((t) => after.get(t) !== before.get(t))
    const unclean = written.filter((t) => before.get(t) !== 0)
    if (unclean.length) throw new Error(`the seed template: ${unclean.join(', ')} had rows before the seed`)
    const template: SeedTemplate = { source: '', tables: [], counts }
    for (const name of written)
      template.tables.push({ name, columns: await columnsOf(dataSource, kind, name) })
    if (kind === 'sqlite') {
      // A file of its own, in journal mode DELETE: attached by the files, no -wal beside it.
      await dataSource.query('PRAGMA journal_mode = DELETE')
      await dataSource.destroy()
      template.source = path.join(path.dirname(file), `seed-${workerId()}.sqlite`)
      await rename(path.join(database.dataDir, 'demo.sqlite'), template.source)
      await database.dispose()
    } else {
      // The database stays, for the run's teardown to drop (test/support/globalTeardown.mjs reads this file).
      template.source = new URL(database.url as string).pathname.slice(1)
      await dataSource.destroy()
      await rm(database.dataDir, { recursive: true, force: true })
    }
    database = null
    // Written last, whole: a worker that finds the file finds a complete template.
    await writeFile(`${file}.part`, JSON.stringify(template))
    await rename(`${file}.part`, file)
    return template
  } finally {
    await database?.dispose()
  }
}

/** The table's own columns (not generated ones), in their order. */
async function columnsOf(dataSource: DataSource, kind: DatabaseKind, table: string): Promise<string[]> {
  if (kind === 'sqlite') {
    const rows = (await dataSource.query(`PRAGMA table_xinfo(${quoteOf(kind)(table)})`)) as {
      name: string
      hidden: number
    }[]
    return rows.filter((r) => r.hidden === 0).map((r) => r.name)
  }
  const rows = (await dataSource.query(
    `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND EXTRA NOT LIKE '%GENERATED%'
      ORDER BY ORDINAL_POSITION`,
    [table],
  )) as { name: string }[]
  return rows.map((r) => r.name)
}

async function templateFor(kind: DatabaseKind): Promise<SeedTemplate> {
  const file = path.join(process.env.TEST_TEMPLATE_DIR as string, `seed-${kind}-${workerId()}.json`)
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as SeedTemplate
  return makeTemplate(kind, file)
}

/**
 * Copies the run's seeded rows into the (empty) database `db`: what `seedAdmins` and
 * `seedDemoData` would have written there; returns the seed's counts.
 */
export async function copySeedTemplate(db: TestDatabase): Promise<SeedCounts> {
  const template = await templateFor(db.kind)
  // Making the template initialised a DataSource of its own (then destroyed), and TypeORM points
  // every entity extending BaseEntity at the DataSource initialised last: point them back at this
  // file's, or its panel's reads go to a closed connection ("The database connection is not open").
  for (const { target } of db.dataSource.entityMetadatas)
    if (typeof target === 'function' && 'useDataSource' in target)
      (target as unknown as typeof BaseEntity).useDataSource(db.dataSource)
  const q = quoteOf(db.kind)
  const runner = db.dataSource.createQueryRunner()
  await runner.connect()
  try {
    for (const { name } of template.tables) {
      const [row] = (await runner.query(`SELECT COUNT(*) AS n FROM ${q(name)}`)) as { n: number }[]
      if (Number(row.n) > 0) throw new Error(`expected an empty database to seed (${name} has rows)`)
    }
    // Foreign keys off while the tables fill in any order (SQLite: outside a transaction only).
    if (db.kind === 'sqlite') {
      await runner.query('PRAGMA foreign_keys = OFF')
      await runner.query('ATTACH DATABASE ? AS seed', [template.source])
    } else await runner.query('SET FOREIGN_KEY_CHECKS = 0')
    const from = db.kind === 'sqlite' ? 'seed' : q(template.source)
    try {
      await runner.startTransaction()
      for (const { name, columns } of template.tables) {
        const list = columns.map(q).join(', ')
        await runner.query(`INSERT INTO ${q(name)} (${list}) SELECT ${list} FROM ${from}.${q(name)}`)
      }
      await runner.commitTransaction()
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction()
      throw error
    } finally {
      if (db.kind === 'sqlite') {
        await runner.query('DETACH DATABASE seed')
        await runner.query('PRAGMA foreign_keys = ON')
      } else await runner.query('SET FOREIGN_KEY_CHECKS = 1')
    }
  } finally {
    await runner.release()
  }
  return template.counts
}
