// One side of the import benchmark, in a process of its own so that its peak RSS is its own:
//   tsx bench/importCase.ts ours|floor <database-url or sqlite path> <rows>
// Writes a commission file of <rows> rows for the large data set, runs the plugin's import (ours)
// or a plain multi-row INSERT of the same rows with their ids already known (floor), and prints
// one JSON line. `ours` undoes its batch afterwards (not timed) to leave the data set as it was.
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pluginDataSource } from './pluginDataSource.js'
import { CommissionImport } from '../src/services/import/commissionImport.js'
import { proposeMapping } from '../src/services/import/importRows.js'
import { readLayout } from '../src/services/import/csvSource.js'

process.on('unhandledRejection', (error) => {
  console.error(error)
  process.exit(1)
})

const [side, target, rowsArg] = process.argv.slice(2)
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

// Leave the data set as it was (not timed).
if (side === 'floor') await dataSource.query('DELETE FROM commissions WHERE importBatchId = -1')
else {
  const [{ id }] = await dataSource.query('SELECT MAX(id) AS id FROM import_batches')
  await new CommissionImport(dataSource).undo({ email: 'bench@example.com', ip: null }, Number(id))
}
await rm(dir, { recursive: true, force: true })
await dataSource.destroy()
console.log(
  JSON.stringify({ side, rows: ROWS, imported, seconds, rowsPerSecond: imported / seconds, peakRssMb }),
)
