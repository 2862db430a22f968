// The browser case (`npm run bench -- --cases browser`): in Debian's Chromium, a full load of the
// client list (navigation to its first row) and of a client's page (to our header; to plain
// AdminJS's record once shown), ours and plain AdminJS's on the bench's data set, interleaved
// rounds. Each side runs in a process of its own in production (bench/browserServer.ts: the
// minified bundles AdminJS serves with NODE_ENV=production, the components bundled once), and
// the scripts each page loads are weighed, raw and gzipped, with recharts's share.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { BENCH_PASSWORD, child, type ReadCases } from './harness.js'
import type { BenchOptions } from './options.js'
import {
  CHROMIUM,
  launchChromium,
  loadUntilVisible,
  logIn,
  newPanelPage,
  type LoadStart,
} from './pageLoad.js'
import type { BrowserPair, CaseResult } from './report.js'
import { interleave, pairedRatio, summary, type Sample, type Send } from './stats.js'

type BrowserSide = 'ours' | 'peer'

// The list's first row, in the wrapper both lists name alike (AdminJS's data-css, our LeanList's).
const LIST_ROW = '[data-css="Client-list-table-wrapper"] tbody tr'
const CLIENT_HEADER = '[data-testid=client-header]'
// Plain AdminJS's record page: its content, drawn once the record is there.
const PLAIN_RECORD = '[data-css="Client-show-drawer-content"]'

/** Where each side's production components bundle is kept between runs. */
const bundleDir = (name: string) => path.resolve('.adminjs/bench', name)

interface SideServer {
  origin: string
  bundledSeconds: number | null
  process: ChildProcess
}

/** One side's server, once it listens (its first start bundles its components: minutes). */
function startServer(side: BrowserSide, options: BenchOptions): Promise<SideServer> {
  const env = { ...process.env, NODE_ENV: 'production', ADMIN_JS_TMP_DIR: bundleDir(side) }
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/browserServer.ts', side, '--clients', String(options.sizes.clients)],
    { env, stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let out = ''
  let err = ''
  server.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)))
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n').find((l) => l.startsWith('{"port"'))
      if (!line) return
      const { port, bundledSeconds } = JSON.parse(line) as { port: number; bundledSeconds: number | null }
      resolve({ origin: `http://127.0.0.1:${port}`, bundledSeconds, process: server })
    })
    server.on('exit', (code) => reject(new Error(`the ${side} server exited with ${code}: ${err}`)))
  })
}

async function stopServer(server: SideServer): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return
  const exited = new Promise((resolve) => server.process.once('exit', resolve))
  server.process.stdin?.end()
  const timer = setTimeout(() => server.process.kill('SIGTERM'), 5000)
  await exited
  clearTimeout(timer)
}

export interface ScriptWeight {
  /** The script's file name, as the page names it (`components.bundle.js`…). */
  name: string
  ours?: { raw: number; gzip: number }
  peer?: { raw: number; gzip: number }
}

export interface BundleWeight {
  scripts: ScriptWeight[]
  /** recharts alone, with the names our components import, through AdminJS's components bundler. */
  recharts: { raw: number; gzip: number; names: string[] }
}

const weigh = (body: Buffer) => ({ raw: body.length, gzip: gzipSync(body).length })

/** Every script the page at `url` loads (its `<script src>`), as the server sends it and gzipped. */
async function pageScripts(page: Page, url: string): Promise<Map<string, { raw: number; gzip: number }>> {
  await page.goto(url)
  await page.waitForSelector(LIST_ROW)
  const sources = await page.$$eval('script[src]', (scripts) =>
    scripts.map((s) => (s as HTMLScriptElement).src),
  )
  const weights = new Map<string, { raw: number; gzip: number }>()
  for (const src of sources) {
    const response = await page.request.get(src)
    if (!response.ok()) throw new Error(`${src}: ${response.status()}`)
    weights.set(new URL(src).pathname.split('/').pop() ?? src, weigh(await response.body()))
  }
  return weights
}

/** recharts's share: the chart's imports bundled alone by AdminJS (bench/chartBundle.ts). */
function rechartsWeight(): BundleWeight['recharts'] {
  const dir = bundleDir('recharts')
  const env = { ...process.env, NODE_ENV: 'production', ADMIN_JS_TMP_DIR: dir }
  const { bytes, names } = child<{ bytes: number; names: string[] }>('bench/chartBundle.ts', [], env)
  return { ...(bytes ? weigh(readFileSync(path.join(dir, 'bundle.js'))) : { raw: 0, gzip: 0 }), names }
}

