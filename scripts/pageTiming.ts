// `npm run timing [-- --runs 10 --modes production,development]`: how long a full load of the
// client list takes in Chromium on the demo, as `npm start` serves it (production bundles) and as
// `npm run start:dev` does (development bundles): each mode's demo started on a fresh SQLite
// folder, logged in, then `runs` full loads of the list (from about:blank to its first row), the
// modes alternated; the median, and the JavaScript received (not served from the browser cache).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'

type Mode = 'production' | 'development'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback
}
const runs = Math.max(1, Number(option('runs', '10')) || 10)
const modes = option('modes', 'production,development')
  .split(',')
  .map((m) => m.trim())
  .filter((m): m is Mode => m === 'production' || m === 'development')

interface Demo {
  mode: Mode
  base: string
  process: ChildProcess
  dataDir: string
  bundleDir: string | null
}

/** The demo in this mode on a free port: production as `npm start` (its bundle in .adminjs), development in a folder of its own. */
async function startDemo(mode: Mode, port: number): Promise<Demo> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `adminjs-clients-timing-${mode}-`))
  const bundleDir =
    mode === 'development' ? await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-dev-bundle-')) : null
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' }
  delete env.NODE_ENV
  if (bundleDir) env.ADMIN_JS_TMP_DIR = bundleDir
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', mode === 'production' ? 'demo/start.ts' : 'demo/server.ts'],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      if (/Bundling|bundled in/.test(text)) process.stdout.write(`  ${mode}: ${text.trim()}\n`)
      if (text.includes('ready in')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`the ${mode} demo exited with ${code}`)))
  })
  return { mode, base: `http://127.0.0.1:${port}/admin`, process: child, dataDir, bundleDir }
}

async function logIn(page: Page, base: string) {
  await page.goto(`${base}/login`, { timeout: 300_000 })
  await page.fill('input[name=email]', 'admin@example.com')
  await page.fill('input[name=password]', process.env.DEMO_PASSWORD ?? 'changeme')
  await Promise.all([
    page.waitForURL(base, { waitUntil: 'commit' }),
    page.press('input[name=password]', 'Enter'),
  ])
  // The first list view (in development it bundles the components): not timed.
  await page.goto(`${base}/resources/Client`, { timeout: 300_000 })
  await page.waitForSelector('tbody tr', { timeout: 300_000 })
}

/** One full load of the list: milliseconds to its first row, and the bytes of JavaScript received. */
async function fullLoad(page: Page, base: string): Promise<{ ms: number; jsBytes: number }> {
  await page.goto('about:blank')
  let jsBytes = 0
  const count = async (response: import('playwright-core').Response) => {
    if (!/\.js(\?|$)/.test(response.url())) return
    jsBytes += (await response.body().catch(() => Buffer.alloc(0))).length
  }
  const pending: Promise<void>[] = []
  const listener = (response: import('playwright-core').Response) => void pending.push(count(response))
  page.on('response', listener)
  const started = Date.now()
  await page.goto(`${base}/resources/Client`, { waitUntil: 'commit' })
  await page.waitForSelector('tbody tr', { state: 'visible', timeout: 60_000 })
  const ms = Date.now() - started
  page.off('response', listener)
  await Promise.all(pending)
  return { ms, jsBytes }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
const demos: Demo[] = []
try {
  const pages = new Map<Mode, Page>()
  for (const [i, mode] of modes.entries()) {
    const demo = await startDemo(mode, 3800 + i * 7 + Math.floor(Math.random() * 5))
    demos.push(demo)
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
    // No internet here: AdminJS's Google Fonts stylesheet would hold the load event.
    await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort())
    await logIn(page, demo.base)
    pages.set(mode, page)
  }
  const results = new Map<Mode, { ms: number[]; jsBytes: number }>(
    modes.map((m) => [m, { ms: [], jsBytes: 0 }]),
  )
  for (let run = 0; run < runs; run += 1) {
    for (const demo of demos) {
      const { ms, jsBytes } = await fullLoad(pages.get(demo.mode)!, demo.base)
      const result = results.get(demo.mode)!
      result.ms.push(ms)
      result.jsBytes = jsBytes
    }
  }
  console.log(`\nFull load of the client list, to its first row (${runs} runs a mode, alternated):`)
  console.log('| mode | median | min | max | JavaScript received |')
  console.log('|---|---|---|---|---|')
  for (const [mode, { ms, jsBytes }] of results) {
    console.log(
      `| ${mode === 'production' ? 'npm start (production)' : 'npm run start:dev (development)'} | ${median(ms)} ms | ${Math.min(...ms)} ms | ${Math.max(...ms)} ms | ${(jsBytes / 1e6).toFixed(1)} MB |`,
    )
  }
} finally {
  await browser.close()
  for (const demo of demos) {
    demo.process.kill('SIGTERM')
    await new Promise((resolve) => demo.process.once('exit', resolve))
    await rm(demo.dataDir, { recursive: true, force: true })
    if (demo.bundleDir) await rm(demo.bundleDir, { recursive: true, force: true })
  }
}
