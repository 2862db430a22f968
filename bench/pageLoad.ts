// Timing the panel in Debian's Chromium (playwright-core), for the bench's browser case and
// `npm run timing`: the browser as the browser tests launch it, a logged-in page, and one full
// load of a screen, from navigation to an element visible, with the JavaScript it received.
import { chromium, type Browser, type BrowserContextOptions, type Page, type Request } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless Chromium, as the browser tests (test/e2e/browser.ts) and the bench's browser case launch it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
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
  const page = await context.newPage()
  // No internet here: AdminJS's Google Fonts stylesheet would hold the load event.
  await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort())
  return page
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
 * One load of `url` from wherever the page is (about:blank, for a full load): milliseconds from
 * navigation to `selector` visible, and the bytes of JavaScript received meanwhile (as sent over
 * the wire; none for a script the browser took from its cache).
 */
export async function loadUntilVisible(
  page: Page,
  url: string,
  selector: string,
): Promise<{ ms: number; jsBytes: number }> {
  const scripts: Request[] = []
  const listener = (request: Request) => {
    if (/\.js(\?|$)/.test(request.url())) scripts.push(request)
  }
  page.on('requestfinished', listener)
  try {
    const started = performance.now()
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForSelector(selector, { state: 'visible', timeout: 60_000 })
    const ms = performance.now() - started
    const sizes = await Promise.all(scripts.map((request) => request.sizes()))
    return { ms, jsBytes: sizes.reduce((sum, size) => sum + size.responseBodySize, 0) }
  } finally {
    page.off('requestfinished', listener)
  }
}
