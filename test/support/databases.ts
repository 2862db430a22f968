import { existsSync } from 'node:fs'
import { copyFile, mkdtemp, rename, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import type { DataSource } from 'typeorm'
import { createDemoDataSource, prepareSchema } from '../../demo/dataSource.js'
import { copyMysqlTemplate } from './mysqlTemplate.js'

export type DatabaseKind = 'sqlite' | 'mysql'

/**
 * SQLite always (unless TEST_DATABASES=mysql); MariaDB/MySQL when MYSQL_URL is set. In CI a missing MYSQL_URL is a failure,
 * never a silent skip (see `requireMysqlInCi`).
 */
export function databaseKinds(): DatabaseKind[] {
  // The cluster run (jest.cluster.config.js) sets TEST_DATABASES=mysql: its point is the cluster.
  if (process.env.TEST_DATABASES === 'mysql' && process.env.MYSQL_URL) return ['mysql']
  return process.env.MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite']
}

let mysqlRequired = false

/** Call at the top level of a test file that has MySQL cases: fails the file in CI when MYSQL_URL is unset. */
export function requireMysqlInCi(): void {
  if (mysqlRequired) return
  mysqlRequired = true
  if (process.env.CI && !process.env.MYSQL_URL) {
    test('MYSQL_URL is set in CI', () => {
      throw new Error('CI must run the MariaDB tests: MYSQL_URL is not set (see .ci/run)')
    })
  }
}

export interface TestDatabase {
  kind: DatabaseKind
  dataSource: DataSource
  /** For MySQL: the URL of the fresh database. */
  url?: string
  /** A temporary folder of this database's own (the SQLite file lives there), removed by dispose. */
  dataDir: string
  dispose(): Promise<void>
}

/** A fresh MySQL database named after MYSQL_URL's with a random suffix; the user needs rights on that prefix. */
export async function createMysqlDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.MYSQL_URL as string)
  const name = `${base.pathname.slice(1) || 'adminjs_clients_test'}_${randomBytes(4).toString('hex')}`
  const admin = await mysql.createConnection({ uri: base.toString() })
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  await admin.end()
  const url = new URL(base.toString())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const conn = await mysql.createConnection({ uri: base.toString() })
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``)
      await conn.end()
    },
  }
}

/**
 * The SQLite schema made by `synchronize` once per jest worker (a worker runs one file at a time),
 * copied into each file's database as the MariaDB one is (issue 30, CI time); null without a run's
 * templates, or with TEST_SQLITE_TEMPLATE=off: each database synchronizes then.
 */
async function sqliteSchemaTemplate(): Promise<string | null> {
  // The run's folder of templates (test/support/globalSetup.mjs), removed by its teardown.
  const dir = process.env.TEST_TEMPLATE_DIR
  if (!dir || process.env.TEST_SQLITE_TEMPLATE === 'off') return null
  const file = path.join(dir, `schema-${process.env.JEST_WORKER_ID ?? '1'}.sqlite`)
  if (existsSync(file)) return file
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-test-'))
  try {
    const dataSource = await createDemoDataSource({ dataDir })
    await dataSource.initialize()
    await prepareSchema(dataSource)
    // One file, no -wal beside it: a copy of it is the whole database.
    await dataSource.query('PRAGMA journal_mode = DELETE')
    await dataSource.destroy()
    await rename(path.join(dataDir, 'demo.sqlite'), file)
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
  return file
}

/** The demo's DataSource (plugin + demo entities) on a new, empty database with its schema in place. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { schema?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-test-'))
  const mysqlDb = kind === 'mysql' ? await createMysqlDatabase() : null
  // The run's template schema (test/support/globalSetup.mjs) copied in; prepareSchema then finds
  // every migration done. TEST_MYSQL_TEMPLATE=off: each database migrated, as before.
  const template = process.env.TEST_MYSQL_TEMPLATE
  if (mysqlDb && template && template !== 'off' && options.schema !== false)
    await copyMysqlTemplate(template, mysqlDb.url)
  const sqliteTemplate = kind === 'sqlite' && options.schema !== false ? await sqliteSchemaTemplate() : null
  if (sqliteTemplate) await copyFile(sqliteTemplate, path.join(dataDir, 'demo.sqlite'))
  const dataSource = await createDemoDataSource({ databaseUrl: mysqlDb?.url, dataDir })
  if ((options.schema === false || sqliteTemplate) && kind === 'sqlite')
    dataSource.setOptions({ synchronize: false })
  await dataSource.initialize()
  if (options.schema !== false && !sqliteTemplate) await prepareSchema(dataSource)
  return {
    kind,
    dataSource,
    url: mysqlDb?.url,
    dataDir,
    async dispose() {
      if (dataSource.isInitialized) await dataSource.destroy()
      await mysqlDb?.drop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * `describe` once per database kind, each with a fresh database made before its tests and
 * removed after; `db()` gives it to the tests (and to `beforeAll`s registered in `body`).
 */
export function describeEachDatabase(
  title: string,
  body: (db: () => TestDatabase, kind: DatabaseKind) => void,
): void {
  requireMysqlInCi()
  describe.each(databaseKinds())(`${title} on %s`, (kind) => {
    let database: TestDatabase
    beforeAll(async () => {
      database = await createTestDatabase(kind)
    })
    afterAll(() => database?.dispose())
    body(() => database, kind)
  })
}

/** The tables of the DataSource's own database (TypeORM's getTables() lists every schema on MySQL). */
export async function tablesOf(dataSource: import('typeorm').DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'better-sqlite3'
      ? await dataSource.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await dataSource.query(
          'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
        )
  return rows.map((row) => row.name).sort()
}
