import path from 'node:path'
import { generate } from 'otplib'
import type { Page } from 'playwright-core'
import { Client, ClientEvent, SettingsChange } from '../../src/index.js'
import { createDemoMailer } from '../../demo/mailTransport.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { mailText, startSmtpServer } from '../support/smtpServer.js'
import { SHOTS, describeInBrowser, logInToPanel, openBrowser, type BrowserSession } from './browser.js'

const PASSWORD = 'Quatre chevaux bleus dansent 2026'
const NEW_PASSWORD = 'Cinq zèbres roses chantent 2027'

describeInBrowser('the demo client area in a real browser (SQLite)', () => {
  let db: TestDatabase
  let session: BrowserSession
  let page: Page
  let base: string
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let stopOutbox: () => Promise<void> = async () => {}

  beforeAll(async () => {
    smtp = await startSmtpServer()
    db = await createTestDatabase('sqlite')
    const demo = await seededDemo(db, {
      origins: null,
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: db.dataDir }),
    })
    // As in the demo: the outbox's worker runs in the app's process.
    demo.clients.outbox.start()
    stopOutbox = () => demo.clients.outbox.stop()
    session = await openBrowser(demo.app, { width: 900, height: 900 })
    page = session.page
    base = `${session.origin}`
  })

  afterAll(async () => {
    await stopOutbox()
    await session?.close()
    await smtp?.close()
    await db?.dispose()
  })

  /** The path of the newest link of that kind in the emails to this address (the demo links to localhost:3000). */
  const linkIn = async (to: string, kind: 'confirm' | 'reset') => {
    // The outbox sends it just after the request: wait for it (at most 10 s).
    const arrived = () => smtp.received.some((m) => m.to.includes(to) && m.raw.includes(`/account/${kind}`))
    for (let i = 0; i < 100 && !arrived(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100))
    const mails = smtp.received.filter((m) => m.to.includes(to))
    const match = new RegExp(`(/account/${kind}\\?token=[A-Za-z0-9_-]+)`).exec(
      mailText(mails[mails.length - 1].raw),
    )
    if (!match) throw new Error(`no ${kind} link sent to ${to}`)
    return `${base}${match[1]}`
  }
  const shot = (name: string) =>
    page.screenshot({ path: path.join(SHOTS, `account-${name}.png`), fullPage: true })
  const submit = async (selector = 'button[type=submit]') => {
    await Promise.all([page.waitForLoadState('load'), page.click(selector)])
  }

  test('register, confirm by the emailed link, log in, turn 2FA on, log in with a code, reset the password', async () => {
    const email = 'camille.roux@example.com'
    await page.goto(`${base}/account/register`)
    await page.fill('input[name=lastName]', 'Roux')
    await page.fill('input[name=firstName]', 'Camille')
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', 'azerty123')
    await submit()
    await page.waitForSelector('[data-error=password]')
    await shot('register-error')
    await page.fill('input[name=password]', PASSWORD)
    await submit()
    await page.waitForSelector('[data-flash]')
    expect(await page.locator('[data-flash]').innerText()).toContain('Confirmez votre adresse')

    await page.goto(await linkIn(email, 'confirm'))
    await page.waitForSelector('text=Adresse confirmée')
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', PASSWORD)
    await submit()
    await page.waitForSelector('text=Bonjour Camille')
    expect(await page.getAttribute('[data-two-factor]', 'data-two-factor')).toBe('off')

    await submit('form[action="/account/2fa/start"] button')
    await page.waitForSelector('img[alt=QR]')
    await shot('2fa-setup')
    const secret = (await page.locator('[data-secret]').innerText()).trim()
    await page.fill('input[name=code]', await generate({ secret }))
    await submit()
    await page.waitForSelector('[data-recovery-codes]')
    const recovery = (await page.locator('[data-recovery-codes] code').allInnerTexts()).map((c) => c.trim())
    expect(recovery).toHaveLength(10)
    await shot('recovery-codes')

    await page.goto(`${base}/account`)
    await submit('form[action="/account/logout"] button')
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', PASSWORD)
    await submit()
    await page.waitForSelector('[data-refusal=totpRequired]')
    await shot('login-2fa')
    await page.fill('input[name=password]', PASSWORD)
    // The next 30-second step: the setup code cannot be replayed.
    await page.fill('input[name=totp]', await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
    await submit()
    await page.waitForSelector('[data-two-factor=on]')

    // Forgotten password, in English.
    await submit('form[action="/account/logout"] button')
    await page.goto(`${base}/account/forgot?lang=en`)
    await page.fill('input[name=email]', email)
    await submit()
    await page.waitForSelector('text=If an account uses this address')
    const client = await db.dataSource.getRepository(Client).findOneByOrFail({ email })
    // The email leaves in the background: wait until it has arrived.
    for (
      let i = 0;
      i < 50 && !smtp.received.some((m) => m.to.includes(email) && m.raw.includes('reset'));
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await page.goto(await linkIn(email, 'reset'))
    await page.fill('input[name=password]', NEW_PASSWORD)
    await page.fill('input[name=passwordConfirmation]', NEW_PASSWORD)
    await submit()
    await page.waitForSelector('text=Password changed')
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', NEW_PASSWORD)
    await submit()
    await page.waitForSelector('[data-refusal=totpRequired]')
    await page.fill('input[name=password]', NEW_PASSWORD)
    await page.fill('input[name=totp]', recovery[0])
    await submit()
    await page.waitForSelector('text=Recovery code used: 9 left.')
    await shot('home')

    const types = (
      await db.dataSource
        .getRepository(ClientEvent)
        .find({ where: { clientId: client.id }, order: { id: 'ASC' } })
    ).map((e) => e.type)
    expect(types).toEqual([
      'created',
      'account_confirmed',
      'login',
      'two_factor_enabled',
      'login',
      'password_reset_requested',
      'password_changed',
      'login',
    ])
  })

  test('the security settings page: the hash report, a change saved and shown in its history', async () => {
    await logInToPanel(page, base)
    // The first page bundles the plugin's components.
    await page.goto(`${base}/admin/resources/SecuritySettings`, { timeout: 150_000 })
    await page.waitForSelector('[data-testid=security-settings]', { timeout: 150_000 })
    await page.waitForSelector('[data-testid=hash-report] [data-format=argon2id]')
    await page.fill('#setting-throttleMinutes', '20')
    await page.fill('#setting-maxFailedLogins', '2')
    await page.click('[data-testid=security-settings-save]')
    await page.waitForSelector('text=Cette valeur sort de la plage autorisée.')
    expect(await db.dataSource.getRepository(SettingsChange).count()).toBe(0)
    await page.fill('#setting-maxFailedLogins', '5')
    await page.click('[data-testid=security-settings-save]')
    await page.waitForSelector('text=Réglages enregistrés : 1 modification.')
    await page.waitForSelector('[data-testid=settings-history] >> text=admin@example.com')
    await page.screenshot({ path: path.join(SHOTS, 'security-settings.png'), fullPage: true })
    const [change] = await db.dataSource.getRepository(SettingsChange).find()
    expect(change).toMatchObject({
      actor: 'admin@example.com',
      changes: [{ field: 'throttleMinutes', from: 15, to: 20 }],
    })
  })
})
