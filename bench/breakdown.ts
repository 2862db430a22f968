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
import { getter, readCases, startPanel } from './harness.js'
import { median } from './stats.js'
import { byLayer, sqlTimer, type Profile } from './profileLayers.js'

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
/** The bench's own fetch client, set apart: not the server's CPU. */
const CLIENT: [string, RegExp] = [
  'the bench client (fetch, not the server)',
  /undici|\/bench\/(breakdown|harness)\.ts/,
]

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
    const layers = byLayer(profile, LAYERS, CLIENT)
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
