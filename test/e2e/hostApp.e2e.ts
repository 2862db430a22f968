// The host-app bed in Chromium (issue 18): on Express 5 in production and on Express 4 in
// development, the plugin's pages (its dashboard as the home page and as a page, the client
// list, a suspend) and the host's own component and translation render under /backoffice.
import path from 'node:path'
import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { HOST_ADMIN } from '../host-app/hostAdmin.js'
import {
  prepareBed,
  startHost,
  type Bed,
  type ExpressMajor,
  type Mode,
  type RunningHost,
} from '../host-app/bed.js'
import { createMysqlDatabase, type DatabaseKind } from '../support/databases.js'
import { SHOTS, describeInBrowser } from './browser.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// The riskiest combination, and the other corner of the matrix (MariaDB when there is one).
const RUNS: [ExpressMajor, Mode, DatabaseKind][] = [
  [5, 'production', 'sqlite'],
  [4, 'development', process.env.MYSQL_URL ? 'mysql' : 'sqlite'],
]

describeInBrowser('the host app in Chromium', () => {
  let bed: Bed
  let browser: Browser

  beforeAll(async () => {
    bed = await prepareBed()
    mkdirSync(SHOTS, { recursive: true })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  }, 600_000)
  afterAll(() => browser?.close())

  test.each(RUNS)('Express %i, %s, %s', async (major, mode, kind) => {
    const mysql = kind === 'mysql' ? await createMysqlDatabase() : null
    let host: RunningHost | null = null
    let page: Page | null = null
    try {
      host = startHost(bed, {
        express: major,
        mode,
        tmpDir: mode === 'production' ? bed.prodBundle : bed.devBundle,
        skipBundle: mode === 'production',
        databaseUrl: mysql?.url,
        sqliteFile: path.join(bed.dir, `e2e-${process.pid}-${major}-${mode}.sqlite`),
      })
      const origin = await host.origin
      const base = `${origin}/backoffice`
      page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
      await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort())

      await page.goto(`${base}/login`)
      await page.fill('input[name=email]', HOST_ADMIN.email)
      await page.fill('input[name=password]', HOST_ADMIN.password)
      await Promise.all([
        page.waitForURL(base, { waitUntil: 'commit' }),
        page.press('input[name=password]', 'Enter'),
      ])
      // The plugin's dashboard, as the home page and as a page of its own.
      await page.waitForSelector('[data-testid=client-dashboard]', { timeout: 150_000 })
      await page.goto(`${base}/pages/clients`)
      await page.waitForSelector('[data-testid=client-dashboard]')

      // The host's component and its translation, from the same loader and locale.
      await page.goto(`${base}/resources/Product`)
      // SQLite gives the decimal as a number (12.5), MariaDB as a string (12.50).
      await page.waitForSelector('[data-testid=host-product-price] >> text=/^12\\.50? €$/')
      await page.waitForSelector('text=Catalogue')
      // The host's own Contract next to the plugin's CrmContract.
      await page.goto(`${base}/resources/Contract`)
      await page.waitForSelector('text=Acme supplies')

      // The plugin's list, then a suspend from the client's page.
      await page.goto(`${base}/resources/CrmClient?filters.status=active&sortBy=lastName&direction=asc`)
      await page.waitForSelector('[data-status=active]')
      // Titled from the prefixed id's translations (issue 26): "Clients", never "Client Title List Resource".
      await page.waitForSelector('h2 >> text="Clients"')
      expect(await page.locator('text=/Client Title/').count()).toBe(0)
      await page.screenshot({ path: path.join(SHOTS, `host-e${major}-${mode}-list.png`) })
      await page.click('tbody tr:first-child td:nth-child(3)')
      await page.waitForURL(/\/records\/\d+\/show$/)
      await page.waitForSelector('h2 >> text="Bernard Sam · H-1"')
      await page.click('text=Status >> nth=0')
      await page.click('text=Suspend')
      await page.waitForSelector('[data-testid=client-action-suspend]')
      await page.fill('textarea[name=reason]', 'Unpaid premium')
      await page.click('[data-testid=client-action-submit]')
      await page.waitForSelector('text=Client suspended.')
      await page.waitForSelector('[data-status=suspended]')
    } catch (error) {
      if (page) await page.screenshot({ path: path.join(SHOTS, `host-e${major}-${mode}-failed.png`) })
      throw new Error(`${(error as Error).message}\n--- host output ---\n${host?.output() ?? ''}`)
    } finally {
      await page?.close()
      await host?.stop()
      await mysql?.drop()
    }
  })
})
