import path from 'node:path'
import type { Page } from 'playwright-core'
import { Client, EmailLog } from '../../src/index.js'
import { createDemoMailer } from '../../demo/mailTransport.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo, type SeededDemo } from '../support/demoAgent.js'
import { mailText, startSmtpServer } from '../support/smtpServer.js'
import { SHOTS, describeInBrowser, openPanel, type PanelSession } from './browser.js'

describeInBrowser('email templates edited in the panel (Chromium, SQLite)', () => {
  let db: TestDatabase
  let demo: SeededDemo
  let session: PanelSession
  let page: Page
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let client: Client

  beforeAll(async () => {
    smtp = await startSmtpServer()
    db = await createTestDatabase('sqlite')
    demo = await seededDemo(db, {
      origins: null,
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: db.dataDir }),
    })
    client = await db.dataSource
      .getRepository(Client)
      .findOneOrFail({ where: { status: 'active' }, order: { id: 'ASC' } })
    await db.dataSource
      .getRepository(Client)
      .update(client.id, { locale: 'fr', email: 'e2e-client@example.com' })
    session = await openPanel(demo.app)
    page = session.page
  })

  afterAll(async () => {
    await session?.close()
    await db?.dispose()
    await smtp?.close()
  })

  test('a template edited with its live preview for a real client, then a suspension email shows the new text', async () => {
    await page.goto(`${session.base}/resources/EmailTemplate`)
    await page.waitForSelector('[data-testid=email-templates] [data-template="suspended:fr"]')
    await page.click('[data-testid=edit-template-suspended-fr]')
    await page.waitForSelector('[data-testid=merge-fields] >> text={{reason}}')
    await page.fill('#template-subject', 'Suspension du compte {{clientNumber}}')
    await page.fill(
      '#template-text',
      'Bonjour {{fullName}},\n\nVotre compte est suspendu : {{reason}}.\n\nLa direction',
    )

    // The preview for a client looked up by number.
    await page.fill('#template-client', client.clientNumber as string)
    await page.waitForSelector(`[data-testid=template-client-choice] option[value="${client.id}"]`, {
      state: 'attached',
    })
    await page.selectOption('[data-testid=template-client-choice]', String(client.id))
    const name = [client.firstName, client.lastName].filter(Boolean).join(' ')
    await page.waitForSelector(`[data-testid=template-preview-text] >> text=Bonjour ${name},`)
    await page.waitForSelector(
      `[data-testid=template-preview-subject] >> text=Suspension du compte ${client.clientNumber}`,
    )
    await page.screenshot({ path: path.join(SHOTS, 'email-template-editor.png'), fullPage: true })

    // A misspelt field is refused next to the field, nothing saved.
    await page.fill('#template-text', 'Bonjour {{fistName}}')
    await page.click('[data-testid=template-save]')
    await page.waitForSelector('text=Champ de fusion inconnu')
    await page.fill(
      '#template-text',
      'Bonjour {{fullName}},\n\nVotre compte est suspendu : {{reason}}.\n\nLa direction',
    )
    await page.click('[data-testid=template-save]')
    await page.waitForSelector('text=Modèle enregistré')
    await page.waitForSelector('[data-testid=template-history] >> text=admin@example.com')

    // The client's suspension, with the email ticked.
    await page.goto(`${session.base}/resources/Client/records/${client.id}/show`)
    await page.waitForSelector('[data-testid=client-header]')
    await page.click('text=Statut >> nth=0')
    await page.click('text=Suspendre')
    await page.waitForSelector('[data-testid=client-action-suspend]')
    await page.fill('textarea[name=reason]', 'Impayé de cotisation')
    await page.click('label[for=client-action-notify]')
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Client suspendu.')

    const log = await db.dataSource
      .getRepository(EmailLog)
      .findOneOrFail({ where: { clientId: client.id, template: 'suspended' }, order: { id: 'DESC' } })
    expect(log.subject).toBe(`Suspension du compte ${client.clientNumber}`)
    expect(log.body).toBe(
      `Bonjour ${name},\n\nVotre compte est suspendu : Impayé de cotisation.\n\nLa direction`,
    )
    for (let i = 0; i < 50 && !smtp.received.some((m) => m.to.includes('e2e-client@example.com')); i += 1) {
      await demo.clients.outbox.drain()
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const mail = smtp.received.find((m) => m.to.includes('e2e-client@example.com'))
    expect(mailText(mail?.raw ?? '')).toContain('Votre compte est suspendu : Impay')
    expect(session.errors).toEqual([])
  })
})
