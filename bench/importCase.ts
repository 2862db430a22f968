// One side of the import benchmark, in a process of its own so that its peak RSS is its own:
//   tsx bench/importCase.ts ours|floor <database-url or sqlite path> <rows> [--phases]
// Writes a commission file of <rows> rows for the large data set, runs the plugin's import (ours)
// or a plain multi-row INSERT of the same rows with their ids already known (floor), and prints
// one JSON line. `ours` undoes its batch afterwards (not timed) to leave the data set as it was.
// `--phases` (`npm run bench:import-phases`): where the time went, the SQL by kind of statement
// and this process's CPU by step from a V8 CPU profile (slower: the profile costs CPU too).
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Session as InspectorSession } from 'node:inspector/promises'
import { performance } from 'node:perf_hooks'
import { pluginDataSource } from './pluginDataSource.js'
import { CommissionImport } from '../src/services/import/commissionImport.js'
import { proposeMapping } from '../src/services/import/importRows.js'
import { readLayout } from '../src/services/import/csvSource.js'
import { byLayer, sqlTimer, type Profile } from './profileLayers.js'

process.on('unhandledRejection', (error) => {
  console.error(error)
  process.exit(1)
})

const [side, target, rowsArg] = process.argv.slice(2)
const phases = process.argv.includes('--phases')
const ROWS = Number(rowsArg ?? 100_000)

let peak = process.memoryUsage.rss()
setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10).unref()

const dataSource = await pluginDataSource(target)

// Rows of the file: existing clients by number and their contracts (most rows, as in a monthly
// statement), and one row in 20 for a client and a contract the file brings.
const clients: { id: number; clientNumber: string; advisorId: number }[] = await dataSource.query(
  `SELECT c.id, c.clientNumber, c.advisorId FROM clients c WHERE c.clientNumber LIKE 'L%' AND c.status = 'active' ORDER BY c.id LIMIT 20000`,
)
const contracts: { clientId: number; id: number; reference: string }[] = await dataSource.query(
  `SELECT k.clientId, k.id, k.reference FROM contracts k WHERE k.clientId BETWEEN ? AND ?`,
  [clients[0].id, clients[clients.length - 1].id],
)
const contractOf = new Map<number, { id: number; reference: string }>()
for (const k of contracts) if (!contractOf.has(k.clientId)) contractOf.set(k.clientId, k)
const advisors: { id: number; code: string }[] = await dataSource.query('SELECT id, code FROM advisors')
const codeOf = new Map(advisors.map((a) => [a.id, a.code]))
const runId = Date.now().toString(36).toUpperCase()

const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-import-'))
const file = path.join(dir, 'commissions.csv')
const out = createWriteStream(file)
out.write(
  'Client number;Last name;First name;Email;Contract reference;Product;Advisor code;Period;Amount;Rate\n',
)
const floorRows: unknown[][] = []
for (let i = 0; i < ROWS; i += 1) {
  const period = `2026-${String((i % 12) + 1).padStart(2, '0')}`
  const amount = `${(i % 900) + 10},${String(i % 100).padStart(2, '0')}`
  if (i % 20 === 19) {
    out.write(
      `;Bench${runId};Row${i};bench.${runId.toLowerCase()}.${i}@example.fr;B-${runId}-${i};SCPI;${codeOf.get(advisors[0].id)};${period};${amount};2,5\n`,
    )
    if (side === 'floor')
      floorRows.push([
        null,
        null,
        advisors[0].id,
        `${(i % 900) + 10}.${String(i % 100).padStart(2, '0')}`,
        '2.5000',
        `${period}-01`,
      ])
  } else {
    const c = clients[i % clients.length]
    const k = contractOf.get(c.id)
    out.write(
      `${c.clientNumber};;;;${k?.reference ?? ''};;${codeOf.get(c.advisorId) ?? ''};${period};${amount};1,5\n`,
    )
    if (side === 'floor')
      floorRows.push([
        k?.id ?? null,
        c.id,
        c.advisorId,
        `${(i % 900) + 10}.${String(i % 100).padStart(2, '0')}`,
        '1.5000',
        `${period}-01`,
      ])
  }
}
await new Promise((resolve) => out.end(resolve))

