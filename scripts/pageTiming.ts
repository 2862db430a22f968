// `npm run timing [-- --runs 10 --modes production,plain,development --port 3800]`: how long a full
// load of the client list takes in Chromium on the demo, as `npm start` serves it (production
// bundles), against plain AdminJS's list of the same table (`plain`: test/e2e/plainAdmin.ts on the
// production demo's database, production bundles too) and as `npm run start:dev` serves it
// (development bundles): each demo started on a fresh SQLite folder, logged in, then `runs` full
// loads of the list (a reload, as an admin's F5, to its first row), the modes alternated; the
// median, and the JavaScript received. The browser and the timed load are the bench's
// (bench/pageLoad.ts), whose `browser` case times ours against plain AdminJS at scale.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromium, loadUntilVisible, logIn, newPanelPage, type PanelLogin } from '../bench/pageLoad.js'
import { median } from '../bench/stats.js'

type Mode = 'production' | 'development' | 'plain'

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback
}
const runs = Math.max(1, Number(option('runs', '10')) || 10)
const modes = option('modes', 'production,plain,development')
  .split(',')
  .map((m) => m.trim())
  .filter((m): m is Mode => m === 'production' || m === 'development' || m === 'plain')
// Plain AdminJS reads the production demo's database: that demo starts first.
if (modes.includes('plain') && !modes.includes('production')) modes.unshift('production')
modes.sort((a, b) => Number(a === 'plain') - Number(b === 'plain'))
const firstPort = Number(option('port', '3800')) || 3800
/** The full load's goal on the demo (issue 31), on a quiet machine. */
const GOAL_MS = 1000

interface Demo {
  mode: Mode
  base: string
  process: ChildProcess
  dataDir: string
  bundleDir: string | null
}

/**
 * Plain AdminJS (no plugin, no login) on the production demo's SQLite folder, in production with
 * a components bundle of its own (built once listening: its first visit waits for it).
 */
async function startPlain(production: Demo): Promise<Demo> {
  const bundleDir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-plain-bundle-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    ADMIN_JS_SKIP_BUNDLE: 'true',
    ADMIN_JS_TMP_DIR: bundleDir,
    DATA_DIR: production.dataDir,
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/plainAdmin.ts'], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /plain admin on (\d+)/.exec(chunk.toString())
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', (code) => reject(new Error(`plain AdminJS exited with ${code}`)))
  })
  // Its data folder is the production demo's, removed with it.
  return { mode: 'plain', base: `http://127.0.0.1:${port}/plain`, process: child, dataDir: '', bundleDir }
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

const LIST_ROW = 'tbody tr'
const MODE_NAMES: Record<Mode, string> = {
  production: 'npm start (production)',
  plain: 'plain AdminJS, same table (production)',
  development: 'npm run start:dev (development)',
}
const login = (base: string): PanelLogin => ({
  base,
  email: 'admin@example.com',
  password: process.env.DEMO_PASSWORD ?? 'changeme',
})

const browser = await launchChromium()
const demos: Demo[] = []
try {
  const pages = new Map<Mode, Page>()
  for (const [i, mode] of modes.entries()) {
    const production = demos.find((d) => d.mode === 'production')
    const demo =
      mode === 'plain' && production
        ? await startPlain(production)
        : await startDemo(mode, firstPort + i * 7 + Math.floor(Math.random() * 5))
    demos.push(demo)
    const page = await newPanelPage(browser)
    // The first list view (in development, and for plain AdminJS, it waits for the bundle): not timed.
    if (mode === 'plain') {
      await page.goto(`${demo.base}/resources/Client`, { timeout: 300_000 })
      await page.waitForSelector(LIST_ROW, { timeout: 300_000 })
    } else await logIn(page, login(demo.base), `${demo.base}/resources/Client`, LIST_ROW)
    pages.set(mode, page)
  }
  const results = new Map<Mode, { ms: number[]; jsBytes: number }>(
    modes.map((m) => [m, { ms: [], jsBytes: 0 }]),
  )
  for (let run = 0; run < runs; run += 1) {
    for (const demo of demos) {
      const page = pages.get(demo.mode)!
      const { ms, jsBytes } = await loadUntilVisible(page, `${demo.base}/resources/Client`, LIST_ROW)
      const result = results.get(demo.mode)!
      result.ms.push(ms)
      result.jsBytes = jsBytes
    }
  }
  console.log(
    `\nFull load of the client list (a reload), to its first row (${runs} runs a mode, alternated; goal under ${GOAL_MS} ms on a quiet machine):`,
  )
  console.log('| mode | median | min | max | JavaScript received |')
  console.log('|---|---|---|---|---|')
  for (const [mode, { ms, jsBytes }] of results) {
    console.log(
      `| ${MODE_NAMES[mode]} | ${Math.round(median(ms))} ms | ${Math.round(Math.min(...ms))} ms | ${Math.round(Math.max(...ms))} ms | ${(jsBytes / 1e6).toFixed(1)} MB |`,
    )
  }
  const ours = results.get('production')
  const plain = results.get('plain')
  if (ours) {
    const at = median(ours.ms)
    console.log(
      `\nnpm start's list: ${Math.round(at)} ms, goal under ${GOAL_MS} ms ${at < GOAL_MS ? 'met' : 'not met'}`,
    )
    if (plain) console.log(`ours / plain AdminJS (medians): ${(at / median(plain.ms)).toFixed(2)}`)
  }
} finally {
  await browser.close()
  // Plain AdminJS first: it reads the production demo's folder.
  for (const demo of [...demos].reverse()) {
    demo.process.kill('SIGTERM')
    await new Promise((resolve) => demo.process.once('exit', resolve))
    if (demo.dataDir) await rm(demo.dataDir, { recursive: true, force: true })
    if (demo.bundleDir) await rm(demo.bundleDir, { recursive: true, force: true })
  }
}
