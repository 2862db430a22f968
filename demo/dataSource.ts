import path from 'node:path'
import mysql from 'mysql2/promise'
import { DataSource } from 'typeorm'
import {
  backfillClientAdvisors,
  backfillSearchColumns,
  clientManagementEntities,
  clientManagementMigrations,
  clientManagementSubscribers,
} from '../src/index.js'
import { AdminUser } from './entities/AdminUser.js'
import { Invoice } from './entities/Invoice.js'
import { Session } from './entities/Session.js'
import { Ticket } from './entities/Ticket.js'
import { demoMigrations } from './migrations/index.js'

export const demoEntities = [AdminUser, Session, Invoice, Ticket]

/**
 * TypeORM reads MariaDB's schema right only with `type: 'mariadb'` (it decides by the option,
 * not by the server): ask the server which it is.
 */
export async function mysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await mysql.createConnection({ uri: url.replace(/^mariadb:/, 'mysql:') })
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version')
    return /mariadb/i.test((rows as { version: string }[])[0].version) ? 'mariadb' : 'mysql'
  } finally {
    await connection.end()
  }
}

/**
 * `mysql://…` or `mariadb://…` (schema by migrations) or, without a URL, an SQLite file in
 * `dataDir` (schema by synchronize).
 */
export async function createDemoDataSource(options: {
  databaseUrl?: string
  dataDir: string
}): Promise<DataSource> {
  const entities = [...clientManagementEntities, ...demoEntities]
  if (options.databaseUrl) {
    if (!/^(mysql|mariadb):\/\//.test(options.databaseUrl)) {
      throw new Error(
        `DATABASE_URL must start with mysql:// or mariadb:// (got ${options.databaseUrl.split(':')[0]}://)`,
      )
    }
    const url = options.databaseUrl.replace(/^mariadb:/, 'mysql:')
    return new DataSource({
      type: await mysqlFlavor(url),
      url,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      entities,
      subscribers: clientManagementSubscribers,
      migrations: [...clientManagementMigrations, ...demoMigrations],
    })
  }
  return new DataSource({
    type: 'better-sqlite3',
    database: path.join(options.dataDir, 'demo.sqlite'),
    entities,
    subscribers: clientManagementSubscribers,
    synchronize: true,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL')
      db.pragma('foreign_keys = ON')
      // What a delete or an update removes is zeroed in the file, not left in free pages (GDPR erasure).
      db.pragma('secure_delete = ON')
    },
  })
}

/** Brings the schema up to date: migrations on MySQL/MariaDB; SQLite synchronizes on initialize. */
export async function prepareSchema(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type === 'better-sqlite3') {
    // `synchronize` adds new columns empty: fill the search columns of clients from before them.
    await backfillSearchColumns(dataSource.manager)
    // …and new tables empty: the clients of each advisor from the clients and contracts already there.
    await backfillClientAdvisors(dataSource)
    return []
  }
  const ran = await dataSource.runMigrations({ transaction: 'each' })
  return ran.map((m) => m.name)
}