// The steps of an import, by the source file of the innermost known frame of a CPU sample.
const STEPS: [string, RegExp][] = [
  ['upload: stored in pieces, read back, removed', /\/src\/services\/import\/uploadStore\.ts/],
  [
    'reading the CSV (decode, parse, map a row)',
    /\/src\/services\/import\/(csvSource|importRows|readChunks|byteSource)\.ts|node_modules\/(csv-parse|iconv-lite)\//,
  ],
  [
    'planning (lookups, matching, per-row outcome)',
    /\/src\/services\/import\/(planChunk|planExtras|nameCandidates|importState)\.ts|\/src\/shared\/(identityConflict|clientIdentity)\.ts/,
  ],
  [
    'writing (clients, contracts, commissions, client_advisors)',
    /\/src\/services\/(import\/writeChunk|core\/(clientAdvisors|findIn)|tags\/|customFields\/)/,
  ],
  [
    'lease, progress, errors (importClaim, importCounts, importRunner)',
    /\/src\/services\/import\/(importClaim|importCounts|importRunner|importJobs)\.ts/,
  ],
  ['transaction helper and event writer', /\/src\/services\/core\/transaction\.ts/],
  ['other plugin code', /\/src\//],
  ['TypeORM', /node_modules\/typeorm\//],
  [
    'driver (mysql2, better-sqlite3)',
    /node_modules\/(mysql2|better-sqlite3|sqlstring|denque|lru\.min|lru-cache|long|named-placeholders|generate-function|seq-queue)\//,
  ],
]

// The statements by what they do (the first pattern that matches).
const STATEMENTS: [string, RegExp][] = [
  [
    'transaction (BEGIN, COMMIT, ROLLBACK)',
    /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i,
  ],
  ['upload pieces (INSERT, SELECT, DELETE)', /import_upload/i],
  ['commissions INSERT', /^\s*INSERT INTO \W?commissions\W/i],
  ['lease and progress (import_batches)', /import_batches/i],
  ['client_advisors refresh', /client_advisors/i],
  ['new clients, contracts, events (INSERT)', /^\s*INSERT/i],
  ['lookups (SELECT)', /^\s*SELECT/i],
]
const statementOf = (sql: string) => STATEMENTS.find(([, pattern]) => pattern.test(sql))?.[0] ?? 'other'

const inspector = phases ? new InspectorSession() : null
const sql = phases ? sqlTimer(dataSource, statementOf) : null
if (inspector) {
  inspector.connect()
  await inspector.post('Profiler.enable')
  await inspector.post('Profiler.setSamplingInterval', { interval: 500 })
  await inspector.post('Profiler.start')
}
const cpuAtStart = process.cpuUsage()
const started = performance.now()
let imported = 0
if (side === 'floor') {
  // The floor: the same commissions, ids known, 1,000 rows a statement, 20 statements a transaction.
  for (let i = 0; i < floorRows.length; i += 20_000) {
    await dataSource.transaction(async (manager) => {
      for (let j = i; j < Math.min(i + 20_000, floorRows.length); j += 1000) {
        const part = floorRows.slice(j, j + 1000)
        await manager.query(
          `INSERT INTO commissions (contractId, clientId, advisorId, amount, rate, period, status, importBatchId) VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, 'pending', -1)").join(', ')}`,
          part.flat(),
        )
        imported += part.length
      }
    })
  }
} else {
  const importer = new CommissionImport(dataSource)
  const mapping = proposeMapping((await readLayout(file)).headers)
  const batch = await importer.finished(
    (await importer.start({ email: 'bench@example.com', ip: null }, file, 'bench.csv', mapping)).id,
  )
  if (batch.status !== 'done') throw new Error(`import ${batch.status}: ${batch.failure}`)
  imported = batch.rowsImported
}
const seconds = (performance.now() - started) / 1000
const peakRssMb = Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024
const cpu = process.cpuUsage(cpuAtStart)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
let breakdown: Record<string, unknown> | undefined
if (inspector && sql) {
  const { profile } = (await inspector.post('Profiler.stop')) as { profile: Profile }
  inspector.disconnect()
  const round = (n: number) => Math.round(n * 1000) / 1000
  breakdown = {
    // Seconds with at least one statement in flight, then each kind's own sum (they overlap).
    sqlSeconds: round(sql.totals.ms / 1000),
    statements: sql.totals.count,
    sqlByKind: Object.fromEntries(
      [...sql.byClass]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([kind, t]) => [kind, { seconds: round(t.ms / 1000), count: t.count }]),
    ),
    cpuSeconds: round(cpuSeconds),
    // This process's CPU seconds by step: the profile's share of busy samples times the process's CPU.
    cpuByStep: Object.fromEntries(
      [...byLayer(profile, STEPS)]
        .sort((a, b) => b[1] - a[1])
        .map(([step, share]) => [step, round(share * cpuSeconds)]),
    ),
  }
  sql.reset()
}

// Leave the data set as it was (not timed).
if (side === 'floor') await dataSource.query('DELETE FROM commissions WHERE importBatchId = -1')
else {
  const [{ id }] = await dataSource.query('SELECT MAX(id) AS id FROM import_batches')
  await new CommissionImport(dataSource).undo({ email: 'bench@example.com', ip: null }, Number(id))
}
await rm(dir, { recursive: true, force: true })
await dataSource.destroy()
console.log(
  JSON.stringify({
    side,
    rows: ROWS,
    imported,
    seconds,
    rowsPerSecond: imported / seconds,
    peakRssMb,
    cpuSeconds,
    ...(breakdown ? { breakdown } : {}),
  }),
)
