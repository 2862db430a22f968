import path from 'node:path'
import mysql from 'mysql2/promise'
import { DataSource } from 'typeorm'
import {
  backfillClientAdvisors,
  backfillSearchColumns,
  clientManagementEntities,
  clientManagementMigrations,
  galeraDataSourceOptions,
  parseDatabaseNodes,
} from '../src/index.js'
import { AdminUser } from './entities/AdminUser.js'
import { Invoice } from './entities/Invoice.js'
import { Session } from './entities/Session.js'
import { Ticket } from './entities/Ticket.js'
import { demoMigrations } from './migrations/index.js'

export const demoEntities = [AdminUser, Session, Invoice, Ticket]

/**
 * TypeORM reads MariaDB's schema right only with `type: 'mariadb'` (it decides by the option,
 * not by the server): ask the server which it is, the first node of a list that answers.
 */
export async function mysqlFlavor(databaseUrl: string): Promise<'mysql' | 'mariadb'> {
  let lastError: unknown
  for (const uri of parseDatabaseNodes(databaseUrl).nodeUrls) {
    try {
      const connection = await mysql.createConnection({ uri, connectTimeout: 3000 })
      try {
        const [rows] = await connection.query('SELECT VERSION() AS version')
        return /mariadb/i.test((rows as { version: string }[])[0].version) ? 'mariadb' : 'mysql'
      } finally {
        await connection.end()
      }
    } catch (error) {
      lastError = error
    }
  }
  throw lastError
}

/**
 * `mysql://…` or `mariadb://…` (schema by migrations; several nodes of a Galera cluster as
 * `mysql://user:password@host1:3306,host2:3306,host3:3306/database`, see galeraDataSourceOptions)
 * or, without a URL, an SQLite file in `dataDir` (schema by synchronize).
 */
export async function createDemoDataSource(options: {
  databaseUrl?: string
  dataDir: string
}): Promise<DataSource> {
  const entities = [...clientManagementEntities, ...demoEntities]
  if (options.databaseUrl) {
    const nodes = galeraDataSourceOptions(options.databaseUrl, {
      // The operator's log: which node the instance left, or came back to.
      onNodeChange: ({ node, state }) => console.warn(`database node ${node.host}:${node.port} ${state}`),
    })
    return new DataSource({
      type: await mysqlFlavor(options.databaseUrl),
      ...nodes,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      entities,
      migrations: [...clientManagementMigrations, ...demoMigrations],
    })
  }
  return new DataSource({
    type: 'better-sqlite3',
    database: path.join(options.dataDir, 'demo.sqlite'),
    entities,
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
