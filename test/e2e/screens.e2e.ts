// The admin's screens at the level of the best billing panels (issue 16), in Debian's Chromium:
// status dots, titles, tabs with counts and keys, money and phones, the contracts chosen in
// suspend, charts, 390 px wide, and timings (printed, not asserted). axe-core on every screen
// (these included) is the walk's (everyScreen.e2e.ts), the tabs loading on a click
// clientPage.e2e.ts's: each checked once.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { Client, Contract } from '../../src/index.js'
import { seedLarge } from '../../demo/seedLarge.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import {
  SHOTS,
  describeInBrowser,
  median,
  seriousViolations,
  settledChecked,
  timeToVisible,
  openPanel,
  type PanelSession,
} from './browser.js'

// Loads timed per page and per data set (E2E_TIMING_RUNS, default 5: the suite's figures are
// printed beside another file's run; the reference figures are the bench's); their median is printed.
const TIMING_RUNS = Math.max(1, Number(process.env.E2E_TIMING_RUNS ?? 5) || 5)
const LONG_EMAIL = 'marie-charlotte.de-la-fontaine-beaumarchais@cabinet-exemple-de-gestion.fr'
const DOT_COLORS: Record<string, string> = {
  active: 'rgb(30, 123, 52)',
  pending: 'rgb(255, 212, 59)',
  suspended: 'rgb(255, 212, 59)',
  banned: 'rgb(201, 42, 42)',
}

/**
 * Plain AdminJS on the database in `dataDir` (test/e2e/plainAdmin.ts), in its own process: started
 * with the file, so that the bundling of its components, on its start, runs beside the tests before
 * the timings, instead of holding them. `port` once it listens; `stop` ends it and its folder.
 */
function startPlainAdmin(dataDir: string): { port: Promise<number>; stop: () => Promise<void> } {
  let plain: ChildProcess | null = null
  const tmp = mkdtemp(path.join(os.tmpdir(), 'adminjs-plain-'))
  const port = tmp.then(
    (dir) =>
      new Promise<number>((resolve, reject) => {
        plain = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/plainAdmin.ts'], {
          env: { ...process.env, DATA_DIR: dataDir, ADMIN_JS_TMP_DIR: dir },
          stdio: ['pipe', 'pipe', 'inherit'],
        })
        // Its boot and bundling share the machine with the file's tests: minutes on a busy one.
        const timer = setTimeout(() => reject(new Error('plain AdminJS did not start in 5 min')), 300_000)
        plain.stdout?.on('data', (chunk: Buffer) => {
          const match = /plain admin on (\d+)/.exec(chunk.toString())
          if (match) {
            clearTimeout(timer)
            resolve(Number(match[1]))
          }
        })
        plain.on('exit', (code) => {
          clearTimeout(timer)
          reject(new Error(`plain AdminJS exited with ${code}`))
        })
      }),
  )
  // Read by the timings' test only: a failure is reported there, not as an unhandled rejection.
  port.catch(() => undefined)
  return {
    port,
    async stop() {
      const child = plain as ChildProcess | null
      child?.stdin?.end()
      child?.kill('SIGTERM')
      await rm(await tmp, { recursive: true, force: true })
    },
  }
}