/** The browser case, or null when Debian's Chromium is not installed (said on stderr). */
export async function browserCase(options: BenchOptions, cases: ReadCases): Promise<CaseResult | null> {
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`skipped: no Chromium at ${CHROMIUM} (CHROMIUM_PATH)\n`)
    return null
  }
  const servers: Partial<Record<BrowserSide, SideServer>> = {}
  const browser = await launchChromium()
  try {
    // One after the other: a first start bundles, and two bundlings at once would share 2 cores.
    servers.ours = await startServer('ours', options)
    servers.peer = await startServer('peer', options)
    const ours = `${servers.ours.origin}/admin`
    const peer = `${servers.peer.origin}/peer`
    const pages = { ours: await newPanelPage(browser), peer: await newPanelPage(browser) }
    const login = { email: 'admin@example.com', password: BENCH_PASSWORD }
    await logIn(pages.ours, { ...login, base: ours }, `${ours}/resources/Client`, LIST_ROW)
    await logIn(pages.peer, { ...login, base: peer }, `${peer}/resources/Client`, LIST_ROW)
    const record = (base: string) => `${base}/resources/Client/records/${cases.clientId}/show`
    // A first visit: a context of its own each time, logged in, its cache empty (made between loads).
    const states = {
      ours: await pages.ours.context().storageState(),
      peer: await pages.peer.context().storageState(),
    }
    // The warm loads: one page per screen, logged in, each reloaded as an admin's F5 (its first
    // load, which fills the cache, not timed; bench/pageLoad.ts says why not from about:blank).
    const warm = {
      oursList: await newPanelPage(browser, states.ours),
      peerList: await newPanelPage(browser, states.peer),
      oursClient: await newPanelPage(browser, states.ours),
      peerClient: await newPanelPage(browser, states.peer),
    }
    const load =
      (page: () => Page, url: string, selector: string, start: LoadStart = 'reload'): Send =>
      async () =>
        (await loadUntilVisible(page(), url, selector, start)).jsBytes
    const cold: Record<BrowserSide, Page | null> = { ours: null, peer: null }
    const freshCold = async () => {
      for (const side of ['ours', 'peer'] as const) {
        if (cold[side]?.url() === 'about:blank') continue
        await cold[side]?.context().close()
        cold[side] = await newPanelPage(browser, states[side])
      }
    }
    const sides = {
      oursList: load(() => warm.oursList, `${ours}/resources/Client`, LIST_ROW),
      peerList: load(() => warm.peerList, `${peer}/resources/Client`, LIST_ROW),
      oursClient: load(() => warm.oursClient, record(ours), CLIENT_HEADER),
      peerClient: load(() => warm.peerClient, record(peer), PLAIN_RECORD),
      oursFirst: load(() => cold.ours!, `${ours}/resources/Client`, LIST_ROW, 'navigate'),
      peerFirst: load(() => cold.peer!, `${peer}/resources/Client`, LIST_ROW, 'navigate'),
    }
    // The first visits from new contexts, made between the rounds: not timed.
    const between = freshCold
    await between()
    const noQueries = { reset: () => undefined, count: 0 }
    const { samples } = await interleave(noQueries, sides, { runs: options.runs, warmup: 2, reset: between })
    const s = samples as Required<typeof samples>
    const pair = (a: Sample, b: Sample): BrowserPair => ({
      ours: summary(a),
      peer: summary(b),
      peerOverOurs: pairedRatio(b.ms, a.ms),
    })
    for (const side of ['ours', 'peer'] as const) await cold[side]?.context().close()
    for (const page of Object.values(warm)) await page.context().close()

    const oursScripts = await pageScripts(pages.ours, `${ours}/resources/Client`)
    const peerScripts = await pageScripts(pages.peer, `${peer}/resources/Client`)
    const scripts = [...new Set([...oursScripts.keys(), ...peerScripts.keys()])].map((name) => ({
      name,
      ours: oursScripts.get(name),
      peer: peerScripts.get(name),
    }))
    const bundled = (Object.entries(servers) as [BrowserSide, SideServer][])
      .filter(([, server]) => server.bundledSeconds !== null)
      .map(([side, server]) => `${side} ${server.bundledSeconds?.toFixed(0)} s`)
    return {
      id: 'browser',
      name: 'browser: full load',
      kind: 'browser',
      list: pair(s.oursList, s.peerList),
      client: pair(s.oursClient, s.peerClient),
      firstVisit: pair(s.oursFirst, s.peerFirst),
      weight: { scripts, recharts: rechartsWeight() },
      note:
        `Chromium ${browser.version()}, production bundles, from navigation to the element visible: ` +
        `a reload of the screen (an admin's F5, the browser's cache warm), and a first visit (a new context, logged in, its cache empty, from about:blank); ${options.runs} rounds after 2, the six loads interleaved` +
        (bundled.length ? `; components bundled at this start: ${bundled.join(', ')}` : ''),
    }
  } finally {
    await browser.close()
    for (const server of Object.values(servers)) await stopServer(server)
  }
}
