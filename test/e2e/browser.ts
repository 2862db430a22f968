import { existsSync, mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Express } from 'express'
import type { Browser, Page } from 'playwright-core'
import { CHROMIUM, launchChromium, loadUntilVisible } from '../../bench/pageLoad.js'
import { DEMO_PASSWORD } from '../support/demoAgent.js'

export const SHOTS = path.resolve('test/e2e/screenshots')
const DOCS = path.resolve('docs')

/**
 * One of the README's pictures in docs/, taken only under `npm run screenshots` (which sets
 * E2E_DOCS_PICTURES=1 and runs the files that draw them): a test run leaves the checkout as it was.
 */
export async function docsPicture(page: Page, name: string): Promise<void> {
  if (process.env.E2E_DOCS_PICTURES !== '1') return
  await page.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage: true })
}

/**
 * `describe` when Debian's Chromium is there; without it, a skip on a developer's machine and a
 * failure in CI (where .ci/run installs it).
 */
export function describeInBrowser(title: string, body: () => void): void {
  if (existsSync(CHROMIUM)) return describe(title, body)
  if (process.env.CI) {
    test('Chromium is installed in CI', () => {
      throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`)
    })
  }
  describe.skip(title, body)
}

export interface BrowserSession {
  server: Server
  browser: Browser
  page: Page
  /** http://127.0.0.1:<port> */
  origin: string
  close(): Promise<void>
}

/**
 * The demo app on a free port of 127.0.0.1 (or on `port`, when its links must name it), and a
 * headless Chromium page ready to visit it.
 */
export async function openBrowser(
  app: Express,
  viewport = { width: 1440, height: 1000 },
  port = 0,
): Promise<BrowserSession> {
  mkdirSync(SHOTS, { recursive: true })
  const server = app.listen(port, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport })
  // No internet here: AdminJS's Google Fonts stylesheet would hold the load event.
  await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort())
  return {
    server,
    browser,
    page,
    origin,
    async close() {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** Logs in to the panel at `${origin}/admin` through its form. */
export async function logInToPanel(
  page: Page,
  origin: string,
  email = 'admin@example.com',
  bundleTimeout = 170_000,
): Promise<void> {
  // The panel bundles its components when it starts (recharts included): the first page waits for it.
  await page.goto(`${origin}/admin/login`, { timeout: bundleTimeout })
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', DEMO_PASSWORD)
  await Promise.all([
    page.waitForURL(`${origin}/admin`, { waitUntil: 'commit' }),
    page.press('input[name=password]', 'Enter'),
  ])
}

export interface PanelSession extends BrowserSession {
  /** `${origin}/admin` */
  base: string
  /** The page's uncaught errors, as they happen. */
  errors: string[]
}

/**
 * The demo panel in a new browser, logged in as the admin and on its dashboard: that first page
 * waits for AdminJS to bundle the components (recharts included), hence the long timeout.
 */
export async function openPanel(
  app: Express,
  viewport?: { width: number; height: number },
  bundleTimeout = 150_000,
): Promise<PanelSession> {
  const session = await openBrowser(app, viewport)
  const errors: string[] = []
  session.page.on('pageerror', (error) => errors.push(error.message))
  await logInToPanel(session.page, session.origin, undefined, bundleTimeout)
  const base = `${session.origin}/admin`
  await session.page.goto(base, { timeout: bundleTimeout })
  await session.page.waitForSelector('[data-testid=client-dashboard]', { timeout: bundleTimeout })
  return { ...session, base, errors }
}

const AXE_SOURCE = path.resolve('node_modules/axe-core/axe.min.js')

/**
 * axe-core's critical and serious violations on the page as it is now: rule, then the elements.
 * The rules whose impact is minor or moderate are not run: axe gives a rule's impact to each of its
 * findings (its `_finalizeRuleResult`), so they can find nothing serious or critical; every other
 * rule runs as axe's default selection runs it. `everyRule`: all of the default selection (the
 * browser suite checks on a page of known faults that both find the same).
 */
export async function seriousViolations(page: Page, { everyRule = false } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE })
  const violations = await page.evaluate(async (everyRule) => {
    type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document, o: object) => Promise<AxeResult>
          _audit: { rules: { id: string; impact?: string }[] }
        }
      }
    ).axe
    const mild = everyRule
      ? []
      : axe._audit.rules.filter((r) => r.impact === 'minor' || r.impact === 'moderate')
    const rules = Object.fromEntries(mild.map((r) => [r.id, { enabled: false }]))
    const result = await axe.run(document, { resultTypes: ['violations'], rules })
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, everyRule)
  return violations
}

/** The median of some durations (ms). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2)
}

/** Milliseconds of a full load of `url` (a reload, as an admin's F5: bench/pageLoad.ts) until `selector` is visible, `runs` times. */
export async function timeToVisible(page: Page, url: string, selector: string, runs = 10): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i += 1) times.push(Math.round((await loadUntilVisible(page, url, selector)).ms))
  return times
}

/**
 * Waits until a checkbox is (or is not) checked, then says whether it is. The design system's
 * CheckBox copies its `checked` prop into its own state in an effect, so right after a click its
 * hidden input can show the old state for a frame: reading it once races that effect.
 */
export async function settledChecked(page: Page, selector: string, expected: boolean): Promise<boolean> {
  await page
    .waitForFunction(
      ([s, want]) => (document.querySelector(s as string) as HTMLInputElement | null)?.checked === want,
      [selector, expected] as const,
      { timeout: 5_000 },
    )
    .catch(() => undefined)
  return page.isChecked(selector)
}
