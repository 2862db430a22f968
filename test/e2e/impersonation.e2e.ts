import path from 'node:path'
import type { Page } from 'playwright-core'
import { Client, ClientEvent } from '../../src/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { SHOTS, describeInBrowser, logInToPanel, openBrowser, type BrowserSession } from './browser.js'

// The demo's links must name the port the browser reaches it on: the link opens in a new tab.
const PORT = Number(process.env.IMPERSONATION_E2E_PORT ?? 3401)
const PASSWORD = 'Quatre chevaux bleus dansent 2026'
const NEW_PASSWORD = 'Sept girafes mauves chantent 2027'

// "Log in as this client" in a real browser: the admin asks with a reason, the client area opens
// in a new tab with the banner, a change of password is refused there, and the history has both ends.
describeInBrowser('log in as the client in a real browser (SQLite)', () => {
  let db: TestDatabase
  let session: BrowserSession
  let page: Page
  let client: Client

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    const demo = await seededDemo(db, { origins: null, publicUrl: `http://127.0.0.1:${PORT}` })
    const clients = db.dataSource.getRepository(Client)
    const [active] = await clients.find({ where: { status: 'active' }, order: { id: 'ASC' }, take: 1 })
    await clients.update(active.id, {
      firstName: 'Jean',
      lastName: 'Dupont',
      passwordHash: await demo.clients.passwordHasher.hash(PASSWORD),
    })
    client = await clients.findOneByOrFail({ id: active.id })
    session = await openBrowser(demo.app, undefined, PORT)
    page = session.page
    await logInToPanel(page, session.origin)
  })

  const passwordHash = async () =>
    (
      await db.dataSource
        .getRepository(Client)
        .createQueryBuilder('c')
        .addSelect('c.passwordHash')
        .where('c.id = :id', { id: client.id })
        .getOneOrFail()
    ).passwordHash

  afterAll(async () => {
    await session?.close()
    await db?.dispose()
  })

  test('the admin logs in as Jean Dupont: a new tab with the banner, no password change, both events in the history', async () => {
    const showUrl = `${session.origin}/admin/resources/Client/records/${client.id}/show`
    // The first page bundles the plugin's components.
    await page.goto(showUrl, { timeout: 150_000 })
    await page.waitForSelector('[data-testid=client-header]', { timeout: 150_000 })
    await page.click('text=Compte >> nth=0')
    await page.click('text=Se connecter en tant que ce client')
    await page.waitForSelector('[data-testid=client-action-impersonate]')
    // The reason is required: nothing opens without it.
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Ce champ est obligatoire.')
    await page.fill('textarea[name=reason]', 'Le client ne voit pas son contrat')
    await page.screenshot({ path: path.join(SHOTS, 'impersonate-form.png') })
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.click('[data-testid=client-action-submit]'),
    ])
    await tab.waitForLoadState()
    await tab.waitForSelector('[data-impersonation]')
    expect(new URL(tab.url()).pathname).toBe('/account')
    await tab.screenshot({ path: path.join(SHOTS, 'impersonation-banner.png') })
    const banner = (await tab.locator('[data-impersonation]').innerText()).replace(/\s+/g, ' ')
    expect(banner).toContain(
      'Vous êtes connecté en tant que Jean Dupont (admin@example.com) — Revenir au panneau',
    )
    // The panel says the tab opened, and offers the link should the browser have blocked it.
    await page.waitForSelector('text=L’espace client s’ouvre dans un nouvel onglet')

    // A change of password is refused while impersonating.
    const hashBefore = await passwordHash()
    await tab.fill('input[name=currentPassword]', PASSWORD)
    await tab.fill('form[action="/account/password"] input[name=password]', NEW_PASSWORD)
    await tab.fill('input[name=passwordConfirmation]', NEW_PASSWORD)
    await tab.click('form[action="/account/password"] button')
    await tab.waitForSelector(
      '[data-flash] >> text=pendant qu’un administrateur est connecté en tant que client',
    )
    expect(await passwordHash()).toBe(hashBefore)
    expect(
      await db.dataSource
        .getRepository(ClientEvent)
        .countBy({ clientId: client.id, type: 'password_changed' }),
    ).toBe(0)

    // Back to the panel: the impersonation ends, the tab is on the panel again.
    await tab.click('text=Revenir au panneau')
    await tab.waitForURL(`${session.origin}/admin`)
    await tab.close()

    await page.goto(`${showUrl}?tab=history`)
    const rows = '[data-testid=tab-table-history] [data-testid=tab-row]'
    await page.waitForSelector(
      `${rows}:first-child >> text=Fin de la connexion de l’admin en tant que client`,
    )
    await page.waitForSelector(`${rows}:nth-child(2) >> text=Admin connecté en tant que client`)
    await page.waitForSelector(`${rows}:nth-child(2) >> text=Le client ne voit pas son contrat`)
    const events = await db.dataSource.getRepository(ClientEvent).find({
      where: { clientId: client.id },
      order: { id: 'DESC' },
      take: 2,
    })
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['impersonation_ended', 'admin@example.com'],
      ['impersonation_started', 'admin@example.com'],
    ])
  })
})
