// `npm run bench:breakdown`: where one request's time goes, for list page 1 and the client page.
// The bench's panel (bench/harness.ts, same data set as `npm run bench`), one request at a time:
// the client's wall time per request, the SQL wall time (every statement through TypeORM's query
// runner, pool included) and the server's CPU by layer from a V8 CPU profile taken in this
// process (a sample goes to the innermost frame of a known layer; the bench's own fetch client is
// set apart; process CPU includes V8's and libuv's helper threads). Sessions in express-session's
// MemoryStore and in the demo's database table.
// Options: --clients N (default 100,000), --rounds N (default 300), --store memory|database|both,
// --cases list,client,search-dupo (the read cases of `npm run bench`; default list and client),
// --profiles DIR (each case's V8 CPU profile written there, to open in Chrome's DevTools).
import { mkdir, writeFile } from 'node:fs/promises'
import { Session as InspectorSession } from 'node:inspector/promises'
import type { DataSource } from 'typeorm'
import { getter, readCases, startPanel } from './harness.js'
import { median } from './stats.js'

type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

const LAYERS: [string, RegExp][] = [
  [
    'guard middlewares (protectAdminRouter)',
    /\/src\/http\/(sameOrigin|bodyLimits|knownRoutes|listQuery|recordIdsQuery|protectAdminRouter)\.ts/,
  ],
  [
    'session (express-session, store, auth)',
    /\/src\/http\/(databaseSessionStore|resilientSessionStore|sessionCookie|authProvider)\.ts|\/demo\/sessionStore\.ts|node_modules\/(express-session|cookie|cookie-signature|uid-safe)\//,
  ],
  ['our handler (actions, services, resources)', /\/(src|demo)\//],
  ['TypeORM', /node_modules\/typeorm\//],
  [
    'driver (mysql2, better-sqlite3)',
    /node_modules\/(mysql2|better-sqlite3|sqlstring|denque|lru\.min|lru-cache|iconv-lite|long|named-placeholders|generate-function|seq-queue)\//,
  ],
  ['AdminJS (routing, ActionRequest, records)', /node_modules\/(adminjs|@adminjs)\//],
  [
    'Express (router, body parsers)',
    /node_modules\/(express|router|body-parser|path-to-regexp|finalhandler|qs|formidable|on-finished|send|serve-static|debug|depd|content-type|type-is|mime-types|accepts|negotiator|etag|fresh|parseurl|vary|encodeurl|escape-html)\//,
  ],
]
const CLIENT = 'the bench client (fetch, not the server)'
const NODE = 'Node (HTTP parser, sockets, timers)'
const IDLE = '(idle)'

/**
 * The share of the profile's samples in each layer. By count, not by time delta: a sample after
 * a wait carries the wait in its delta (the first one, the time before the profile started).
 */
function byLayer(profile: Profile): Map<string, number> {
  const parent = new Map<number, number>()
  const node = new Map(profile.nodes.map((n) => [n.id, n]))
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const layerOf = new Map<number, string>()
  const classify = (id: number): string => {
    const known = layerOf.get(id)
    if (known) return known
    const leaf = node.get(id)?.callFrame
    let layer: string | null = null
    if (leaf?.functionName === '(garbage collector)') layer = 'GC'
    else if (leaf?.functionName === '(idle)') layer = IDLE
    else if (leaf?.functionName === '(program)') layer = 'V8 (program)'
    const stack: { functionName: string; url: string }[] = []
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = node.get(at)?.callFrame
      if (frame) stack.push(frame)
    }
    if (!layer && stack.some((f) => /undici|\/bench\/(breakdown|harness)\.ts/.test(f.url))) layer = CLIENT
    if (!layer && leaf && leaf.url === '' && /^(stringify|parse)$/.test(leaf.functionName)) layer = 'JSON'
    for (const frame of stack) {
      if (layer) break
      layer = LAYERS.find(([, pattern]) => pattern.test(frame.url))?.[0] ?? null
    }
    layerOf.set(id, layer ?? NODE)
    return layer ?? NODE
  }
  const totals = new Map<string, number>()
  const busy = profile.samples.slice(1).filter((id) => classify(id) !== IDLE)
  for (const id of busy) totals.set(classify(id), (totals.get(classify(id)) ?? 0) + 1 / busy.length)
  return totals
}

/** Wall time spent in the query runner's `query` (every SQL statement TypeORM sends) and their count. */
function sqlTimer(dataSource: DataSource) {
  const runner = dataSource.createQueryRunner()
  let proto = Object.getPrototypeOf(runner)
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'query')) proto = Object.getPrototypeOf(proto)
  void runner.release()
  const original = proto.query as (...args: unknown[]) => Promise<unknown>
  // `ms`: the time at least one statement was in flight (a list sends some side by side).
  const totals = { ms: 0, count: 0 }
  let inFlight = 0
  let since = 0
  proto.query = async function (this: unknown, ...args: unknown[]) {
    if (inFlight++ === 0) since = performance.now()
    try {
      return await original.apply(this, args)
    } finally {
      if (--inFlight === 0) totals.ms += performance.now() - since
      totals.count += 1
    }
  }
  return {
    reset: () => Object.assign(totals, { ms: 0, count: 0 }),
    totals,
  }
}

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? process.argv[at + 1] : fallback
}
const clients = Number(arg('clients', '100000'))
const rounds = Number(arg('rounds', '300'))
const stores = (arg('store', 'both') === 'both' ? ['memory', 'database'] : [arg('store', 'memory')]) as (
  'memory' | 'database'
)[]
const sizes = { advisors: 50, clients, contracts: clients * 3, commissions: clients * 10 }
const caseIds = arg('cases', 'list,client').split(',')
const profiles = arg('profiles', '')
if (profiles) await mkdir(profiles, { recursive: true })

