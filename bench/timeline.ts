// `npm run bench:timeline`: where one request's WALL time goes, ours beside the floor's, on the
// bench's panel (bench/harness.ts, the same data set as `npm run bench`), one request at a time.
// Each request is cut at the moments the server sees: the request arrives (the HTTP server's
// `request` event), its first statement goes out, its last statement comes back, the response
// ends (`res.end`); the SQL phase is split into the time a statement is in flight and the time
// between (the handler working while none is). Per case and side, the median of each phase, then
// each statement's start and duration (medians, in the order they went out).
// Options: --clients N (default 100,000), --rounds N (default 300), --cases (the read cases of
// `npm run bench`, default list,search-phone,search-reference,client), sessions in memory as
// `npm run bench` runs them.
import http from 'node:http'
import { getter, readCases, startPanel } from './harness.js'
import { median } from './stats.js'

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? process.argv[at + 1] : fallback
}
const clients = Number(arg('clients', '100000'))
const rounds = Number(arg('rounds', '300'))
const caseIds = arg('cases', 'list,search-phone,search-reference,client').split(',')
const sizes = { advisors: 50, clients, contracts: clients * 3, commissions: clients * 10 }

type Mark = { kind: 'request' | 'end' | 'sent' | 'back'; at: number; sql?: string }
let marks: Mark[] = []

// The server's side of each request: when it arrives, when its response ends.
const emit = http.Server.prototype.emit
http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
  if (event === 'request') {
    marks.push({ kind: 'request', at: performance.now() })
    const res = args[1] as http.ServerResponse
    const end = res.end
    res.end = function (this: http.ServerResponse, ...rest: unknown[]) {
      marks.push({ kind: 'end', at: performance.now() })
      return (end as (...a: unknown[]) => http.ServerResponse).apply(this, rest)
    } as typeof res.end
  }
  return emit.apply(this, [event, ...args] as Parameters<typeof emit>)
} as typeof emit

const panel = await startPanel(sizes, { store: 'memory' })
const { urls, reads } = await readCases(panel.dataSource)
// Every statement through TypeORM's query runner (the floor's and ours), sent and back.
const runner = panel.dataSource.createQueryRunner()
let proto = Object.getPrototypeOf(runner)
while (proto && !Object.prototype.hasOwnProperty.call(proto, 'query')) proto = Object.getPrototypeOf(proto)
await runner.release()
const query = proto.query as (...args: unknown[]) => Promise<unknown>
proto.query = async function (this: unknown, ...args: unknown[]) {
  const sql = String(args[0]).replace(/\s+/g, ' ').slice(0, 70)
  marks.push({ kind: 'sent', at: performance.now(), sql })
  try {
    return await query.apply(this, args)
  } finally {
    marks.push({ kind: 'back', at: performance.now(), sql })
  }
}

const PHASES = [
  'client to server',
  'before the first statement',
  'a statement in flight',
  'between statements',
  'after the last statement',
  'server to client',
  'total',
] as const
const fmt = (ms: number) => ms.toFixed(2).padStart(6)
const lines: string[] = [
  `${clients.toLocaleString('en')} clients, ${panel.label}, sessions in memory, ${rounds} requests one at a time per side; medians in ms`,
]
for (const [id, name] of reads.filter(([id]) => caseIds.includes(id))) {
  const bySide: Record<string, number[][]> = {}
  const statements: Record<string, Map<number, { sql: string; start: number[]; took: number[] }>> = {}
  for (const side of ['ours', 'floor'] as const) {
    const get = getter(panel.base, side === 'ours' ? panel.cookies.ours : undefined, urls[id][side])
    for (let i = 0; i < 30; i += 1) await get()
    bySide[side] = []
    statements[side] = new Map()
    for (let i = 0; i < rounds; i += 1) {
      marks = []
      const started = performance.now()
      await get()
      const done = performance.now()
      const arrived = marks.find((m) => m.kind === 'request')?.at ?? started
      const ended = marks.find((m) => m.kind === 'end')?.at ?? done
      const sql = marks.filter((m) => m.kind === 'sent' || m.kind === 'back')
      const first = sql.find((m) => m.kind === 'sent')?.at ?? ended
      const last = [...sql].reverse().find((m) => m.kind === 'back')?.at ?? first
      let inFlight = 0
      let since = 0
      let flying = 0
      for (const m of sql) {
        if (m.kind === 'sent' && inFlight++ === 0) since = m.at
        if (m.kind === 'back' && --inFlight === 0) flying += m.at - since
      }
      bySide[side].push([
        arrived - started,
        first - arrived,
        flying,
        last - first - flying,
        ended - last,
        done - ended,
        done - started,
      ])
      sql
        .filter((m) => m.kind === 'sent')
        .forEach((m, k) => {
          const back = sql.find((b, j) => b.kind === 'back' && b.sql === m.sql && j > sql.indexOf(m))
          const entry = statements[side].get(k) ?? { sql: m.sql ?? '', start: [], took: [] }
          entry.start.push(m.at - started)
          entry.took.push((back?.at ?? m.at) - m.at)
          statements[side].set(k, entry)
        })
    }
  }
  lines.push(`\n${name}:`, `  ${'phase'.padEnd(28)}   ours  floor  ours - floor`)
  PHASES.forEach((phase, p) => {
    const ours = median(bySide.ours.map((r) => r[p]))
    const floor = median(bySide.floor.map((r) => r[p]))
    lines.push(`  ${phase.padEnd(28)} ${fmt(ours)} ${fmt(floor)} ${fmt(ours - floor)}`)
  })
  for (const side of ['ours', 'floor'] as const) {
    lines.push(`  ${side === 'ours' ? 'ours' : "the floor's"} statements (sent at, took):`)
    // A position some requests only reach (the custom fields' definitions, read every two
    // seconds at most, falling in one of them) is left out.
    for (const { sql, start, took } of statements[side].values()) {
      if (start.length * 2 < rounds) continue
      lines.push(`    ${fmt(median(start))} ${fmt(median(took))}  ${sql}`)
    }
  }
}
await panel.close()
await panel.dataSource.destroy()
process.stdout.write(`${lines.join('\n')}\n`)