describeInBrowser('the admin’s screens in a real browser (SQLite)', () => {
  let db: TestDatabase
  let session: PanelSession
  let page: Page
  let base: string
  let client: Client
  let plainAdmin: ReturnType<typeof startPlainAdmin> | undefined
  const showUrl = (id = client.id) => `${base}/resources/Client/records/${id}/show`
  const activeContracts = () =>
    db.dataSource.getRepository(Contract).findBy({ clientId: client.id, status: 'active' })
  const noPageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    plainAdmin = startPlainAdmin(db.dataDir)
    const demo = await seededDemo(db, { origins: null })
    const clients = db.dataSource.getRepository(Client)
    // An active client with two active contracts or more, a French phone as typed, in France.
    const [row] = await clients
      .createQueryBuilder('c')
      .where("c.status = 'active'")
      .andWhere("(SELECT COUNT(*) FROM contracts k WHERE k.clientId = c.id AND k.status = 'active') >= 2")
      .orderBy('c.id')
      .take(1)
      .getMany()
    await clients.update(row.id, { phone: '+33 796153696', country: 'FR' })
    client = await clients.findOneByOrFail({ id: row.id })
    // The newest client (first row of the list) has a long email.
    const [newest] = await clients.find({ order: { createdAt: 'DESC', id: 'DESC' }, take: 1 })
    await clients.update(newest.id, { email: LONG_EMAIL })
    session = await openPanel(demo.app, { width: 1280, height: 900 }, 170_000)
    page = session.page
    base = session.base
  })

  afterAll(async () => {
    await plainAdmin?.stop()
    await session?.close()
    await db?.dispose()
  })

  test('the dashboard draws its three charts, each with its numbers for screen readers', async () => {
    for (const chart of ['new-clients', 'by-status', 'commissions']) {
      await page.waitForSelector(`[data-testid=chart-${chart}] .recharts-bar-rectangle path`)
      expect(await page.locator(`[data-testid=chart-${chart}] [aria-hidden=true] svg`).count()).toBe(1)
    }
    expect(await page.locator('[data-testid=chart-new-clients-table] tbody tr').count()).toBe(12)
    expect(await page.locator('[data-testid=chart-commissions-table] tbody tr').count()).toBe(12)
    const active = await db.dataSource.getRepository(Client).countBy({ status: 'active' })
    expect(
      await page.locator('[data-testid=chart-by-status-table] tr:has-text("Actif") td').innerText(),
    ).toBe(String(active))
    // The months' labels neither collide nor leave their chart (the last month's was cut), and no
    // two cards share a title.
    for (const chart of ['new-clients', 'commissions']) {
      const { ticks, surface } = await page
        .locator(`[data-testid=chart-${chart}] svg.recharts-surface`)
        .evaluate((svg) => ({
          surface: svg.getBoundingClientRect().toJSON() as DOMRect,
          ticks: Array.from(svg.querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick-value')).map(
            (t) => t.getBoundingClientRect().toJSON() as DOMRect,
          ),
        }))
      expect(ticks.length).toBeGreaterThan(5)
      const outside = ticks.filter((t) => t.left < surface.left || t.right > surface.right)
      const colliding = ticks.filter((t, i) => i > 0 && t.left < ticks[i - 1].right)
      expect([chart, outside.length, colliding.length]).toEqual([chart, 0, 0])
    }
    const titles = await page.locator('[data-testid=client-dashboard] h3').allInnerTexts()
    expect(new Set(titles).size).toBe(titles.length)
    // At 390 px the latest actions stack their rows as the client page's tables do: each cell as
    // wide as its row, under its column's name (it was squeezed into a quarter of the width, the
    // names and emails broken letter by letter), and nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.waitForSelector('[data-testid=dashboard-actions] tbody td')
    // The cells are named by the panel on the next frame after they appear (narrowScreen.ts).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
    const headers = await page.locator('[data-testid=dashboard-actions] thead tr > *').allTextContents()
    const cells = await page.locator('[data-testid=dashboard-actions] tbody tr').evaluateAll((rows) =>
      rows.flatMap((row) =>
        Array.from(row.children).map((td) => ({
          label: td.getAttribute('data-label'),
          width: Math.round(td.getBoundingClientRect().width),
          row: Math.round(row.getBoundingClientRect().width),
        })),
      ),
    )
    expect(cells.length).toBeGreaterThan(0)
    const squeezed = cells.filter((c, i) => c.label !== headers[i % headers.length] || c.width < c.row - 1)
    expect(squeezed).toEqual([])
    expect(await noPageOverflow()).toBe(true)
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  test('the list at 1280 px: dots first, then number, name, email, phone, contracts, created; no wrap', async () => {
    await page.goto(`${base}/resources/Client`)
    await page.waitForSelector('tbody [data-testid=status-dot]')
    expect(await page.locator('h2:has-text("Clients")').count()).toBe(1)
    const headers = await page.locator('thead tr > *').allInnerTexts()
    expect(headers.slice(1, 8).map((h) => h.trim())).toEqual([
      'Statut',
      'N° client',
      'Nom',
      'E-mail',
      'Téléphone',
      'Contrats actifs',
      'Créé le',
    ])
    // Every row's first cell after the checkbox is its dot, colored and named for screen readers.
    const dots = await page.locator('tbody tr td:nth-child(2) [data-testid=status-dot]').evaluateAll((els) =>
      els.map((e) => ({
        status: e.getAttribute('data-status'),
        color: getComputedStyle(e).backgroundColor,
        label: e.getAttribute('aria-label'),
        role: e.getAttribute('role'),
      })),
    )
    expect(dots.length).toBe(await page.locator('tbody tr').count())
    for (const dot of dots) {
      if (DOT_COLORS[dot.status as string])
        expect([dot.status, dot.color]).toEqual([dot.status, DOT_COLORS[dot.status as string]])
      expect(dot.label).toMatch(/^Statut : /)
      expect(dot.role).toBe('img')
    }
    // The number and the phone stay on one line; the long email is cut, whole on hover.
    for (const cell of ['clientNumber-cell', 'phone-cell']) {
      const lines = await page
        .locator(`tbody [data-testid=${cell}]`)
        .evaluateAll((els) => els.map((e) => e.getClientRects().length))
      expect(lines.every((n) => n === 1)).toBe(true)
    }
    const email = page.locator(`tbody [data-testid=email-cell][title="${LONG_EMAIL}"]`)
    expect(
      await email.evaluate((e) => e.scrollWidth > e.clientWidth && getComputedStyle(e).textOverflow),
    ).toBe('ellipsis')
    // The legend stays and filters.
    await page.click('[data-testid=legend-banned]')
    await page.waitForURL(/filters\.status=banned/)
    await page.waitForSelector('tbody [data-testid=status-dot][data-status=banned]')
    // The reason in the panel's own tooltip: a tap (a click here) shows it, without opening the row.
    const toggle = page.locator('tbody [data-testid=reason-tip-toggle]:has([data-status=banned])').first()
    await toggle.click()
    expect(await page.locator('[data-testid=reason-tip]').innerText()).toMatch(/^Motif : /)
    expect(new URL(page.url()).pathname).toBe('/admin/resources/Client')
    // Never in the browser's own tooltip, which a touch screen does not show.
    expect(await page.locator('[title*="Motif"]').count()).toBe(0)
    await page.keyboard.press('Escape')
    for (const width of [1440, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      expect([width, await noPageOverflow()]).toEqual([width, true])
      // The last columns (Étiquettes, the row menu) stay inside the list's box: at 1440 the table
      // reached 84 px past its right edge.
      const past = await page.locator('[data-css$="-list-table-wrapper"]').evaluate((box) => {
        const right = box.getBoundingClientRect().right
        const table = box.querySelector('table') as HTMLTableElement
        const last = Array.from(table.querySelectorAll('tr')).map((tr) => tr.lastElementChild as Element)
        const tags = Array.from(
          table.querySelectorAll('[data-property-name="tags"], [data-testid=tag-chips]'),
        )
        return [table, ...last, ...tags]
          .map((e) => ({
            text: e.textContent?.trim().slice(0, 20),
            over: Math.round(e.getBoundingClientRect().right - right),
          }))
          .filter((e) => e.over > 0)
      })
      expect([width, past]).toEqual([width, []])
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  test('the client page: name and number as title, tabs with counts, keys, money, phone and country', async () => {
    await page.goto(showUrl())
    await page.waitForSelector('[data-testid=client-header]')
    const title = `${[client.lastName, client.firstName].filter(Boolean).join(' ')} · ${client.clientNumber}`
    await page.waitForSelector(`h2:has-text("${title}")`)
    // Counts, read in one more request: the contracts' matches the database.
    const contracts = await db.dataSource.getRepository(Contract).countBy({ clientId: client.id })
    await page.waitForSelector(`[data-testid=client-tab-contracts][data-count="${contracts}"]`)
    expect(await page.locator('[data-testid=client-tab-contracts]').innerText()).toBe(
      `Contrats (${contracts})`,
    )
    // Keys: arrows move and select, Home and End go to the ends, the tab stays in the URL.
    await page.focus('[data-testid=client-tab-details]')
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(/tab=contracts/)
    expect(await page.getAttribute('[data-testid=client-tab-contracts]', 'aria-selected')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('client-tab-contracts')
    await page.keyboard.press('End')
    await page.waitForURL(/tab=Ticket/)
    await page.keyboard.press('Home')
    await page.waitForSelector('[data-testid=client-tab-details][aria-selected=true]')
    expect(new URL(page.url()).searchParams.get('tab')).toBeNull()
    // Money with its currency, the phone for its country, the country by name.
    const balance = new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR' }).format(
      Number(client.balance),
    )
    expect(await page.locator('[data-testid=client-balance]').innerText()).toContain(balance)
    expect(await page.locator('[data-testid=detail-phone]').innerText()).toContain('07 96 15 36 96')
    expect(await page.locator('[data-testid=detail-phone] a').getAttribute('href')).toBe('tel:+33796153696')
    expect(await page.locator('[data-testid=detail-country]').innerText()).toContain('France')
    await page.goto(`${showUrl()}?tab=commissions`)
    await page.waitForSelector('[data-testid=commissions-total]')
    expect(await page.locator('[data-testid=commissions-total]').innerText()).toMatch(/€$/)
  })

  test('each action form is titled with the action and the client', async () => {
    const name = [client.lastName, client.firstName].filter(Boolean).join(' ')
    for (const action of [
      'suspend',
      'ban',
      'sendEmail',
      'sendPasswordReset',
      'changePassword',
      'adjustBalance',
      'addNote',
      'delete',
    ]) {
      await page.goto(`${base}/resources/Client/records/${client.id}/${action}`)
      await page.waitForSelector(`[data-testid=client-action-${action}]`)
      expect(await page.locator('[data-testid=action-title]').innerText()).toContain(name)
      if (action === 'suspend' || action === 'ban') {
        await page.waitForSelector('[data-testid=contract-choice] input[type=checkbox]')
      }
    }
  })

  test('suspend: the active contracts listed, all ticked; one unticked stays active; reactivation brings back exactly the others', async () => {
    const before = await activeContracts()
    await page.goto(`${base}/resources/Client/records/${client.id}/suspend`)
    await page.waitForSelector('[data-testid=contract-choice] input[type=checkbox]')
    const boxes = page.locator('[data-testid=contract-choice] input[type=checkbox]')
    expect(await boxes.count()).toBe(before.length)
    expect(await boxes.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked))).toBe(true)
    await page.screenshot({ path: path.join(SHOTS, 'form-suspend-contracts.png') })
    const kept = before[0]
    // The drawer opens over the client's page, which may still be loading (and re-render the form).
    await page.waitForLoadState('networkidle')
    await page.click(`label[for=contract-choice-${kept.id}]`)
    expect(await settledChecked(page, `#contract-choice-${kept.id}`, false)).toBe(false)
    await page.fill('textarea[name=reason]', 'Impayé partiel')
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Client suspendu.')
    const statuses = async () =>
      Object.fromEntries(
        (await db.dataSource.getRepository(Contract).findBy({ clientId: client.id })).map((k) => [
          k.id,
          k.status,
        ]),
      )
    const after = await statuses()
    expect(after[kept.id]).toBe('active')
    for (const k of before.slice(1)) expect([k.id, after[k.id]]).toEqual([k.id, 'suspended'])

    await page.goto(`${base}/resources/Client/records/${client.id}/reactivate`)
    await page.waitForSelector('[data-testid=client-action-reactivate]')
    await page.click('label[for=client-action-contracts]')
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Client réactivé.')
    const back = await statuses()
    for (const k of before) expect([k.id, back[k.id]]).toEqual([k.id, 'active'])
  })

  test('at 390×844 the list and the client page stay inside the screen (tables scroll in their box)', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${base}/resources/Client`)
    await page.waitForSelector('tbody tr')
    expect(await noPageOverflow()).toBe(true)
    await page.screenshot({ path: path.join(SHOTS, 'clients-list-390.png') })
    await page.goto(`${showUrl()}?tab=history`)
    await page.waitForSelector('[data-testid=tab-table-history]')
    expect(await noPageOverflow()).toBe(true)
    await page.screenshot({ path: path.join(SHOTS, 'client-show-390.png') })
    await page.setViewportSize({ width: 1280, height: 900 })
    expect(session.errors).toEqual([])
  })

  test('the axe check skips only rules that can find nothing serious: on a page of known faults it finds what every rule finds', async () => {
    const faulty = await session.browser.newPage()
    try {
      // Serious and critical faults (no lang, an image without alt, an unnamed button, an unlabelled
      // field, grey on white) beside minor and moderate ones (no main landmark nor h1, an empty
      // heading, a duplicate id, a banner inside a banner).
      await faulty.setContent(
        '<!doctype html><html><head><title>Fautes</title></head><body>' +
          '<header><div role="banner">Bandeau</div></header><h3></h3>' +
          '<img src="data:,"><button></button><input type="text">' +
          '<p style="color:#bbb;background:#fff">Gris clair</p><div id="d"></div><div id="d"></div>' +
          '</body></html>',
      )
      const every = await seriousViolations(faulty, { everyRule: true })
      expect(every.map((v) => v.split(':')[0]).sort()).toEqual([
        'critical button-name',
        'critical image-alt',
        'critical label',
        'serious color-contrast',
        'serious html-has-lang',
      ])
      expect(await seriousViolations(faulty)).toEqual(every)
    } finally {
      await faulty.close()
    }
  })

  test(`timings: navigation to the first list row and to the client header, ours and plain AdminJS, medians of ${TIMING_RUNS} (printed)`, async () => {
    const port = await (plainAdmin as ReturnType<typeof startPlainAdmin>).port
    const plainList = `http://127.0.0.1:${port}/plain/resources/Client`
    // Its first visit bundles its (empty) components: not timed.
    process.stdout.write(`timings: plain AdminJS on ${port}\n`)
    await page.goto(plainList, { timeout: 120_000 })
    await page.waitForSelector('tbody tr', { timeout: 120_000 })

    const measure = async () => ({
      ours: median(await timeToVisible(page, `${base}/resources/Client`, 'tbody tr', TIMING_RUNS)),
      plain: median(await timeToVisible(page, plainList, 'tbody tr', TIMING_RUNS)),
      header: median(await timeToVisible(page, showUrl(), '[data-testid=client-header]', TIMING_RUNS)),
    })
    const rows: string[] = []
    const log = (text: string) => process.stdout.write(`${text}\n`)
    let started = Date.now()
    const demo = await measure()
    log(`timings: demo measured in ${Date.now() - started} ms`)
    const demoCount = await db.dataSource.getRepository(Client).count()
    rows.push(`| demo (${demoCount} clients) | ${demo.ours} | ${demo.plain} | ${demo.header} |`)
    // seed:large's data set (its generator), at the size E2E_LARGE_CLIENTS gives (default 10,000
    // clients, 3 contracts and 10 commissions each); `npm run seed:large` makes 100,000.
    const clients = Number(process.env.E2E_LARGE_CLIENTS ?? 10_000)
    started = Date.now()
    await seedLarge(db.dataSource, {
      advisors: 20,
      clients,
      contracts: clients * 3,
      commissions: clients * 10,
    })
    log(`timings: seed:large (${clients} clients) in ${Date.now() - started} ms`)
    started = Date.now()
    const large = await measure()
    log(`timings: large measured in ${Date.now() - started} ms`)
    const largeCount = await db.dataSource.getRepository(Client).count()
    rows.push(`| seed:large (${largeCount} clients) | ${large.ours} | ${large.plain} | ${large.header} |`)
    const table = [
      `Navigation → visible, medians of ${TIMING_RUNS} runs, ms (Chromium, SQLite, this machine):`,
      '| data | our list: first row | plain AdminJS list: first row | our client page: header |',
      '| --- | --- | --- | --- |',
      ...rows,
    ].join('\n')
    process.stdout.write(`${table}\n`)
    await writeFile(path.join(SHOTS, 'timings.md'), `${table}\n`)
    for (const value of [demo.ours, demo.plain, demo.header, large.ours, large.plain, large.header]) {
      expect(value).toBeGreaterThan(0)
    }
  }, 300_000)
})