const inspector = new InspectorSession()
inspector.connect()
await inspector.post('Profiler.enable')
await inspector.post('Profiler.setSamplingInterval', { interval: 100 })

const lines: string[] = []
for (const store of stores) {
  const panel = await startPanel(sizes, { store })
  const { urls, reads } = await readCases(panel.dataSource)
  const sql = sqlTimer(panel.dataSource)
  for (const [id, name] of reads.filter(([id]) => caseIds.includes(id))) {
    const get = getter(panel.base, panel.cookies.ours, urls[id].ours)
    for (let i = 0; i < 30; i += 1) await get()
    const walls: number[] = []
    sql.reset()
    await inspector.post('Profiler.start')
    const started = performance.now()
    const cpu = process.cpuUsage()
    for (let i = 0; i < rounds; i += 1) {
      const t = performance.now()
      await get()
      walls.push(performance.now() - t)
    }
    const elapsed = performance.now() - started
    const { user, system } = process.cpuUsage(cpu)
    const cpuMs = (user + system) / 1000
    const { profile } = (await inspector.post('Profiler.stop')) as { profile: Profile }
    const layers = byLayer(profile)
    if (profiles) await writeFile(`${profiles}/${id}-${store}.cpuprofile`, JSON.stringify(profile))
    const per = (ms: number) => (ms / rounds).toFixed(2)
    lines.push(
      `\n${name}, sessions in ${store === 'memory' ? 'memory' : 'the database'} (${panel.label}, ${clients.toLocaleString('en')} clients, ${rounds} requests one at a time):`,
      `  wall per request: median ${median(walls).toFixed(2)} ms, mean ${per(elapsed)} ms`,
      `  SQL (query runner, wall time with a statement in flight): ${per(sql.totals.ms)} ms, ${(sql.totals.count / rounds).toFixed(1)} statements`,
      `  CPU of this process per request: ${per(cpuMs)} ms, by layer (its share of the profile's busy samples):`,
    )
    const sorted = [...layers].sort((a, b) => b[1] - a[1])
    for (const [layer, share] of sorted) {
      lines.push(
        `    ${per(cpuMs * share).padStart(6)} ms ${(share * 100).toFixed(1).padStart(5)} %  ${layer}`,
      )
    }
  }
  await panel.close()
  await panel.dataSource.destroy()
}
inspector.disconnect()
process.stdout.write(`${lines.join('\n')}\n`)
