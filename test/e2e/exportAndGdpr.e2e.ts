import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { Client, ClientEvent } from '../../src/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { SHOTS, describeInBrowser, openPanel, type PanelSession } from './browser.js'

// Data leaving the panel, in a real browser: a filtered list exported, a client's GDPR archive
// downloaded, then that client anonymised after typing its number.
describeInBrowser('exports and GDPR in a real browser (SQLite)', () => {
  let db: TestDatabase
  let session: PanelSession
  let page: Page
  let base: string
  let client: Client
  const showUrl = () => `${base}/resources/Client/records/${client.id}/show`
  const openAction = async (group: string, label: string, testId: string) => {
    await page.goto(showUrl())
    await page.waitForSelector('[data-testid=client-header]')
    await page.click(`text=${group} >> nth=0`)
    await page.click(`text=${label}`)
    await page.waitForSelector(`[data-testid=${testId}]`)
  }
  /** Clicks and returns the downloaded file's bytes. */
  const download = async (selector: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path()) as string) }
  }

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    const demo = await seededDemo(db, { origins: null })
    // An active client with an active contract: anonymising it must be forced, with a reason.
    client = await db.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where("c.status = 'active'")
      .andWhere("EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = c.id AND k.status = 'active')")
      .andWhere('c.email IS NOT NULL')
      .orderBy('c.id')
      .getOneOrFail()
    session = await openPanel(demo.app)
    page = session.page
    base = session.base
  })

  afterAll(async () => {
    await session?.close()
    await db?.dispose()
  })

  test('the client list filtered on a status, exported: the CSV holds exactly those clients', async () => {
    await page.goto(`${base}/resources/Client?filters.status=suspended&sortBy=lastName&direction=asc`)
    await page.waitForSelector('table tbody tr')
    await page.click('text=Exporter >> nth=0')
    await page.waitForSelector('[data-testid=export-form]')
    expect(await page.locator('[data-testid=export-filters]').innerText()).toContain('Statut = Suspendu')
    await page.screenshot({ path: path.join(SHOTS, 'export-form.png') })
    const file = await download('[data-testid=export-form] button[type=submit]')
    expect(file.name).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = file.bytes.toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parse(text.slice(1), { delimiter: ';' }) as string[][]
    expect(header[0]).toBe('N° client')
    const suspended = await db.dataSource
      .getRepository(Client)
      .find({ where: { status: 'suspended' }, order: { lastName: 'ASC', id: 'ASC' } })
    expect(rows.map((r) => r[0])).toEqual(suspended.map((c) => c.clientNumber))
    const status = header.indexOf('Statut')
    expect(status).toBeGreaterThan(0)
    expect(new Set(rows.map((r) => r[status]))).toEqual(new Set(['Suspendu']))
  })

  test('the retention panel says when it could not load, and loads on retry', async () => {
    const api = '**/api/resources/Client/actions/retention'
    await page.route(api, (route) => route.abort())
    await page.goto(`${base}/resources/Client/actions/retention`)
    await page.waitForSelector('[data-testid=retention-load-failed]')
    await page.unroute(api)
    await page.click('[data-testid=retention-load-failed] button')
    await page.waitForSelector('[data-testid=retention-panel]')
  })

  test('a client’s GDPR archive, downloaded from its page', async () => {
    await openAction('Compte', 'Données personnelles (RGPD)', 'gdpr-archive')
    const file = await download('[data-testid=gdpr-archive] button')
    expect(file.name).toBe(`client-${client.clientNumber}-data.zip`)
    const files = unzipSync(new Uint8Array(file.bytes))
    expect(JSON.parse(strFromU8(files['profile.json']))).toMatchObject({ email: client.email })
    expect(Object.keys(files)).toContain('README.txt')
    expect(
      await db.dataSource.getRepository(ClientEvent).countBy({ clientId: client.id, type: 'data_exported' }),
    ).toBe(1)
  })

  test('anonymise: it says it is irreversible, asks for the number, then does it', async () => {
    await openAction('Statut', 'Anonymiser', 'client-action-anonymise')
    expect(await page.locator('[data-testid=client-action-anonymise]').innerText()).toContain('irréversible')
    await page.fill('#client-action-confirmation', 'C00000000')
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Ce n’est pas le numéro du client.')
    expect(
      (await db.dataSource.getRepository(Client).findOneByOrFail({ id: client.id })).anonymisedAt,
    ).toBeNull()
    await page.fill('#client-action-confirmation', client.clientNumber)
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=anonymiser quand même')
    // The error notice may cover the box: the label ticks it as well.
    await page.click('label[for=client-action-force]')
    await page.fill('#client-action-reason', 'Demande d’effacement du client')
    await page.screenshot({ path: path.join(SHOTS, 'anonymise-form.png') })
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Client anonymisé. Ses contrats et commissions restent')
    const after = await db.dataSource.getRepository(Client).findOneByOrFail({ id: client.id })
    expect(after).toMatchObject({ lastName: 'Client anonymisé', email: null, phone: null })
    // The header says so: "Anonymisé", not the status it kept, and no confirmation beside no email.
    await page.waitForSelector('[data-testid=client-header] [data-status=anonymised]')
    expect(await page.locator('[data-testid=client-header] [data-status=anonymised]').innerText()).toBe(
      'Anonymisé',
    )
    expect(await page.locator('[data-testid=client-email]').innerText()).not.toMatch(/Confirmé|Non confirmé/)
    // So do its details and its row in the list (grey, named so), not the status it kept.
    expect(await page.locator('[data-testid=detail-status]').innerText()).toMatch(/Anonymisé$/)
    await page.goto(`${base}/resources/Client?filters.q=${client.clientNumber}`)
    const dot = page.locator(`tbody tr[data-id="${client.id}"] [data-testid=status-dot]`)
    expect(await dot.getAttribute('aria-label')).toBe('Statut : Anonymisé')
    expect(await dot.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(108, 117, 125)')
    expect(session.errors).toEqual([])
  })
})
