// Timing the panel in Debian's Chromium (playwright-core), for the bench's browser case and
// `npm run timing`: the browser as the browser tests launch it, a logged-in page, and one full
// load of a screen, from navigation to an element visible, with the JavaScript it received.
import { chromium, type Browser, type BrowserContextOptions, type Page, type Request } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Headless Chromium, as the browser tests (test/e2e/browser.ts) and the bench's browser case launch it.
 * No internet here: AdminJS's Google Fonts stylesheet would hold the load event, so its hosts
 * resolve to nothing (the request fails at once). Not by `page.route`: a page with routes has its
 * HTTP cache disabled, so every load would download every script again, as no admin's browser does.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--host-resolver-rules=MAP fonts.googleapis.com ~NOTFOUND, MAP fonts.gstatic.com ~NOTFOUND',
    ],
  })
}

/**
 * A page in a context of its own (cookies, an empty cache) at the panel's desktop size; with
 * `storageState`, logged in as the page it was taken from.
 */
export async function newPanelPage(
  browser: Browser,
  storageState?: BrowserContextOptions['storageState'],
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState })
  return context.newPage()
}

export interface PanelLogin {
  /** The panel's root, e.g. http://127.0.0.1:3000/admin: its login form is at `${base}/login`. */
  base: string
  email: string
  password: string
}

/**
 * Logs in through the panel's form, then opens `firstUrl` until `selector` shows (not timed:
 * a development start bundles the components there, a first visit fills the browser's cache).
 */
export async function logIn(
  page: Page,
  login: PanelLogin,
  firstUrl: string,
  selector: string,
): Promise<void> {
  await page.goto(`${login.base}/login`, { timeout: 300_000 })
  await page.fill('input[name=email]', login.email)
  await page.fill('input[name=password]', login.password)
  await Promise.all([
    page.waitForURL(login.base, { waitUntil: 'commit' }),
    page.press('input[name=password]', 'Enter'),
  ])
  await page.goto(firstUrl, { timeout: 300_000 })
  await page.waitForSelector(selector, { timeout: 300_000 })
}

/**
 * How a timed full load starts. `reload`: the page is on `url` (put there first, not timed, when
 * it is elsewhere) and is reloaded, as an admin's F5 — the same renderer process, its cache warm.
 * `navigate`: from wherever the page is, e.g. a new context's about:blank for a first visit.
 *
 * Not from about:blank in a used page: our panel sends `Cross-Origin-Opener-Policy: same-origin`
 * (helmet's default) and plain AdminJS sends none, so Chromium loads ours in a new renderer
 * process and plain AdminJS's in the blank page's, whose V8 still holds the scripts compiled by
 * the loads before: 2.1 s of the 2.7 s between the two lists' first rows on a loaded 2-core
 * machine (README, At scale, _The first load_). An admin's reload, or a link from
 * another site (a new process for both), does not make that difference.
 */
export type LoadStart = 'reload' | 'navigate'

/**
 * One full load of `url`: milliseconds from navigation to `selector` visible, and the bytes of
 * JavaScript received meanwhile (as sent over the wire; none for a script the browser took from
 * its cache, or revalidated: AdminJS's scripts carry an ETag).
 */
export async function loadUntilVisible(
  page: Page,
  url: string,
  selector: string,
  start: LoadStart = 'reload',
): Promise<{ ms: number; jsBytes: number }> {
  if (start === 'reload' && page.url() !== url) {
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForSelector(selector, { state: 'visible', timeout: 60_000 })
  }
  const scripts: Request[] = []
  const listener = (request: Request) => {
    if (/\.js(\?|$)/.test(request.url())) scripts.push(request)
  }
  page.on('requestfinished', listener)
  try {
    const started = performance.now()
    if (start === 'reload') await page.reload({ waitUntil: 'commit' })
    else await page.goto(url, { waitUntil: 'commit' })
    await page.waitForSelector(selector, { state: 'visible', timeout: 60_000 })
    const ms = performance.now() - started
    const sizes = await Promise.all(scripts.map((request) => request.sizes()))
    return { ms, jsBytes: sizes.reduce((sum, size) => sum + size.responseBodySize, 0) }
  } finally {
    page.off('requestfinished', listener)
  }
}
