// Every screen of the panel, walked in one page (issue 31, "Done when"): for each, at 1440×900
// and at 390×844, no horizontal scroll, no serious or critical axe finding, and in French none
// of the English the panel used to show (test/support/englishSeen.ts). Screens are reached
// inside the single-page app (history.pushState), not by reloading AdminJS's bundle each time.
import type { Page } from 'playwright-core'
import { BUILT_IN_TABS } from '../../src/shared/clientPageTabs.js'
import { englishIn } from '../support/englishSeen.js'
import { seriousViolations } from './browser.js'

const WALK_VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const

export interface WalkScreen {
  name: string
  /** Path under the panel's base. */
  path: string
  /** What shows once the screen has its data. */
  ready: string
  /** The list's filter button: its drawer's selects are read too (their placeholders). */
  filter?: string
  /** Its layout changes on a phone: walked at 390 px too (default true). */
  phone?: boolean
  /** A drawer: closed after the checks, by Escape or by its close button (in turn). */
  drawer?: boolean
}

const tabReady = (tab: string) =>
  `[data-testid=tab-panel-${tab}] :is([data-testid^=tab-table], [data-testid=tab-empty], [data-testid=tab-details], [data-testid^=payment-methods-]:not([data-testid=payment-methods-loading]))`

/**
 * The screens that are no action of their own: the dashboard and each tab of a client's page (the
 * lists, records and actions come from the resources' configuration: screenCatalog.ts).
 */
export function panelScreens(clientId: number): WalkScreen[] {
  const show = `/resources/Client/records/${clientId}/show`
  return [
    { name: 'dashboard', path: '', ready: '[data-testid=chart-new-clients] .recharts-bar-rectangle path' },
    ...[...BUILT_IN_TABS, 'Invoice', 'Ticket'].map((tab) => ({
      name: `client page, ${tab}`,
      path: tab === 'details' ? show : `${show}?tab=${tab}`,
      ready: tabReady(tab),
    })),
  ]
}

/** Goes to `path` inside the panel's single-page app, as its own links do. */
async function visit(page: Page, base: string, path: string): Promise<void> {
  await page.evaluate(
    (url) => {
      window.history.pushState({}, '', url)
      window.dispatchEvent(new PopStateEvent('popstate'))
    },
    `${new URL(base).pathname}${path}`,
  )
}

/** The page's requests under way, and all it started, counted from the browser's side. */
function requestsInFlight(page: Page): { count: () => number; started: () => number; stop: () => void } {
  let open = 0
  let started = 0
  const opened = () => {
    open += 1
    started += 1
  }
  const ended = () => (open -= 1)
  page.on('request', opened)
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  return {
    count: () => open,
    started: () => started,
    stop: () => {
      page.off('request', opened)
      page.off('requestfinished', ended)
      page.off('requestfailed', ended)
    },
  }
}

/**
 * Until the screen has its data, at most 20 s: no request under way, then the page idle (two frames
 * drawn, then an idle callback: the answers rendered and the effects they run, which start the
 * next requests, done, however slow the machine), and still no new request `quietMs` later (the
 * request's event reaches the test a moment after the page sends it). It was a fixed 400 ms
 * without a request, a third of the walk's time on a quiet machine.
 */
async function settled(
  page: Page,
  requests: { count: () => number; started: () => number },
  quietMs = 100,
): Promise<void> {
  const until = Date.now() + 20_000
  while (Date.now() < until) {
    if (requests.count() > 0) {
      await page.waitForTimeout(25)
      continue
    }
    const before = requests.started()
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 2_000 })),
          ),
        ),
    )
    await page.waitForTimeout(quietMs)
    if (requests.count() === 0 && requests.started() === before) return
  }
}

/** Where a walk's time goes: each phase's total (printed after it, to see what to cut). */
function phases(): { start: (name: string) => void; stop: () => void; summary: () => string } {
  const totals = new Map<string, number>()
  let current: string | null = null
  let since = 0
  const stop = () => {
    if (current) totals.set(current, (totals.get(current) ?? 0) + Date.now() - since)
    current = null
  }
  return {
    start: (name) => {
      stop()
      current = name
      since = Date.now()
    },
    stop,
    summary: () =>
      [...totals]
        .sort((a, b) => b[1] - a[1])
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
        .join(', '),
  }
}

/** Whether the page scrolls sideways: its content wider than the window. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return root.scrollWidth > window.innerWidth ? `${root.scrollWidth} px wide` : null
  })

/** Each fault as it is found, on the runner's output too: a long walk cut short still tells. */
function collector(): string[] {
  const faults: string[] = []
  const push = faults.push.bind(faults)
  faults.push = (...items: string[]) => {
    for (const item of items) process.stdout.write(`screen walk fault: ${item}\n`)
    return push(...items)
  }
  return faults
}

/**
 * Walks `screens` in the page's current language: each at 1440, and at 390 too unless `phone` is
 * false (its layout is the same on a phone). Returns what is wrong,
 * one line per fault (empty when every screen passes).
 */
