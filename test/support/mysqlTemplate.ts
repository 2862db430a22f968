// The MariaDB schema made once per jest run (test/support/globalSetup.mjs), then copied into each
// test file's fresh database: the template database gets the migrations of the current sources,
// its tables are read back (SHOW CREATE TABLE, and the rows the migrations wrote, `migrations`
// included), and a copy is one multi-statement round trip instead of ~60 migrations (1.5 s each
// database on a quiet machine, several on a loaded one). `createTestDatabase` still runs
// `prepareSchema` after the copy: a migration the template lacks would run there.
import { randomBytes } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import mysql from 'mysql2/promise'
import { createDemoDataSource, prepareSchema } from '../../demo/dataSource.js'

export interface MysqlTemplate {
  /** The template database (dropped by `dropMysqlTemplate`). */
  database: string
  /** CREATE TABLE and INSERT … SELECT statements that rebuild it in the current database. */
  statements: string[]
}

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``

/** Migrates a new database named after MYSQL_URL's and writes its copy script to a file (path returned). */
export async function makeMysqlTemplate(baseUrl: string): Promise<string> {
  const base = new URL(baseUrl)
  const database = `${base.pathname.slice(1) || 'adminjs_clients_test'}_tpl_${randomBytes(4).toString('hex')}`
  const admin = await mysql.createConnection({ uri: base.toString() })
  try {
    await admin.query(`CREATE DATABASE ${quote(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
    const url = new URL(base.toString())
    url.pathname = `/${database}`
    const dataSource = await createDemoDataSource({ databaseUrl: url.toString(), dataDir: os.tmpdir() })
    await dataSource.initialize()
    try {
      await prepareSchema(dataSource)
    } finally {
      await dataSource.destroy()
    }
    const [others] = await admin.query(
      `SELECT (SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?) +
              (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?) +
              (SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE <> 'BASE TABLE') AS n`,
      [database, database, database],
    )
    if (Number((others as { n: number }[])[0].n) > 0) {
      throw new Error('the migrations made views, triggers or routines: the copy only knows tables')
    }
    const [tables] = await admin.query(
      `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`,
      [database],
    )
    const statements: string[] = []
    for (const { name } of tables as { name: string }[]) {
      const table = `${quote(database)}.${quote(name)}`
      const [created] = await admin.query(`SHOW CREATE TABLE ${table}`)
      statements.push((created as Record<string, string>[])[0]['Create Table'])
      const [rows] = await admin.query(`SELECT 1 FROM ${table} LIMIT 1`)
      if ((rows as unknown[]).length > 0) statements.push(`INSERT INTO ${quote(name)} SELECT * FROM ${table}`)
    }
    const file = path.join(os.tmpdir(), `${database}.json`)
    await writeFile(file, JSON.stringify({ database, statements } satisfies MysqlTemplate))
    return file
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(database)}`)
    throw error
  } finally {
    await admin.end()
  }
}

let template: Promise<MysqlTemplate> | null = null

/** Rebuilds the template's tables and rows in the (empty) database at `url`. */
export async function copyMysqlTemplate(file: string, url: string): Promise<void> {
  template ??= readFile(file, 'utf8').then((text) => JSON.parse(text) as MysqlTemplate)
  const { statements } = await template
  const connection = await mysql.createConnection({ uri: url, multipleStatements: true })
  try {
    await connection.query(
      ['SET FOREIGN_KEY_CHECKS = 0', ...statements, 'SET FOREIGN_KEY_CHECKS = 1'].join(';\n'),
    )
  } finally {
    await connection.end()
  }
}

export async function dropMysqlTemplate(baseUrl: string, file: string): Promise<void> {
  const { database } = JSON.parse(await readFile(file, 'utf8')) as MysqlTemplate
  const admin = await mysql.createConnection({ uri: baseUrl })
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(database)}`)
  } finally {
    await admin.end()
  }
  await rm(file, { force: true })
}
