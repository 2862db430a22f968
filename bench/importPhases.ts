// `npm run bench:import-phases [-- --clients N]`: where the import's time goes. The import case
// of `npm run bench` (BENCH_IMPORT_ROWS rows, default 100,000) on the bench's data set, ours then
// the floor, each in its own process with `--phases`: wall time, this process's CPU by step (V8
// CPU profile) and the SQL time by kind of statement (through TypeORM's query runner).
import os from 'node:os'
import { openBenchDatabase } from './database.js'
import { child } from './harness.js'
import { readOptions } from './options.js'

interface Phases {
  seconds: number
  cpuSeconds: number
  peakRssMb: number
  imported: number
  breakdown: {
    sqlSeconds: number
    statements: number
    sqlByKind: Record<string, { seconds: number; count: number }>
    cpuSeconds: number
    cpuByStep: Record<string, number>
  }
}

const options = readOptions(process.argv.slice(2), process.env)
const { dataSource, label, target } = await openBenchDatabase(options.sizes)
await dataSource.destroy()
const rows = String(options.importRows)
const lines = [
  `${label}, ${options.sizes.clients.toLocaleString('en')} clients, import of ${Number(rows).toLocaleString('en')} rows (load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')})`,
]
for (const side of ['ours', 'floor'] as const) {
  const run = child<Phases>('bench/importCase.ts', [side, target, rows, '--phases'])
  const b = run.breakdown
  lines.push(
    `\n${side}: ${run.seconds.toFixed(2)} s wall, ${run.imported.toLocaleString('en')} rows, peak RSS ${run.peakRssMb.toFixed(0)} MB`,
    `  SQL: ${b.sqlSeconds.toFixed(2)} s with a statement in flight, ${b.statements.toLocaleString('en')} statements; by kind (own time, they may overlap):`,
    ...Object.entries(b.sqlByKind).map(
      ([kind, t]) => `    ${t.seconds.toFixed(2).padStart(7)} s ${String(t.count).padStart(7)}×  ${kind}`,
    ),
    `  CPU of the process: ${b.cpuSeconds.toFixed(2)} s; by step:`,
    ...Object.entries(b.cpuByStep).map(([step, s]) => `    ${s.toFixed(2).padStart(7)} s  ${step}`),
  )
}
process.stdout.write(`${lines.join('\n')}\n`)
