// One side of the export benchmark, in a process of its own so that its peak RSS is its own:
//   tsx bench/exportCase.ts ours|floor <database-url or sqlite path>
// ours: the plugin's export of the whole client list (ListExport: the list's query service, keyset
// pages, the CSV writer, the audit entry); floor: one raw streamed query (mysql2's row stream, or
// better-sqlite3's iterator) written by the same CSV writer. Prints one JSON line. Each side's
// connection is opened before the timer starts (`openSeconds`): an export runs on an open one.
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

/** A side, its connection open (not timed: a panel's is open before any export), ready to run. */
interface Opened {
  run: () => Promise<number>
  close: () => Promise<void>
}

async function ours(): Promise<Opened> {
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
  return {
    run: async () =>
      exporter.run(
        // The floor's columns, named: the same file whatever custom fields the data set has (the
        // `custom` case gives every client five, which the floor does not write).
        await exporter.plan({ resource: 'Client', params: {}, columns: COLUMNS.map((c) => c.key).join(',') }),
        { email: 'bench', ip: null },
        sink,
      ),
    close: () => dataSource.destroy(),
  }
}

const FLOOR_SQL = `SELECT c.clientNumber, c.lastName, c.firstName, c.email, c.phone,
  (SELECT COUNT(*) FROM contracts k WHERE k.clientId = c.id AND k.status = 'active') AS activeContracts,
  c.status, c.createdAt FROM clients c WHERE c.status <> 'deleted' ORDER BY c.createdAt DESC, c.id DESC`

interface SqliteConnection {
  prepare(sql: string): { iterate(): Iterable<Record<string, unknown>> }
}

/** The list's own visible columns, built in: what both sides write. */
const COLUMNS = EXPORT_COLUMNS.Client.filter((c) => c.visible)

async function floor(): Promise<Opened> {
  const csv = new CsvWriter('fr')
  const columns = COLUMNS
  const line = (row: Record<string, unknown>) =>
    csv.line(columns.map((c) => csv.cell(row[c.key], c.kind === 'enum' ? 'text' : (c.kind as 'text'))))
  const header = () => sink(BOM + csv.header(columns.map((c) => c.key)))
  if (!isMysql) {
    // better-sqlite3's own connection (TypeORM opens it), iterated row by row.
    const dataSource = new DataSource({ type: 'better-sqlite3', database: target, entities: [] })
    await dataSource.initialize()
    const db = (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection
    return {
      run: async () => {
        await header()
        let rows = 0
        for (const row of db.prepare(FLOOR_SQL).iterate()) {
          await sink(line(row))
          rows += 1
        }
        return rows
      },
      close: () => dataSource.destroy(),
    }
  }
  const conn = mysql.createConnection({ uri: target.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' })
  await new Promise<void>((resolve, reject) => conn.connect((error) => (error ? reject(error) : resolve())))
  return {
    run: async () => {
      await header()
      let rows = 0
      await new Promise<void>((resolve, reject) => {
        const stream = conn.query(FLOOR_SQL).stream({ highWaterMark: 1000 })
        stream.on('data', (row: Record<string, unknown>) => {
          void sink(line(row))
          rows += 1
        })
        stream.on('end', () => resolve())
        stream.on('error', reject)
      })
      return rows
    },
    close: async () => conn.end(),
  }
}

const opening = performance.now()
const opened = side === 'ours' ? await ours() : await floor()
const openSeconds = (performance.now() - opening) / 1000
// What the process holds before the work (modules, the driver): the export's own memory is above it.
const startRssMb = process.memoryUsage.rss() / 1024 / 1024
const started = performance.now()
const cpuAtStart = process.cpuUsage()
const rows = await opened.run()
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuAtStart)
await opened.close()
console.log(
  JSON.stringify({
    side,
    rows,
    seconds,
    megabytes: bytes / 1024 / 1024,
    peakRssMb: peak / 1024 / 1024,
    startRssMb,
    openSeconds,
    // This process's CPU (not the database's): steadier than the wall time on a loaded machine.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  }),
)
process.exit(0)
