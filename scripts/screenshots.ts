// `npm run screenshots`: starts the demo on a fresh SQLite folder, logs in with Debian's Chromium
// and saves the pictures the README shows to docs/.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

const port = 3900 + Math.floor(Math.random() * 90)
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-shots-'))
const server = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise<void>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready in') && resolve())
  server.on('exit', (code) => reject(new Error(`demo exited with ${code}`)))
})

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.on('pageerror', (error) => console.error('page error:', error.message))
  page.on('console', (msg) => msg.type() === 'error' && console.error('console:', msg.text()))
  // No internet here: AdminJS's Google Fonts stylesheet would hold the load event.
  await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort())
  const base = `http://127.0.0.1:${port}/admin`
  await page.goto(`${base}/login`)
  await page.fill('input[name=email]', 'admin@example.com')
  await page.fill('input[name=password]', 'changeme')
  await Promise.all([
    page.waitForURL(base, { waitUntil: 'commit' }),
    page.press('input[name=password]', 'Enter'),
  ])
  // The first visit bundles the plugin's components: allow for it.
  // Newest first: the statuses are mixed, so the badges show their colors.
  await page.goto(`${base}/resources/Client`, { timeout: 120_000 })
  await page.waitForSelector('[data-status]', { timeout: 120_000 })
  await page.waitForSelector('[data-testid=status-legend]')
  await page.screenshot({ path: 'docs/clients-list.png' })
  // An active client who has logged in: every part of the page has something to show.
  await page.goto(`${base}/resources/Client?filters.status=active&sortBy=lastName&direction=asc`)
  await page.waitForSelector('tbody [data-status=active]')
  await page.click('tbody tr:first-child td:nth-child(3)')
  await page.waitForURL(/\/show$/)
  await page.waitForSelector('[data-testid=client-header] [data-status]')
  await page.waitForSelector('[data-testid=tab-details]')
  // AdminJS scrolls inside its layout, not the page: a tall window shows all of it.
  await page.setViewportSize({ width: 1440, height: 1700 })
  await page.screenshot({ path: 'docs/client-show.png' })
  console.log('Saved docs/clients-list.png and docs/client-show.png')
} finally {
  await browser.close()
  server.kill('SIGTERM')
  await rm(dataDir, { recursive: true, force: true })
}
