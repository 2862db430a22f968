import path from 'node:path'
import type { Page } from 'playwright-core'
import { Client, Contract, Tag } from '../../src/index.js'
import { SavedView } from '../../src/entities/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { SHOTS, describeInBrowser, openPanel, seriousViolations, type PanelSession } from './browser.js'

// A saved view in a real browser: a client tagged on its page, the list filtered by that tag saved
// as a view, its count beside its name, opened by its link, made the default of the bare list; the
// contracts' list filtered by a status saved as a view, opened by its link, its count beside it.
describeInBrowser('saved views of the client and contract lists (Chromium, SQLite)', () => {
  let db: TestDatabase
  let session: PanelSession
  let page: Page
  let base: string
  let client: Client

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    const demo = await seededDemo(db, { origins: null })
    client = await db.dataSource
      .getRepository(Client)
      .findOneOrFail({ where: { status: 'active' }, order: { id: 'ASC' } })
    session = await openPanel(demo.app)
    page = session.page
    base = session.base
  })

  afterAll(async () => {
    await session?.close()
    await db?.dispose()
  })

  test('tag a client, save the list filtered by the tag as a view, see its count, open it by its link', async () => {
    await page.goto(`${base}/resources/Client/records/${client.id}/show`)
    await page.waitForSelector('[data-testid=client-tags]')
    await page.fill('#client-tag-name', 'Vue E2E')
    await page.press('#client-tag-name', 'Enter')
    await page.waitForSelector('[data-testid=client-tags] >> text=Vue E2E')
    const tag = await db.dataSource.getRepository(Tag).findOneByOrFail({ nameKey: 'vue e2e' })

    await page.goto(`${base}/resources/Client?filters.tags=${tag.id}&sortBy=lastName&direction=asc`)
    await page.waitForSelector('table tbody tr')
    expect(await page.locator('table tbody tr').count()).toBe(1)
    await page.waitForSelector('[data-testid=views-empty]')
    await page.click('[data-testid=save-view]')
    await page.fill('#save-view-name', 'Clients « Vue E2E »')
    await page.click('[data-testid=save-view-submit]')
    await page.waitForSelector('text=Vue enregistrée.')
    const view = await db.dataSource.getRepository(SavedView).findOneByOrFail({ name: 'Clients « Vue E2E »' })
    expect(view.params).toEqual({ 'filters.tags': String(tag.id), sortBy: 'lastName', direction: 'asc' })
    const entry = page.locator(`[data-testid=view-${view.id}]`)
    await entry.waitFor()
    expect(await entry.locator('[data-testid=view-count]').innerText()).toBe('1')
    await page.screenshot({ path: path.join(SHOTS, 'client-list-saved-view.png'), fullPage: true })
    expect(await seriousViolations(page)).toEqual([])

    // The link alone (as sent to a colleague) opens the view with its parameters.
    await page.goto(`${base}/resources/Client?view=${view.id}`)
    await page.waitForURL(/filters\.tags=/)
    await page.waitForSelector('table tbody tr')
    expect(await page.locator('table tbody tr').count()).toBe(1)
    expect(await page.locator(`[data-testid=view-${view.id}] a`).getAttribute('aria-current')).toBe('page')

    // The legend's filters still filter.
    await page.click('[data-testid=legend-suspended]')
    await page.waitForURL(/filters\.status=suspended/)

    // Made the default: the bare list opens on it; "All clients" shows every client again.
    await page.click(`[data-testid=view-manage-${view.id}]`)
    await page.click('[data-testid=view-default]')
    await page.waitForSelector('text=La liste s’ouvrira sur cette vue.')
    await page.goto(`${base}/resources/Client`)
    await page.waitForURL(/filters\.tags=/)
    await page.waitForSelector('table tbody tr')
    expect(await page.locator('table tbody tr').count()).toBe(1)
    await page.click('[data-testid=view-all]')
    await page.waitForURL(/view=all/)
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length > 1)
    expect(session.errors).toEqual([])
  })

  test('save the contracts list filtered by a status as a view, open it by its link, see its count', async () => {
    // The status with the fewest contracts; the list shows its first page of them (10 rows at most).
    const counts = await Promise.all(
      (['active', 'suspended', 'terminated'] as const).map(async (status) => ({
        status,
        count: await db.dataSource.getRepository(Contract).countBy({ status }),
      })),
    )
    const { status, count } = counts.filter((c) => c.count > 0).sort((a, b) => a.count - b.count)[0]
    const total = await db.dataSource.getRepository(Contract).count()
    expect(count).toBeLessThan(total)
    const rows = Math.min(count, 10)

    await page.goto(`${base}/resources/Contract?filters.status=${status}`)
    await page.waitForSelector('table tbody tr')
    await page.waitForSelector('[data-testid=views-empty]')
    expect(await page.locator('[data-testid=view-all]').innerText()).toBe('Tous les contrats')
    await page.click('[data-testid=save-view]')
    await page.fill('#save-view-name', 'Contrats du statut')
    await page.click('[data-testid=save-view-submit]')
    await page.waitForSelector('text=Vue enregistrée.')
    const view = await db.dataSource.getRepository(SavedView).findOneByOrFail({ name: 'Contrats du statut' })
    expect(view).toMatchObject({ resource: 'Contract', params: { 'filters.status': status } })
    const entry = page.locator(`[data-testid=view-${view.id}]`)
    await entry.waitFor()
    expect(await entry.locator('[data-testid=view-count]').innerText()).toBe(count.toLocaleString())

    // The whole list, then the view's link alone: its filter again, its rows, its count.
    await page.goto(`${base}/resources/Contract?view=all`)
    await page.waitForFunction(
      (n) => document.querySelectorAll('table tbody tr').length === n,
      Math.min(total, 10),
    )
    await page.goto(`${base}/resources/Contract?view=${view.id}`)
    await page.waitForURL(new RegExp(`filters\\.status=${status}`))
    await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, rows)
    expect(await page.locator(`[data-testid=view-${view.id}] a`).getAttribute('aria-current')).toBe('page')
    expect(await page.locator(`[data-testid=view-${view.id}] [data-testid=view-count]`).innerText()).toBe(
      count.toLocaleString(),
    )
    expect(session.errors).toEqual([])
  })
})
