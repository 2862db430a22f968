// `npm run screenshots`: starts the demo on a fresh SQLite folder, logs in with Debian's Chromium
// and saves the pictures the README shows to docs/, in French then in English, and four at
// phone width in each language; then runs the two browser tests that draw the custom fields' and
// the campaigns' pictures with E2E_DOCS_PICTURES=1 (without it, as in CI, they write none).
import { spawn, spawnSync } from 'node:child_process'
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
  await page.goto(`${base}/login`, { timeout: 300_000 })
  await page.fill('input[name=email]', 'admin@example.com')
  await page.fill('input[name=password]', 'changeme')
  await Promise.all([
    page.waitForURL(base, { waitUntil: 'commit' }),
    page.press('input[name=password]', 'Enter'),
  ])
  // The first visit bundles the plugin's components: allow for it.
  await page.goto(base, { timeout: 300_000 })
  await page.waitForSelector('[data-testid=chart-new-clients] .recharts-bar-rectangle path', {
    timeout: 300_000,
  })
  const saved: string[] = []
  // At 390×844, in the language of the round: the list as cards, a client's page (its History tab stacked), the
  // commissions list and the ban form (issue 31, point 3).
  const phoneShots = async (shot: (name: string) => Promise<void>) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${base}/resources/Client`)
    await page.waitForSelector('tbody [data-testid=status-dot]')
    await shot('clients-list-390')
    await page.goto(`${base}/resources/Client?filters.status=active&sortBy=lastName&direction=asc`)
    await page.waitForSelector('tbody [data-status=active]')
    const id = await page.getAttribute('tbody tr[data-id] >> nth=0', 'data-id')
    await page.goto(`${base}/resources/Client/records/${id}/show?tab=history`)
    await page.waitForSelector('[data-testid=tab-table-history]')
    await page.setViewportSize({ width: 390, height: 1800 })
    await shot('client-show-390')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${base}/resources/Commission`)
    await page.waitForSelector('tbody tr[data-css=Commission-table-row]')
    await shot('commissions-390')
    await page.goto(`${base}/resources/Client/records/${id}/ban`)
    await page.waitForSelector('[data-testid=contract-choice] input[type=checkbox]')
    await shot('form-ban-390')
    await page.setViewportSize({ width: 1440, height: 900 })
  }
  for (const language of ['fr', 'en'] as const) {
    // The panel opens in French; a language chosen in its menu is kept (a cookie).
    const open = async (url: string, ready: string) => {
      await page.goto(url)
      await page.waitForSelector(ready)
      // The language chosen is kept across loads: switch only while the panel is still in French.
      if (language === 'en' && (await page.locator('button:has-text("Français")').count())) {
        await page.hover('button:has-text("Français")')
        await page.click('.adminjs_DropDownMenu >> text=Anglais')
        await page.waitForSelector('button:has-text("English")')
      }
    }
    const shot = async (name: string) => {
      const file = `docs/${name}.${language}.png`
      await page.screenshot({ path: file })
      saved.push(file)
    }
    await page.setViewportSize({ width: 1440, height: 900 })
    await open(base, '[data-testid=chart-commissions] .recharts-bar-rectangle path')
    await shot('dashboard')
    // Newest first: the statuses are mixed, so the dots show their colors.
    await open(`${base}/resources/Client`, 'tbody [data-testid=status-dot]')
    await shot('clients-list')
    // An active client who has logged in: every part of the page has something to show.
    await page.goto(`${base}/resources/Client?filters.status=active&sortBy=lastName&direction=asc`)
    await page.waitForSelector('tbody [data-status=active]')
    await page.click('tbody tr:first-child td:nth-child(4)')
    await page.waitForURL(/\/show$/)
    await open(page.url(), '[data-testid=client-tab-contracts][data-count]')
    await page.waitForSelector('[data-testid=tab-details]')
    // AdminJS scrolls inside its layout, not the page: a tall window shows all of it.
    await page.setViewportSize({ width: 1440, height: 1700 })
    await shot('client-show')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.click(`text=${language === 'en' ? 'Status' : 'Statut'} >> nth=0`)
    await page.click(`text=${language === 'en' ? 'Suspend' : 'Suspendre'}`)
    await page.waitForSelector('[data-testid=contract-choice] input[type=checkbox]')
    await shot('form-suspend')
    await phoneShots(shot)
  }
  console.log(`Saved ${saved.join(', ')}`)
} finally {
  await browser.close()
  server.kill('SIGTERM')
  await rm(dataDir, { recursive: true, force: true })
}

const drawn = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    '-c',
    'jest.e2e.config.js',
    'test/e2e/openRecord.e2e.ts',
    'test/e2e/campaigns.e2e.ts',
  ],
  { env: { ...process.env, E2E_DOCS_PICTURES: '1' }, stdio: 'inherit' },
)
if (drawn.status !== 0) process.exitCode = 1