export async function walkScreens(
  page: Page,
  base: string,
  screens: WalkScreen[],
  language: 'fr' | 'en',
): Promise<string[]> {
  const faults = collector()
  const inFlight = requestsInFlight(page)
  const time = phases()
  let drawers = 0
  for (const screen of screens) {
    const where = `${language} ${screen.name}`
    time.start('open')
    await visit(page, base, screen.path)
    // Past the previous screen's rows: the new one's own data.
    await page.waitForFunction((path) => location.href.includes(path), screen.path)
    const opened = await page
      .waitForSelector(screen.ready, { timeout: 20_000 })
      .then(() => true)
      .catch(() => false)
    if (!opened) {
      faults.push(`${where}: did not open (${screen.ready} never showed)`)
      continue
    }
    time.start('settle')
    await settled(page, inFlight)
    // Every screen at 1440, and the phone layouts at 390 too, in both languages.
    const widths = screen.phone === false ? WALK_VIEWPORTS.slice(0, 1) : WALK_VIEWPORTS
    for (const viewport of widths) {
      time.start('resize')
      await page.setViewportSize(viewport)
      const at = `${where} at ${viewport.width}`
      time.start('overflow')
      const wide = await overflow(page)
      if (wide) faults.push(`${at}: overflow, ${wide}`)
      time.start('axe')
      for (const finding of await seriousViolations(page)) faults.push(`${at}: axe ${finding}`)
    }
    time.start('resize')
    await page.setViewportSize(WALK_VIEWPORTS[0])
    time.start('french')
    if (language === 'fr') await frenchOnly(page, screen, where, faults)
    time.start('drawer')
    if (screen.drawer) {
      // In turn by Escape and by its close button: each drawer must close both ways.
      const by = drawers++ % 2 ? 'button' : 'Escape'
      if (by === 'Escape') await page.keyboard.press('Escape')
      else await page.click('[data-testid=drawer-close]')
      const closed = await page
        .waitForSelector('[data-testid=drawer-frame]', { state: 'detached', timeout: 5_000 })
        .then(() => true)
        .catch(() => false)
      if (!closed) faults.push(`${where}: the drawer stays open after ${by}`)
    }
  }
  time.stop()
  process.stdout.write(`screen walk (${language}) phases: ${time.summary()}\n`)
  inFlight.stop()
  await page.setViewportSize(WALK_VIEWPORTS[0])
  // A plain copy: the collector's own `push` would make an empty walk unequal to [].
  return [...faults]
}

/** The French screen's text (and its filter drawer's) holds none of the English seen. */
async function frenchOnly(page: Page, screen: WalkScreen, where: string, faults: string[]): Promise<void> {
  let text = await page.innerText('body')
  if (screen.filter && (await page.locator(screen.filter).count())) {
    await page.click(screen.filter)
    await page.waitForSelector('[data-css$=-filter-drawer]', { state: 'visible' })
    text += `\n${await page.innerText('[data-css$=-filter-drawer]')}`
    // Closed by its own cross (it covers the filter button on a phone).
    await page.click('[data-css$=-filter-drawer] h3 + button')
    // A closed drawer slides out to the right (it stays in the page).
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-css$=-filter-drawer]')).every(
        (d) => d.getBoundingClientRect().left >= window.innerWidth - 1,
      ),
    )
  }
  for (const word of englishIn(text)) faults.push(`${where}: English "${word}"`)
}

/**
 * The client area (`/account`, server-rendered pages, the demo's), walked as the panel is: each
 * visitor page, then the account's own page once logged in as `email` (password `password`), in
 * `language` (its `?lang=` link, kept in a cookie), at both widths. Returns the faults.
 */
export async function walkClientArea(
  page: Page,
  origin: string,
  account: { email: string; password: string },
  language: 'fr' | 'en',
): Promise<string[]> {
  const faults: string[] = []
  const check = async (name: string) => {
    const where = `${language} client area ${name}`
    const lang = await page.getAttribute('html', 'lang')
    if (lang !== language) faults.push(`${where}: in ${lang}`)
    for (const viewport of WALK_VIEWPORTS) {
      await page.setViewportSize(viewport)
      const at = `${where} at ${viewport.width}`
      const wide = await overflow(page)
      if (wide) faults.push(`${at}: overflow, ${wide}`)
      for (const finding of await seriousViolations(page)) faults.push(`${at}: axe ${finding}`)
    }
    if (language === 'fr')
      for (const word of englishIn(await page.innerText('body'))) faults.push(`${where}: English "${word}"`)
  }
  await page.goto(`${origin}/account/login?lang=${language}`)
  await check('login')
  for (const name of ['register', 'forgot', 'reset?token=not-a-token']) {
    await page.goto(`${origin}/account/${name}`)
    await check(name.replace(/\?.*/, ''))
  }
  await page.goto(`${origin}/account/login`)
  await page.fill('input[name=email]', account.email)
  await page.fill('input[name=password]', account.password)
  await Promise.all([page.waitForURL(`${origin}/account`), page.click('button[type=submit]')])
  await page.waitForSelector('[data-two-factor]')
  await check('account')
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/account/logout"] button')])
  await page.setViewportSize(WALK_VIEWPORTS[0])
  return faults
}
