// `npm run bench`: the client list at 100,000 clients, through the real HTTP API of the demo app
// (logged in), against (a) the floor: hand-written SQL behind a bare Express route, and (b) the
// peer: plain @adminjs/typeorm on the same tables. MariaDB when MYSQL_URL is set, else SQLite.
// The data set is made once (npm run seed:large's code) and kept for the next runs.
import { spawnSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import session from 'express-session'
import mysql from 'mysql2/promise'
import type { DataSource } from 'typeorm'
import { createDemoApp } from '../demo/app.js'
import { createDemoDataSource, prepareSchema } from '../demo/dataSource.js'
import { LARGE_SIZES, progressBar, seedLarge } from '../demo/seedLarge.js'
import { seedAdmins } from '../demo/seed.js'
import { floorRouter } from './floor.js'
import { peerRouter } from './peer.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 30)
// Nothing in the measured cases sends an email.
const nullMailer = { describe: 'none', sendMail: async () => ({ messageId: 'none' }) }
const WARMUP = 5
const PASSWORD = 'bench-password-1'
const SECRET = 'bench-session-secret-bench-session-secret'

async function benchDatabaseUrl(): Promise<string | undefined> {
  if (!process.env.MYSQL_URL) return undefined
  const base = new URL(process.env.MYSQL_URL)
  const name = `${base.pathname.slice(1) || 'adminjs_clients'}_bench`
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

async function openDatabase(): Promise<{ dataSource: DataSource; label: string; databaseUrl?: string }> {
  const databaseUrl = await benchDatabaseUrl()
  const dataDir = path.resolve('bench/.data')
  await mkdir(dataDir, { recursive: true })
  const dataSource = await createDemoDataSource({ databaseUrl, dataDir })
  await dataSource.initialize()
  await prepareSchema(dataSource)
  let label = 'SQLite (better-sqlite3)'
  if (databaseUrl) {
    const [row] = await dataSource.query('SELECT VERSION() AS v')
    label = `MariaDB/MySQL ${row.v}`
  }
  return { dataSource, label, databaseUrl }
}

/** Counts the SQL statements TypeORM sends (it calls its logger for each one). */
function queryCounter(dataSource: DataSource) {
  let count = 0
  const logger = dataSource.logger
  const original = logger.logQuery.bind(logger)
  logger.logQuery = (query, parameters, runner) => {
    count += 1
    return original(query, parameters, runner)
  }
  return {
    reset: () => (count = 0),
    get count() {
      return count
    },
  }
}

interface Sample {
  ms: number[]
  queries: number[]
  bytes: number[]
  peakRssMb: number
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const median = (values: number[]) => percentile(values, 50)

async function measure(
  counter: ReturnType<typeof queryCounter>,
  send: () => Promise<number>,
  options: { runs?: number; warmup?: number; reset?: () => Promise<void> } = {},
): Promise<Sample> {
  const runs = options.runs ?? RUNS
  for (let i = 0; i < (options.warmup ?? WARMUP); i += 1) {
    await send()
    await options.reset?.()
  }
  const sample: Sample = { ms: [], queries: [], bytes: [], peakRssMb: 0 }
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  for (let i = 0; i < runs; i += 1) {
    counter.reset()
    const started = performance.now()
    const bytes = await send()
    sample.ms.push(performance.now() - started)
    sample.queries.push(counter.count)
    sample.bytes.push(bytes)
    await options.reset?.()
  }
  clearInterval(timer)
  sample.peakRssMb = Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024
  return sample
}

async function login(base: string, loginPath: string): Promise<string> {
  const res = await fetch(`${base}${loginPath}`, {
    method: 'POST',
    // A browser names the panel's origin on every POST; the router refuses any that does not.
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email: 'admin@example.com', password: PASSWORD }),
    redirect: 'manual',
  })
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  if (res.status !== 302 || !cookie) throw new Error(`login at ${loginPath} failed: ${res.status}`)
  return cookie
}

async function main() {
  const { dataSource, label, databaseUrl } = await openDatabase()
  const existing = Number((await dataSource.query('SELECT COUNT(*) AS n FROM clients'))[0].n)
  if (existing < LARGE_SIZES.clients) {
    console.error(`Making the data set (${label}): once, then kept for the next runs.`)
    await seedLarge(dataSource, LARGE_SIZES, progressBar())
  }
  const sessions = new session.MemoryStore()
  const demo = createDemoApp({
    dataSource,
    mailer: nullMailer,
    sessionSecret: SECRET,
    sessionStore: sessions,
  })
  await seedAdmins(dataSource, demo.clients.passwordHasher, PASSWORD)
  const peer = peerRouter(demo.authenticate, sessions, SECRET)
  demo.app.use('/peer', peer.router)
  demo.app.use('/floor', floorRouter(dataSource))
  // Both panels in production mode: no bundling on the fly, as a real deployment runs.
  const server = demo.app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const cookies = { ours: await login(base, '/admin/login'), peer: await login(base, '/peer/login') }
  const counter = queryCounter(dataSource)

  const get = (who: 'ours' | 'peer' | 'floor', url: string) => async () => {
    const res = await fetch(`${base}${url}`, { headers: who === 'floor' ? {} : { cookie: cookies[who] } })
    const body = await res.arrayBuffer()
    if (res.status !== 200)
      throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`)
    return body.byteLength
  }

  const [advisor] = await dataSource.query(
    `SELECT advisorId AS id FROM clients WHERE advisorId IS NOT NULL GROUP BY advisorId ORDER BY COUNT(*) DESC LIMIT 1`,
  )
  const [someone] = await dataSource.query(
    `SELECT id, clientNumber FROM clients WHERE status = 'active' AND clientNumber LIKE 'L%' ORDER BY id LIMIT 1 OFFSET 5000`,
  )
  const list = (page: number) =>
    `/api/resources/Client/actions/list?page=${page}&perPage=20&sortBy=lastName&direction=asc`
  const cases: {
    name: string
    ours: () => Promise<number>
    floor: () => Promise<number>
    peer: () => Promise<number>
  }[] = [
    {
      name: 'list page 1',
      ours: get('ours', `/admin${list(1)}`),
      floor: get('floor', '/floor/list?page=1'),
      peer: get('peer', `/peer${list(1)}`),
    },
    {
      name: 'list page 2,000',
      ours: get('ours', `/admin${list(2000)}`),
      floor: get('floor', '/floor/list?page=2000'),
      peer: get('peer', `/peer${list(2000)}`),
    },
    ...[
      ['search "dupo"', 'dupo', 'lastName'],
      ['search "jean dupont"', 'jean dupont', 'lastName'],
      [`search number ${someone.clientNumber}`, someone.clientNumber, 'clientNumber'],
    ].map(([name, q, peerField]) => ({
      name,
      ours: get('ours', `/admin${list(1)}&filters.q=${encodeURIComponent(q)}`),
      floor: get('floor', `/floor/search?q=${encodeURIComponent(q)}`),
      // Plain AdminJS searches one field, `LIKE '%q%'`.
      peer: get('peer', `/peer${list(1)}&filters.${peerField}=${encodeURIComponent(q)}`),
    })),
    {
      name: 'filter by advisor',
      ours: get('ours', `/admin${list(1)}&filters.advisorId=${advisor.id}`),
      floor: get('floor', `/floor/advisor?advisorId=${advisor.id}`),
      peer: get('peer', `/peer${list(1)}&filters.advisorId=${advisor.id}`),
    },
    {
      name: 'client page (header + details)',
      ours: get('ours', `/admin/api/resources/Client/records/${someone.id}/show`),
      floor: get('floor', `/floor/client/${someone.id}`),
      peer: get('peer', `/peer/api/resources/Client/records/${someone.id}/show`),
    },
  ]

  const results: Record<string, { ours: Sample; floor: Sample; peer: Sample; note?: string }> = {}
  for (const c of cases) {
    process.stderr.write(`${c.name}… `)
    results[c.name] = {
      ours: await measure(counter, c.ours),
      floor: await measure(counter, c.floor),
      peer: await measure(counter, c.peer),
    }
    process.stderr.write('done\n')
  }

  // Bulk suspend of 1,000 clients; each run is undone (not timed) so the next one starts alike.
  const targets: { id: number }[] = await dataSource.query(
    `SELECT id FROM clients WHERE status = 'active' AND clientNumber LIKE 'L%' ORDER BY id LIMIT 1000 OFFSET 20000`,
  )
  const ids = targets.map((t) => t.id)
  const marks = ids.map(() => '?').join(',')
  const reset = async () => {
    await dataSource.query(
      `UPDATE clients SET status = 'active', statusReason = NULL WHERE id IN (${marks})`,
      ids,
    )
    await dataSource.query(
      `DELETE FROM client_events WHERE type = 'suspended' AND clientId IN (${marks})`,
      ids,
    )
  }
  const post = (who: 'ours' | 'floor', url: string, body: string, type: string) => async () => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': type, origin: base, ...(who === 'ours' ? { cookie: cookies.ours } : {}) },
      body,
    })
    const text = await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
    return text.byteLength
  }
  process.stderr.write('bulk suspend of 1,000 clients… ')
  const peerRuns = Number(process.env.BENCH_PEER_BULK_RUNS ?? 3)
  results['bulk suspend 1,000'] = {
    ours: await measure(
      counter,
      post(
        'ours',
        `/admin/api/resources/Client/bulk/bulkSuspend?recordIds=${ids.join(',')}`,
        'reason=Audit',
        'application/x-www-form-urlencoded',
      ),
      { reset, warmup: 2 },
    ),
    floor: await measure(
      counter,
      post('floor', '/floor/suspend', JSON.stringify({ ids, reason: 'Audit' }), 'application/json'),
      {
        reset,
        warmup: 2,
      },
    ),
    // Without the plugin an admin edits the status of each client: 1,000 edit requests.
    peer: await measure(
      counter,
      async () => {
        let bytes = 0
        for (const id of ids) {
          const res = await fetch(`${base}/peer/api/resources/Client/records/${id}/edit`, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              origin: base,
              cookie: cookies.peer,
            },
            body: 'status=suspended&statusReason=Audit',
          })
          bytes += (await res.arrayBuffer()).byteLength
        }
        return bytes
      },
      { reset, warmup: 0, runs: peerRuns },
    ),
    note: `peer: 1,000 edit requests per run, ${peerRuns} runs`,
  }
  process.stderr.write('done\n')
  server.close()

  // Import of 100,000 commission rows: each side in a process of its own (its own peak RSS).
  process.stderr.write('import of 100,000 commission rows… ')
  const target = databaseUrl ?? path.resolve('bench/.data/demo.sqlite')
  const importSide = (side: 'ours' | 'floor') => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/importCase.ts', side, target, '100000'],
      {
        encoding: 'utf8',
      },
    )
    const line = run.stdout.trim().split('\n').pop() ?? ''
    if (run.status !== 0 || !line.startsWith('{'))
      throw new Error(`import bench (${side}) failed: ${run.stderr}`)
    return JSON.parse(line) as { seconds: number; rowsPerSecond: number; peakRssMb: number; imported: number }
  }
  const importOurs = importSide('ours')
  const importFloor = importSide('floor')
  process.stderr.write('done\n')

  // Export of the whole client list as CSV: each side in a process of its own (its own peak RSS).
  process.stderr.write('export of every client as CSV… ')
  const exportSide = (side: 'ours' | 'floor') => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/exportCase.ts', side, target], {
      encoding: 'utf8',
    })
    const line = run.stdout.trim().split('\n').pop() ?? ''
    if (run.status !== 0 || !line.startsWith('{'))
      throw new Error(`export bench (${side}) failed: ${run.stderr}`)
    return JSON.parse(line) as {
      rows: number
      seconds: number
      megabytes: number
      peakRssMb: number
      startRssMb: number
    }
  }
  const exportOurs = exportSide('ours')
  const exportFloor = exportSide('floor')
  process.stderr.write('done\n')

  // ---- report ----
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))
  const lines = [
    `Client list at ${LARGE_SIZES.clients.toLocaleString('en')} clients, ${LARGE_SIZES.contracts.toLocaleString('en')} contracts, ${LARGE_SIZES.commissions.toLocaleString('en')} commissions — ${label}, ${os.cpus().length} cores, Node ${process.version}, ${RUNS} requests per case after ${WARMUP} warm-up`,
    '',
    '| case | ours median ms | ours p95 ms | floor median ms | peer median ms | ours / floor | peer / ours | SQL per request (ours / floor / peer) | KB per response (ours / floor / peer) | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|---:|',
  ]
  for (const [name, r] of Object.entries(results)) {
    const m = { ours: median(r.ours.ms), floor: median(r.floor.ms), peer: median(r.peer.ms) }
    lines.push(
      `| ${name} | ${fmt(m.ours)} | ${fmt(percentile(r.ours.ms, 95))} | ${fmt(m.floor)} | ${fmt(m.peer)} | ${(m.ours / m.floor).toFixed(2)} | ${(m.peer / m.ours).toFixed(1)} | ${median(r.ours.queries)} / ${median(r.floor.queries)} / ${median(r.peer.queries)} | ${(median(r.ours.bytes) / 1024).toFixed(1)} / ${(median(r.floor.bytes) / 1024).toFixed(1)} / ${(median(r.peer.bytes) / 1024).toFixed(1)} | ${Math.max(r.ours.peakRssMb, r.floor.peakRssMb, r.peer.peakRssMb).toFixed(0)} |`,
    )
  }
  const notes = Object.entries(results)
    .filter(([, r]) => r.note)
    .map(([name, r]) => `- ${name}: ${r.note}`)
  const importLine =
    `Import of 100,000 commission rows (95% on existing clients by number, 5% new clients and contracts): ` +
    `ours ${Math.round(importOurs.rowsPerSecond).toLocaleString('en')} rows/s (${importOurs.seconds.toFixed(1)} s, peak RSS ${importOurs.peakRssMb.toFixed(0)} MB), ` +
    `floor (plain multi-row INSERT) ${Math.round(importFloor.rowsPerSecond).toLocaleString('en')} rows/s (${importFloor.seconds.toFixed(1)} s, peak RSS ${importFloor.peakRssMb.toFixed(0)} MB): ` +
    `ours / floor ${(importOurs.seconds / importFloor.seconds).toFixed(2)}× the time`
  const exportLine =
    `Export of ${exportOurs.rows.toLocaleString('en')} clients as CSV (${exportOurs.megabytes.toFixed(1)} MB): ` +
    `ours ${exportOurs.seconds.toFixed(1)} s, peak RSS ${exportOurs.peakRssMb.toFixed(0)} MB (${exportOurs.startRssMb.toFixed(0)} MB before it); ` +
    `floor (one raw streamed query, same CSV writer) ${exportFloor.seconds.toFixed(1)} s, peak RSS ${exportFloor.peakRssMb.toFixed(0)} MB (${exportFloor.startRssMb.toFixed(0)} MB before it): ` +
    `ours / floor ${(exportOurs.seconds / exportFloor.seconds).toFixed(2)}× the time`
  console.log([...lines, '', ...notes, '', importLine, exportLine].join('\n'))

  await mkdir('bench/results', { recursive: true })
  await writeFile(
    'bench/results/latest.json',
    JSON.stringify(
      {
        date: new Date().toISOString(),
        database: label,
        cores: os.cpus().length,
        node: process.version,
        runs: RUNS,
        sizes: LARGE_SIZES,
        import: { ours: importOurs, floor: importFloor },
        export: { ours: exportOurs, floor: exportFloor },
        results: Object.fromEntries(
          Object.entries(results).map(([name, r]) => [
            name,
            Object.fromEntries(
              (['ours', 'floor', 'peer'] as const).map((who) => [
                who,
                {
                  medianMs: median(r[who].ms),
                  p95Ms: percentile(r[who].ms, 95),
                  queries: median(r[who].queries),
                  bytes: median(r[who].bytes),
                  peakRssMb: r[who].peakRssMb,
                },
              ]),
            ),
          ]),
        ),
      },
      null,
      2,
    ),
  )
  await dataSource.destroy()
}

await main()
