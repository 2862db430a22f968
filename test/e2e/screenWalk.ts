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
}

const tabReady = (tab: string) =>
  `[data-testid=tab-panel-${tab}] :is([data-testid^=tab-table], [data-testid=tab-empty], [data-testid=tab-details], [data-testid^=payment-methods-]:not([data-testid=payment-methods-loading]))`

/** The screens: dashboard, lists, a client's page and each of its tabs, templates, import, settings. */
export function panelScreens(clientId: number): WalkScreen[] {
  const list = (resource: string, filter = true): WalkScreen => ({
    name: `${resource} list`,
    path: `/resources/${resource}`,
    ready: `tbody tr[data-css=${resource}-table-row]`,
    filter: filter ? `[data-css=${resource}-filter-button]` : undefined,
  })
  const show = `/resources/Client/records/${clientId}/show`
  return [
    { name: 'dashboard', path: '', ready: '[data-testid=chart-new-clients] .recharts-bar-rectangle path' },
    { ...list('Client'), ready: 'tbody [data-testid=status-dot]' },
    ...[...BUILT_IN_TABS, 'Invoice', 'Ticket'].map((tab) => ({
      name: `client page, ${tab}`,
      path: tab === 'details' ? show : `${show}?tab=${tab}`,
      ready: tabReady(tab),
    })),
    list('Contract'),
    list('Commission'),
    list('Advisor'),
    list('EmailLog'),
    list('ClientEvent'),
    list('ClientNote'),
    list('Invoice'),
    list('Ticket'),
    {
      name: 'templates',
      path: '/resources/EmailTemplate',
      ready: '[data-testid=email-templates] [data-template]',
    },
    { name: 'import', path: '/resources/Commission/actions/importCommissions', ready: '#import-file' },
    {
      name: 'security settings',
      path: '/resources/SecuritySettings',
      ready: '[data-testid=security-settings]',
    },
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

/** Whether the page scrolls sideways: its content wider than the window. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return root.scrollWidth > window.innerWidth ? `${root.scrollWidth} px wide` : null
  })

/**
 * Walks `screens` in the page's current language: each at both widths. Returns what is wrong,
 * one line per fault (empty when every screen passes).
 */
export async function walkScreens(
  page: Page,
  base: string,
  screens: WalkScreen[],
  language: 'fr' | 'en',
): Promise<string[]> {
  const faults: string[] = []
  for (const screen of screens) {
    const where = `${language} ${screen.name}`
    await visit(page, base, screen.path)
    // Past the previous screen's rows: the new one's own data.
    await page.waitForFunction((path) => location.href.includes(path), screen.path)
    await page.waitForSelector(screen.ready)
    for (const viewport of WALK_VIEWPORTS) {
      await page.setViewportSize(viewport)
      const at = `${where} at ${viewport.width}`
      const wide = await overflow(page)
      if (wide) faults.push(`${at}: overflow, ${wide}`)
      for (const finding of await seriousViolations(page)) faults.push(`${at}: axe ${finding}`)
    }
    if (language !== 'fr') continue
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
  await page.setViewportSize(WALK_VIEWPORTS[0])
  return faults
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
