import path from 'node:path'
import type { Page } from 'playwright-core'
import { Client, ClientEvent, Contract } from '../../src/index.js'
import { Invoice } from '../../demo/entities/Invoice.js'
import { BUILT_IN_TABS } from '../../src/shared/clientPageTabs.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { SHOTS, describeInBrowser, openPanel, type PanelSession } from './browser.js'

// One client's whole day, in order: each test starts where the one before left it.
describeInBrowser('the client page in a real browser (SQLite)', () => {
  let db: TestDatabase
  let session: PanelSession
  let page: Page
  let base: string
  let client: Client
  const shot = (name: string, fullPage = false) =>
    page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage })
  const showUrl = () => `${base}/resources/Client/records/${client.id}/show`
  const fresh = () => db.dataSource.getRepository(Client).findOneByOrFail({ id: client.id })
  const lastEvent = async () =>
    db.dataSource.getRepository(ClientEvent).findOneOrFail({
      where: { clientId: client.id },
      order: { createdAt: 'DESC', id: 'DESC' },
    })
  /** Opens an action's form from the page's header menu (Statut, Compte, Contacter). */
  const openAction = async (group: string, label: string, name: string) => {
    await page.goto(showUrl())
    await page.waitForSelector('[data-testid=client-header]')
    await page.click(`text=${group} >> nth=0`)
    await page.click(`text=${label}`)
    await page.waitForSelector(`[data-testid=client-action-${name}]`)
  }
  const submitAndSee = async (notice: string) => {
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector(`text=${notice}`)
  }

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    const demo = await seededDemo(db, { origins: null })
    // An active client with 2FA, contracts and invoices: every tab has rows, every action applies.
    const [row] = await db.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where("c.status = 'active'")
      .andWhere('c.twoFactorEnabledAt IS NOT NULL')
      .andWhere("EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = c.id AND k.status = 'active')")
      .andWhere(
        `EXISTS (SELECT 1 FROM ${db.dataSource.getMetadata(Invoice).tableName} i WHERE i.clientId = c.id)`,
      )
      .orderBy('c.id')
      .take(1)
      .getMany()
    client = row
    session = await openPanel(demo.app)
    page = session.page
    base = session.base
  })

  afterAll(async () => {
    await session?.close()
    await db?.dispose()
  })

  test('the dashboard counts clients by status and lists the latest actions', async () => {
    const active = await db.dataSource.getRepository(Client).countBy({ status: 'active' })
    expect(await page.locator('[data-testid=dashboard-count-active]').innerText()).toBe(String(active))
    await page.waitForSelector('[data-testid=dashboard-actions] tbody tr')
    await shot('dashboard')
  })

  test('the French list: colored badges with a legend that filters; search finds the client', async () => {
    await page.goto(`${base}/resources/Client?sortBy=lastName&direction=asc`)
    await page.waitForSelector('[data-status=active]')
    await page.waitForSelector('[data-testid=legend-banned]')
    expect(
      await page
        .locator('[data-status=active]')
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor),
    ).toBe('rgb(30, 123, 52)')
    await shot('clients-list')
    await page.click('[data-testid=legend-suspended]')
    await page.waitForURL(/filters\.status=suspended/)
    await page.waitForSelector('tbody [data-status=suspended]')
    expect(await page.locator('tbody [data-status=active]').count()).toBe(0)

    await page.goto(`${base}/resources/Client`)
    await page.fill(
      '[data-testid=client-search] input',
      `${client.lastName} ${client.firstName ?? ''}`.trim(),
    )
    await page.press('[data-testid=client-search] input', 'Enter')
    await page.waitForURL(/filters\.q=/)
    await page.click(`tbody tr:has-text("${client.clientNumber}") td:nth-child(3)`)
    await page.waitForURL(new RegExp(`/records/${client.id}/show`))
    await page.waitForSelector('[data-testid=client-header] [data-status=active]')
    expect(await page.locator('[data-testid=client-name]').innerText()).toContain(client.lastName)
  })

  test('every tab loads its rows (or says it is empty), and the tab stays in the URL', async () => {
    const tabs = [...BUILT_IN_TABS, 'Invoice', 'Ticket']
    // At 1440 every tab is in sight, the host's Factures and Tickets after ours (they were cut off),
    // counts shown.
    await page.waitForSelector('[data-testid=client-tab-contracts][data-count]')
    const cut = await page.locator('[data-testid=client-tabs]').evaluate((bar) => {
      const box = bar.getBoundingClientRect()
      return Array.from(bar.querySelectorAll('[role=tab]'))
        .filter((tab) => {
          const r = tab.getBoundingClientRect()
          return r.left < box.left || r.right > box.right || r.right > window.innerWidth
        })
        .map((tab) => tab.textContent)
    })
    expect(cut).toEqual([])
    for (const tab of tabs) {
      await page.click(`[data-testid=client-tab-${tab}]`)
      await page.waitForSelector(`[data-testid=tab-panel-${tab}]`)
      if (tab !== 'details') expect(new URL(page.url()).searchParams.get('tab')).toBe(tab)
      // Loaded: a table, an empty state, or the payment methods' own states.
      await page.waitForSelector(
        `[data-testid=tab-panel-${tab}] :is([data-testid^=tab-table], [data-testid=tab-empty], [data-testid=tab-details], [data-testid^=payment-methods-]:not([data-testid=payment-methods-loading]))`,
      )
    }
    // The contracts tab lists this client's, each row opening its contract.
    const contracts = await db.dataSource.getRepository(Contract).countBy({ clientId: client.id })
    await page.click('[data-testid=client-tab-contracts]')
    await page.waitForSelector('[data-testid=tab-table-contracts]')
    expect(await page.locator('[data-testid=tab-row]').count()).toBe(Math.min(contracts, 20))
    // Stripe is not configured in the demo's tests (or its action is not there): a clear state, no crash.
    await page.click('[data-testid=client-tab-paymentMethods]')
    await page.waitForSelector(
      '[data-testid=payment-methods-notConfigured], [data-testid=payment-methods-error], [data-testid=payment-methods-noCustomer], [data-testid=payment-methods-empty], [data-testid=payment-methods-list]',
    )
    // A reload (or a shared link) opens the same tab.
    await page.goto(`${showUrl()}?tab=history`)
    await page.waitForSelector('[data-testid=tab-panel-history] [data-testid=tab-table-history]')
    await page.click('[data-testid=client-tab-details]')
    await page.waitForSelector('[data-testid=tab-details]')
    // AdminJS scrolls inside its layout: a tall window shows the whole page.
    await page.setViewportSize({ width: 1440, height: 1700 })
    await shot('client-show')
    await page.setViewportSize({ width: 1440, height: 1000 })
    await page.click('[data-testid=client-tab-contracts]')
    await page.waitForSelector('[data-testid=tab-table-contracts]')
    await page.click('[data-testid=tab-row] >> nth=0')
    await page.waitForURL(/\/resources\/Contract\/records\/\d+\/show/)
  })

  test('a note added inline appears at the top of the notes', async () => {
    await page.goto(`${showUrl()}?tab=notes`)
    await page.waitForSelector('[data-testid=note-form]')
    await page.click('[data-testid=note-submit]')
    await page.waitForSelector('[data-testid=note-form] >> text=Ce champ est obligatoire.')
    await page.fill('#client-note-body', 'Rappeler le client mardi')
    await page.click('[data-testid=note-submit]')
    await page.waitForSelector(
      '[data-testid=tab-table-notes] [data-testid=tab-row]:first-child >> text=Rappeler le client mardi',
    )
  })

  test('suspend with a reason and its contracts (all ticked): yellow badge, contracts suspended, history entry', async () => {
    await openAction('Statut', 'Suspendre', 'suspend')
    await shot('form-suspend')
    await page.fill('textarea[name=reason]', 'Impayé de cotisation')
    // Every active contract is listed and ticked.
    await page.waitForSelector('[data-testid=contract-choice] input[type=checkbox]:checked')
    await submitAndSee('Client suspendu.')
    await page.waitForSelector('[data-testid=client-header] [data-status=suspended]')
    const badge = page.locator('[data-testid=client-header] [data-status=suspended]')
    expect(await badge.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 212, 59)')
    // The reason in the panel's tooltip, which a tap opens (the browser's title shows nothing on a phone).
    await page.click('[data-testid=client-header] [data-testid=reason-tip-toggle]')
    expect(await page.locator('[data-testid=reason-tip]').innerText()).toContain('Impayé de cotisation')
    expect(await page.locator('[data-testid=client-status-reason]').innerText()).toContain(
      'Impayé de cotisation',
    )
    expect(
      await db.dataSource.getRepository(Contract).countBy({ clientId: client.id, status: 'active' }),
    ).toBe(0)
    await page.click('[data-testid=client-tab-history]')
    await page.waitForSelector(
      '[data-testid=tab-table-history] [data-testid=tab-row]:first-child >> text=Suspendu',
    )
    await page.waitForSelector(
      '[data-testid=tab-table-history] [data-testid=tab-row]:first-child >> text=Impayé de cotisation',
    )
  })

  test('reactivate: the form shows the suspension reason; contracts come back', async () => {
    await openAction('Statut', 'Réactiver', 'reactivate')
    expect(await page.locator('[data-testid=show-statusReason]').innerText()).toBe('Impayé de cotisation')
    await shot('form-reactivate')
    await page.click('label[for=client-action-contracts]')
    await submitAndSee('Client réactivé.')
    await page.waitForSelector('[data-testid=client-header] [data-status=active]')
    expect(
      await db.dataSource.getRepository(Contract).countBy({ clientId: client.id, status: 'active' }),
    ).toBeGreaterThan(0)
  })

  test('the forms’ helpers: email preview, password strength, resulting balance (nothing sent)', async () => {
    await openAction('Contacter', 'Envoyer un e-mail', 'sendEmail')
    await page.fill('input[name=subject]', 'Votre contrat')
    await page.fill('textarea[name=body]', 'Bonjour {{fullName}},\nvotre contrat est renouvelé.')
    await page.waitForSelector('[data-testid=email-preview] >> text=votre contrat est renouvelé.')
    // The merge field as the client will read it: their name, not `{{fullName}}`.
    expect(await page.locator('[data-testid=email-preview]').innerText()).toContain(
      `Bonjour ${[client.firstName, client.lastName].filter(Boolean).join(' ')},`,
    )
    await shot('form-send-email')

    await openAction('Compte', 'Changer le mot de passe', 'changePassword')
    await page.fill('input[name=password]', 'abc')
    await page.waitForSelector(
      '[data-testid=password-strength][data-level=veryWeak], [data-testid=password-strength][data-level=weak]',
    )
    await page.fill('input[name=password]', 'Vx7#qL2!mZ9$wK4@')
    await page.waitForSelector('[data-testid=password-strength][data-level=strong]')
    // A confirmation that differs is flagged while typed, and no more once it matches.
    const confirmation = page.locator(
      'input[name=passwordConfirmation] ~ *:has-text("Les deux mots de passe diffèrent.")',
    )
    await page.fill('input[name=passwordConfirmation]', 'Vx7#qL2!')
    await confirmation.waitFor()
    await page.fill('input[name=passwordConfirmation]', 'Vx7#qL2!mZ9$wK4@')
    await confirmation.waitFor({ state: 'detached' })
    await shot('form-change-password')
    // The server's refusal of an easy password, in full above the meter (it ran under it).
    await page.fill('input[name=password]', 'azertyuiop')
    await page.fill('input[name=passwordConfirmation]', 'azertyuiop')
    await page.click('[data-testid=client-action-submit]')
    const refusal = page.locator('input[name=password] ~ *:has-text("trop facile à deviner")')
    await refusal.waitFor()
    const [message, meter] = await Promise.all([
      refusal.evaluate((e) => ({
        ...e.getBoundingClientRect().toJSON(),
        fits: e.scrollHeight <= e.clientHeight,
      })),
      page.locator('[data-testid=password-strength]').evaluate((e) => e.getBoundingClientRect().toJSON()),
    ])
    expect({ fits: message.fits, overlap: message.bottom > meter.top }).toEqual({
      fits: true,
      overlap: false,
    })
    await shot('form-change-password-refused')

    await openAction('Compte', 'Ajuster le solde', 'adjustBalance')
    await page.fill('input[name=amount]', '-10,50')
    const expected = (Math.round(Number((await fresh()).balance) * 100) - 1050) / 100
    const shown = await page.locator('[data-testid=balance-after]').innerText()
    expect(shown.replace(/[\s\u202f\u00a0]/g, '')).toContain(
      expected.toLocaleString('fr', { minimumFractionDigits: 2 }).replace(/[\s\u202f\u00a0]/g, ''),
    )
    await shot('form-adjust-balance')
  })

  test('remove 2FA, ban, delete and restore, each with its history entry', async () => {
    await openAction('Compte', 'Retirer la 2FA', 'removeTwoFactor')
    await shot('form-remove-two-factor')
    await submitAndSee('Double authentification retirée.')
    expect((await fresh()).twoFactorEnabledAt).toBeNull()
    expect((await lastEvent()).type).toBe('two_factor_disabled')

    await openAction('Statut', 'Bannir', 'ban')
    await page.fill('textarea[name=reason]', 'Fraude avérée')
    await shot('form-ban')
    await submitAndSee('Client banni.')
    await page.waitForSelector('[data-testid=client-header] [data-status=banned]')
    expect(await fresh()).toMatchObject({ status: 'banned', statusReason: 'Fraude avérée' })

    await openAction('Statut', 'Supprimer', 'delete')
    await shot('form-delete')
    await submitAndSee('Client supprimé.')
    await page.goto(showUrl())
    await page.waitForSelector('[data-testid=client-header] [data-status=deleted]')
    expect((await fresh()).status).toBe('deleted')

    await openAction('Statut', 'Restaurer', 'restore')
    await submitAndSee('Client restauré.')
    await page.waitForSelector('[data-testid=client-header] [data-status=banned]')
    expect((await lastEvent()).type).toBe('restored')
  })

  test('switch to English: tabs, badges and labels in English', async () => {
    await page.goto(showUrl())
    await page.waitForSelector('[data-testid=client-header]')
    // AdminJS's language menu in the top bar opens on hover.
    await page.hover('button:has-text("Français")')
    await page.click('.adminjs_DropDownMenu >> text=Anglais')
    await page.waitForSelector('[data-testid=client-tab-history] >> text=Action history')
    await page.waitForSelector('[data-testid=client-header] [data-status=banned] >> text=Banned')
    // The header's menus are actions of their own, so AdminJS translates their labels too.
    for (const [menu, label] of [
      ['statusMenu', 'Status'],
      ['accountMenu', 'Account'],
      ['contactMenu', 'Contact'],
    ]) {
      await page.waitForSelector(`[data-testid=action-${menu}] >> text=${label}`)
    }
    await page.waitForSelector('button:has-text("English")')
    await shot('client-show-en')
    expect(session.errors).toEqual([])
  })
})
