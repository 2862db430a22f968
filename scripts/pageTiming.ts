// `npm run timing [-- --runs 10 --modes production,development]`: how long a full load of the
// client list takes in Chromium on the demo, as `npm start` serves it (production bundles) and as
// `npm run start:dev` does (development bundles): each mode's demo started on a fresh SQLite
// folder, logged in, then `runs` full loads of the list (from about:blank to its first row), the
// modes alternated; the median, and the JavaScript received. The browser and the timed load are
// the bench's (bench/pageLoad.ts), whose `browser` case times ours against plain AdminJS.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromium, loadUntilVisible, logIn, newPanelPage, type PanelLogin } from '../bench/pageLoad.js'
import { median } from '../bench/stats.js'

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

const LIST_ROW = 'tbody tr'
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
    const demo = await startDemo(mode, 3800 + i * 7 + Math.floor(Math.random() * 5))
    demos.push(demo)
    const page = await newPanelPage(browser)
    // The first list view (in development it bundles the components): not timed.
    await logIn(page, login(demo.base), `${demo.base}/resources/Client`, LIST_ROW)
    pages.set(mode, page)
  }
  const results = new Map<Mode, { ms: number[]; jsBytes: number }>(
    modes.map((m) => [m, { ms: [], jsBytes: 0 }]),
  )
  for (let run = 0; run < runs; run += 1) {
    for (const demo of demos) {
      const page = pages.get(demo.mode)!
      await page.goto('about:blank')
      const { ms, jsBytes } = await loadUntilVisible(page, `${demo.base}/resources/Client`, LIST_ROW)
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
      `| ${mode === 'production' ? 'npm start (production)' : 'npm run start:dev (development)'} | ${Math.round(median(ms))} ms | ${Math.round(Math.min(...ms))} ms | ${Math.round(Math.max(...ms))} ms | ${(jsBytes / 1e6).toFixed(1)} MB |`,
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
