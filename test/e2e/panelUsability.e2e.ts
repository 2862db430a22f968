// What an admin trips on when the mouse is not the whole story (issue 31): drawers that close,
// the language kept, menus and rows by keyboard (every screen is walked in everyScreen.e2e.ts). One browser, one seeded demo; each test leaves the panel on a page of its own.
import type { Page } from 'playwright-core'
import { Client, Contract, EmailLog } from '../../src/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { describeInBrowser, openPanel, type PanelSession } from './browser.js'

describeInBrowser('drawers, language and keyboard in a real browser (SQLite)', () => {
  let db: TestDatabase
  let session: PanelSession
  let page: Page
  let base: string
  let client: Client
  const showUrl = (id = client.id) => `${base}/resources/Client/records/${id}/show`
  const drawerOpen = () => page.locator('[data-testid=drawer-frame]').count()
  const openSuspend = async () => {
    await page.goto(showUrl())
    await page.waitForSelector('[data-testid=client-header]')
    await page.hover('[data-testid=action-statusMenu]')
    await page.click('[data-testid=action-suspend]')
    await page.waitForSelector('[data-testid=client-action-suspend]')
  }
  /** What has the focus: its test id, else its name, else its data-css, else its tag. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement
      const attribute = ['data-testid', 'name', 'data-css'].find((name) => el?.hasAttribute(name))
      return (attribute && el?.getAttribute(attribute)) || el?.tagName || ''
    })
  /** Presses `key` until `done` holds of the focused element, at most `limit` times. */
  const pressUntil = async (key: string, done: (current: string) => boolean, limit = 80) => {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press(key)
      if (done(await focused())) return
    }
    throw new Error(`${key} ×${limit} never reached it (focus on ${await focused()})`)
  }
  const expectClosedOnTheClient = async () => {
    await page.waitForSelector('[data-testid=drawer-frame]', { state: 'detached' })
    await page.waitForURL(new RegExp(`/records/${client.id}/show`))
    await page.waitForSelector('[data-testid=client-header]')
    expect(await page.locator('[data-testid=drawer-backdrop]').count()).toBe(0)
  }

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    const demo = await seededDemo(db, { origins: null })
    const [row] = await db.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where("c.status = 'active'")
      .andWhere("EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = c.id AND k.status = 'active')")
      .orderBy('c.id')
      .take(1)
      .getMany()
    client = row
    // The first page waits for AdminJS to bundle the components: generous on a busy machine.
    session = await openPanel(demo.app, undefined, 280_000)
    page = session.page
    base = session.base
  }, 300_000)

  afterAll(async () => {
    await session?.close()
    await db?.dispose()
  })

  test('a drawer closes with Escape, with its button, and a click beside it opens nothing else', async () => {
    await openSuspend()
    // The client's own page stays behind its drawer (not the Clients list).
    expect(await page.locator('[data-testid=client-header]').count()).toBe(1)
    // The focus is in the drawer, on the reason.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('reason')
    await page.keyboard.press('Escape')
    await expectClosedOnTheClient()

    await openSuspend()
    await page.click('[data-testid=drawer-close]')
    await expectClosedOnTheClient()

    // Where another client's row used to be, left of the drawer.
    await openSuspend()
    await page.mouse.click(300, 600)
    await expectClosedOnTheClient()
    expect(await drawerOpen()).toBe(0)
  })

  test('a bulk form’s drawer closes too (Escape, its button), back to the list', async () => {
    const ids = (await db.dataSource.getRepository(Client).find({ order: { id: 'ASC' }, take: 2 })).map(
      (c) => c.id,
    )
    for (const close of ['Escape', 'button']) {
      await page.goto(`${base}/resources/Client/bulk/bulkSuspend?recordIds=${ids.join(',')}`)
      await page.waitForSelector('[data-testid=client-action-bulkSuspend] [data-testid=selection]')
      if (close === 'Escape') await page.keyboard.press('Escape')
      else await page.click('[data-testid=drawer-close]')
      await page.waitForSelector('[data-testid=drawer-frame]', { state: 'detached' })
      expect(new URL(page.url()).pathname).toBe('/admin/resources/Client')
    }
  })

  test('Tab stays inside an open drawer', async () => {
    await openSuspend()
    const inside: boolean[] = []
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab')
      inside.push(
        await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid=drawer-frame]'))),
      )
    }
    expect(inside.every(Boolean)).toBe(true)
    await page.keyboard.press('Escape')
    await expectClosedOnTheClient()
  })

  test('English, once chosen, stays after a reload and on a link opened afterwards', async () => {
    const pick = async (current: string, next: string, shown: string) => {
      // AdminJS's language menu in the top bar opens on hover.
      await page.hover(`button:has-text("${current}")`)
      await page.click(`.adminjs_DropDownMenu >> text=${next}`)
      await page.waitForSelector(`button:has-text("${shown}")`)
    }
    await page.goto(showUrl())
    await page.waitForSelector('[data-testid=client-header]')
    await pick('Français', 'Anglais', 'English')
    await page.reload()
    await page.waitForSelector('[data-testid=client-tab-history] >> text=Action history')
    await page.goto(`${base}/resources/Client`)
    await page.waitForSelector('[data-testid=legend-suspended] >> text=Suspended')
    await page.waitForSelector('button:has-text("English")')
    // And back: French is kept the same way.
    await pick('English', 'French', 'Français')
    await page.reload()
    await page.waitForSelector('[data-testid=legend-suspended] >> text=Suspendu')
  })

  test('keyboard only, from the list: Tab to the client’s row, Enter, Tab to the Statut menu, Enter, Suspendre, a reason, tell the client, submit', async () => {
    // The list searched for the client's number (as typed in its search box), then keys only.
    await page.goto(`${base}/resources/Client?filters.q=${encodeURIComponent(client.clientNumber)}`)
    await page.waitForSelector(`tbody tr[data-id="${client.id}"]`)
    await pressUntil('Tab', (f) => f === 'Client-table-row')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(String(client.id))
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`/records/${client.id}/show`))
    await page.waitForSelector('[data-testid=client-header]')
    await pressUntil('Tab', (f) => f === 'action-statusMenu')
    expect(await page.getAttribute('[data-testid=action-statusMenu]', 'aria-expanded')).toBe('false')
    await page.keyboard.press('Enter')
    expect(await page.getAttribute('[data-testid=action-statusMenu]', 'aria-expanded')).toBe('true')
    // Escape closes the menu and gives the focus back to its button; Enter opens it again.
    await page.keyboard.press('Escape')
    expect(await focused()).toBe('action-statusMenu')
    expect(await page.isVisible('[data-testid=action-suspend]')).toBe(false)
    await page.keyboard.press('Enter')
    await pressUntil('ArrowDown', (f) => f === 'action-suspend', 8)
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid=client-action-suspend]')
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'reason')
    await page.keyboard.type('Impayé de cotisation')
    await pressUntil('Tab', (f) => f === 'notify', 12)
    await page.keyboard.press('Space')
    await pressUntil('Tab', (f) => f === 'client-action-submit', 12)
    await page.keyboard.press('Enter')
    // The notice in French, the queued email included (it used to end in English).
    await page.waitForSelector('text=Client suspendu. 1 e-mail mis en file d’attente.')
    expect(await db.dataSource.getRepository(Client).findOneByOrFail({ id: client.id })).toMatchObject({
      status: 'suspended',
      statusReason: 'Impayé de cotisation',
    })
    expect(
      await db.dataSource.getRepository(EmailLog).countBy({ clientId: client.id, template: 'suspended' }),
    ).toBe(1)
    // The focus is back on the menu that opened the form.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'action-statusMenu',
    )
  })

  test('keyboard only in the list: a row opens with Enter, its "…" menu opens and Escape closes it, Filtrer opens', async () => {
    await page.goto(`${base}/resources/Client`)
    await page.waitForSelector('tbody tr[data-id]')
    await pressUntil('Tab', (f) => f === 'actions-dropdown')
    expect(await page.getAttribute('tbody tr >> nth=0 >> [data-testid=actions-dropdown]', 'aria-label')).toBe(
      'Actions sur cette ligne',
    )
    await page.keyboard.press('Enter')
    expect(await focused()).toBe('action-show')
    await page.keyboard.press('Escape')
    expect(await focused()).toBe('actions-dropdown')
    expect(await page.locator('[data-keyboard-open]').count()).toBe(0)

    await page.goto(`${base}/resources/Client`)
    await page.waitForSelector('tbody tr[data-id]')
    await pressUntil('Tab', (f) => f === 'Client-table-row')
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-id'))
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`/records/${id}/show`))

    await page.goto(`${base}/resources/Client`)
    await page.waitForSelector('tbody tr[data-id]')
    await pressUntil('Tab', (f) => f === 'Client-filter-button')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-css=Client-filter-drawer]', { state: 'visible' })
  })

  test('banning says its terminations are final; the banned client’s reactivation form says so, and they stay', async () => {
    const [other] = await db.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where("c.status = 'active'")
      .andWhere('c.id <> :id', { id: client.id })
      .andWhere("EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = c.id AND k.status = 'active')")
      .orderBy('c.id')
      .take(1)
      .getMany()
    const contracts = await db.dataSource
      .getRepository(Contract)
      .findBy({ clientId: other.id, status: 'active' })
    const open = async (name: string) => {
      await page.goto(showUrl(other.id))
      await page.waitForSelector('[data-testid=client-header]')
      await page.hover('[data-testid=action-statusMenu]')
      await page.click(`[data-testid=action-${name}]`)
      await page.waitForSelector(`[data-testid=client-action-${name}]`)
    }
    await open('ban')
    await page.waitForSelector('[data-testid=contract-choice] input[type=checkbox]:checked')
    expect(await page.innerText('[data-testid=contract-choice]')).toContain('pour de bon')
    await page.fill('textarea[name=reason]', 'Fraude avérée')
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Client banni.')

    await open('reactivate')
    const form = await page.innerText('[data-testid=client-action-reactivate]')
    expect(form).toContain('Les contrats que le bannissement a résiliés restent résiliés')
    expect(form).not.toContain('cette suspension')
    await page.click('label[for=client-action-contracts]')
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Client réactivé.')
    const after = await db.dataSource.getRepository(Contract).findBy({ clientId: other.id })
    for (const k of contracts) {
      expect([k.id, after.find((a) => a.id === k.id)?.status]).toEqual([k.id, 'terminated'])
    }
  })
})
