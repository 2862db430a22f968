// One side of the export benchmark, in a process of its own so that its peak RSS is its own:
//   tsx bench/exportCase.ts ours|floor <database-url or sqlite path>
// ours: the plugin's export of the whole client list (ListExport: the list's query service, keyset
// pages, the CSV writer, the audit entry); floor: one raw streamed query (mysql2's row stream, or
// better-sqlite3's iterator) written by the same CSV writer. Prints one JSON line.
import { performance } from 'node:perf_hooks'
import mysql from 'mysql2'
import { DataSource } from 'typeorm'
import { pluginDataSource } from './pluginDataSource.js'
import { BOM, CsvWriter } from '../src/services/export/csvWriter.js'
import { ListExport } from '../src/services/export/listExport.js'
import { ClientList } from '../src/services/list/clientList.js'
import { ClientTabs } from '../src/services/list/clientTabs.js'
import { COMMISSION_LIST, CONTRACT_LIST, RecordList } from '../src/services/list/recordList.js'
import { EXPORT_COLUMNS } from '../src/shared/exportColumns.js'

const [side, target] = process.argv.slice(2)
const isMysql = /^(mysql|mariadb):/.test(target)

let peak = process.memoryUsage.rss()
setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10).unref()

// The bytes go nowhere, as to a fast client: only the count is kept.
let bytes = 0
const sink = async (chunk: string) => {
  bytes += Buffer.byteLength(chunk)
}

async function ours(): Promise<number> {
  const dataSource = await pluginDataSource(target)
  const exporter = new ListExport(
    dataSource,
    {
      clients: new ClientList(dataSource),
      contracts: new RecordList(dataSource, CONTRACT_LIST),
      commissions: new RecordList(dataSource, COMMISSION_LIST),
      tabs: new ClientTabs(dataSource),
    },
    'fr',
  )
  const rows = await exporter.run(
    await exporter.plan({ resource: 'Client', params: {} }),
    { email: 'bench', ip: null },
    sink,
  )
  await dataSource.destroy()
  return rows
}

const FLOOR_SQL = `SELECT c.clientNumber, c.lastName, c.firstName, c.email, c.phone,
  (SELECT COUNT(*) FROM contracts k WHERE k.clientId = c.id AND k.status = 'active') AS activeContracts,
  c.status, c.createdAt FROM clients c WHERE c.status <> 'deleted' ORDER BY c.createdAt DESC, c.id DESC`

interface SqliteConnection {
  prepare(sql: string): { iterate(): Iterable<Record<string, unknown>> }
}

async function floor(): Promise<number> {
  const csv = new CsvWriter('fr')
  const columns = EXPORT_COLUMNS.Client.filter((c) => c.visible)
  await sink(BOM + csv.header(columns.map((c) => c.key)))
  const line = (row: Record<string, unknown>) =>
    csv.line(columns.map((c) => csv.cell(row[c.key], c.kind === 'enum' ? 'text' : (c.kind as 'text'))))
  let rows = 0
  if (!isMysql) {
    // better-sqlite3's own connection (TypeORM opens it), iterated row by row.
    const dataSource = new DataSource({ type: 'better-sqlite3', database: target, entities: [] })
    await dataSource.initialize()
    const db = (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection
    for (const row of db.prepare(FLOOR_SQL).iterate()) {
      await sink(line(row))
      rows += 1
    }
    await dataSource.destroy()
    return rows
  }
  const conn = mysql.createConnection({ uri: target.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' })
  await new Promise<void>((resolve, reject) => {
    const stream = conn.query(FLOOR_SQL).stream({ highWaterMark: 1000 })
    stream.on('data', (row: Record<string, unknown>) => {
      void sink(line(row))
      rows += 1
    })
    stream.on('end', () => resolve())
    stream.on('error', reject)
  })
  conn.end()
  return rows
}

// What the process holds before the work (modules, the driver): the export's own memory is above it.
const startRssMb = process.memoryUsage.rss() / 1024 / 1024
const started = performance.now()
const rows = side === 'ours' ? await ours() : await floor()
const seconds = (performance.now() - started) / 1000
console.log(
  JSON.stringify({
    side,
    rows,
    seconds,
    megabytes: bytes / 1024 / 1024,
    peakRssMb: peak / 1024 / 1024,
    startRssMb,
  }),
)
process.exit(0)
