import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import mysql from 'mysql2/promise'
import type { DataSource } from 'typeorm'
import { createDemoDataSource, prepareSchema } from '../demo/dataSource.js'
import { progressBar, seedLarge, type LargeSizes } from '../demo/seedLarge.js'

const DEFAULT_CLIENTS = 100_000

/**
 * The bench's database: `<name>_bench` from MYSQL_URL (made if missing), or SQLite in
 * bench/.data; a size other than 100,000 clients has its own (`<name>_bench_1000000`,
 * bench/.data-1000000), so both data sets stay side by side for a comparison.
 */
async function benchDatabaseUrl(clients: number): Promise<string | undefined> {
  if (!process.env.MYSQL_URL) return undefined
  const base = new URL(process.env.MYSQL_URL)
  const suffix = clients === DEFAULT_CLIENTS ? '' : `_${clients}`
  const name = `${base.pathname.slice(1) || 'adminjs_clients'}_bench${suffix}`
  // Connected to no database in particular: the one named in MYSQL_URL need not exist.
  const server = new URL(base.toString().replace(/^mariadb:/, 'mysql:'))
  server.pathname = '/'
  const conn = await mysql.createConnection({ uri: server.toString() })
  await conn.query(
    `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  )
  await conn.end()
  base.pathname = `/${name}`
  return base.toString()
}

export interface BenchDatabase {
  dataSource: DataSource
  label: string
  /** What the import and export children open: the database URL, or the SQLite file. */
  target: string
}

/** Opens the data set of this size, making (or completing) it the first time: kept for the next runs. */
export async function openBenchDatabase(sizes: LargeSizes): Promise<BenchDatabase> {
  const databaseUrl = await benchDatabaseUrl(sizes.clients)
  const dataDir = path.resolve(
    sizes.clients === DEFAULT_CLIENTS ? 'bench/.data' : `bench/.data-${sizes.clients}`,
  )
  await mkdir(dataDir, { recursive: true })
  const dataSource = await createDemoDataSource({ databaseUrl, dataDir })
  await dataSource.initialize()
  await prepareSchema(dataSource)
  let label = 'SQLite (better-sqlite3)'
  if (databaseUrl) {
    const [row] = await dataSource.query('SELECT VERSION() AS v')
    label = `MariaDB/MySQL ${row.v}`
  }
  const existing = Number((await dataSource.query('SELECT COUNT(*) AS n FROM clients'))[0].n)
  if (existing < sizes.clients) {
    const missing = sizes.clients - existing
    console.error(
      `Making the data set (${label}, ${missing.toLocaleString('en')} clients to add): once, then kept for the next runs.`,
    )
    await seedLarge(
      dataSource,
      {
        advisors: sizes.advisors,
        clients: missing,
        contracts: Math.round((missing * sizes.contracts) / sizes.clients),
        commissions: Math.round((missing * sizes.commissions) / sizes.clients),
      },
      progressBar(),
    )
  }
  return { dataSource, label, target: databaseUrl ?? path.join(dataDir, 'demo.sqlite') }
}
