import path from 'node:path'
import type { Page } from 'playwright-core'
import { Client, ClientEvent } from '../../src/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { startStripeStub } from '../support/stripeStub.js'
import { SHOTS, describeInBrowser, logInToPanel, openBrowser, type BrowserSession } from './browser.js'

describeInBrowser('the Payment methods tab with Stripe (SQLite, local Stripe API)', () => {
  let db: TestDatabase
  let session: BrowserSession
  let page: Page
  let base: string
  let stub: Awaited<ReturnType<typeof startStripeStub>>

  beforeAll(async () => {
    stub = await startStripeStub()
    db = await createTestDatabase('sqlite')
    const demo = await seededDemo(db, { stripe: stub.stripe, origins: null })
    session = await openBrowser(demo.app)
    page = session.page
    base = `${session.origin}/admin`
    await logInToPanel(page, session.origin)
  })

  afterAll(async () => {
    await session?.close()
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
})
