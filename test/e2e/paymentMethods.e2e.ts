import { existsSync, mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { Client, ClientEvent } from '../../src/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { DEMO_PASSWORD, seededDemo } from '../support/demoAgent.js'
import { startStripeStub } from '../support/stripeStub.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const haveBrowser = existsSync(CHROMIUM)
if (!haveBrowser && process.env.CI) {
  test('Chromium is installed in CI', () => {
    throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`)
  })
}
const SHOTS = path.resolve('test/e2e/screenshots')

;(haveBrowser ? describe : describe.skip)(
  'the Payment methods tab with Stripe (SQLite, local Stripe API)',
  () => {
    let db: TestDatabase
    let server: Server
    let browser: Browser
    let page: Page
    let base: string
    let stub: Awaited<ReturnType<typeof startStripeStub>>

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true })
      stub = await startStripeStub()
      db = await createTestDatabase('sqlite')
      const demo = await seededDemo(db, { stripe: stub.stripe })
      server = demo.app.listen(0, '127.0.0.1')
      await new Promise((resolve) => server.once('listening', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      })
      page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
      await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort())
      await page.goto(`${base}/login`)
      await page.fill('input[name=email]', 'admin@example.com')
      await page.fill('input[name=password]', DEMO_PASSWORD)
      await Promise.all([
        page.waitForURL(base, { waitUntil: 'commit' }),
        page.press('input[name=password]', 'Enter'),
      ])
    })

    afterAll(async () => {
      await browser?.close()
      await new Promise((resolve) => server?.close(resolve))
      await stub?.close()
      await db?.dispose()
    })

    test('lists the cards from Stripe, detaches one after a confirmation, and shows Stripe being down', async () => {
      const client = await db.dataSource.getRepository(Client).findOneByOrFail({ status: 'active' })
      await db.dataSource.getRepository(Client).update(client.id, { stripeCustomerId: 'cus_E2e' })
      stub.customers.set('cus_E2e', {
        defaultPaymentMethod: 'pm_Visa',
        cards: [
          { id: 'pm_Visa', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2028 },
          { id: 'pm_Mc', brand: 'mastercard', last4: '4444', exp_month: 3, exp_year: 2027 },
        ],
      })
      // The first page bundles the plugin's components.
      await page.goto(`${base}/resources/Client/records/${client.id}/show?tab=paymentMethods`, {
        timeout: 150_000,
      })
      await page.waitForSelector('[data-testid=payment-methods-list]', { timeout: 150_000 })
      expect(await page.locator('[data-testid=payment-method]').count()).toBe(2)
      await page.waitForSelector('[data-testid=payment-method] >> text=4242')
      await page.screenshot({ path: path.join(SHOTS, 'payment-methods.png'), fullPage: true })

      await page
        .locator('[data-testid=payment-method]', { hasText: '4444' })
        .locator('[data-testid=payment-method-detach]')
        .click()
      await page.click('[data-testid=payment-method-detach-confirm]')
      await page.waitForSelector('text=Carte mastercard •••• 4444 détachée chez Stripe.')
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=payment-method]').length === 1)
      expect(stub.calls).toContain('POST /v1/payment_methods/pm_Mc/detach')
      const event = await db.dataSource
        .getRepository(ClientEvent)
        .findOneByOrFail({ clientId: client.id, type: 'payment_method_detached' })
      expect(event).toMatchObject({
        actor: 'admin@example.com',
        data: { last4: '4444', brand: 'mastercard' },
      })

      stub.setMode('fail')
      await page.reload()
      await page.waitForSelector('[data-testid=payment-methods-error]')
      await page.screenshot({ path: path.join(SHOTS, 'payment-methods-stripe-down.png'), fullPage: true })
      stub.setMode('ok')
    })
  },
)
