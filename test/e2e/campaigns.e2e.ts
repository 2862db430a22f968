import type { Page } from 'playwright-core'
import { In } from 'typeorm'
import { Advisor, Campaign, Client, ClientTag, Tag, refreshClientAdvisors } from '../../src/index.js'
import { SavedView } from '../../src/entities/index.js'
import { createDemoMailer } from '../../demo/mailTransport.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo, type SeededDemo } from '../support/demoAgent.js'
import { mailText, startSmtpServer } from '../support/smtpServer.js'
import { describeInBrowser, docsPicture, openPanel, type PanelSession } from './browser.js'

// The README's screenshots of the campaign editor and progress page, in French and English, under
// `npm run screenshots` (docsPicture).
const header = (raw: string, name: string) =>
  new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im')
    .exec(raw)?.[1]
    .replace(/\r?\n[ \t]+/g, '')
    .trim() ?? null

// A campaign in a real browser: a saved view as its segment, the count and the skipped with why,
// the email previewed for a recipient, a test sent, the campaign sent, its progress page
// refreshing to the end, and the emails as received with their List-Unsubscribe headers.
describeInBrowser('campaigns from a saved view to a sent campaign (Chromium, SQLite)', () => {
  let db: TestDatabase
  let demo: SeededDemo
  let session: PanelSession
  let page: Page
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let clients: Client[]
  let view: SavedView
  let advisor: Advisor
  let tag: Tag

  beforeAll(async () => {
    smtp = await startSmtpServer()
    db = await createTestDatabase('sqlite')
    demo = await seededDemo(db, {
      origins: null,
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: db.dataDir }),
      outbox: { maxAttempts: 3, backoffBaseMs: 1, backoffMaxMs: 5, jitter: 0 },
      publicUrl: 'http://panel.test',
    })
    const repository = db.dataSource.getRepository(Client)
    const rows = [
      { firstName: 'Alice', locale: 'fr', email: 'alice.lettre@example.com' },
      { firstName: 'Bob', locale: 'en', email: 'bob.lettre@example.com' },
      {
        firstName: 'Chloé',
        locale: 'fr',
        email: 'chloe.lettre@example.com',
        marketingConsent: 'out' as const,
      },
      { firstName: 'Denis', locale: 'fr', email: null },
    ].map((r, i) =>
      repository.create({
        ...r,
        clientNumber: `LETTRE${i}`,
        lastName: 'Lettrine',
        status: 'active',
        emailConfirmedAt: new Date(),
      }),
    )
    await repository.save(rows)
    clients = await repository.find({ where: { lastName: 'Lettrine' }, order: { id: 'ASC' } })
    // Alice and Bob are the advisor's; Alice alone has the tag (the editor's own filter below).
    advisor = await db.dataSource
      .getRepository(Advisor)
      .save({ code: 'LETTRADV', lastName: 'Conseillette', firstName: 'Lise', active: true })
    await repository.update({ id: In([clients[0].id, clients[1].id]) }, { advisorId: advisor.id })
    await db.dataSource.transaction((manager) =>
      refreshClientAdvisors(
        manager,
        clients.map((c) => c.id),
      ),
    )
    tag = await db.dataSource
      .getRepository(Tag)
      .save({ name: 'Lettrine VIP', nameKey: 'lettrine vip', colour: 'teal' })
    await db.dataSource.getRepository(ClientTag).save({ clientId: clients[0].id, tagId: tag.id })
    const views = db.dataSource.getRepository(SavedView)
    view = await views.save(
      views.create({
        name: 'Clients Lettrine',
        resource: 'Client',
        params: { 'filters.q': 'Lettrine', sortBy: 'lastName', direction: 'asc' },
        columns: null,
        owner: 'admin@example.com',
        shared: true,
      }),
    )
    session = await openPanel(demo.app)
    page = session.page
    page.on('dialog', (dialog) => void dialog.accept())
  })

  afterAll(async () => {
    await session?.close()
    await db?.dispose()
    await smtp?.close()
  })

  const fillMessages = async () => {
    await page.fill('#subject-fr', 'Maintenance du {{companyName}}')
    await page.fill('#text-fr', 'Bonjour {{fullName}},\n\nUne maintenance aura lieu samedi de 8 h à 10 h.')
    await page.fill('#subject-en', 'Maintenance at {{companyName}}')
    await page.fill(
      '#text-en',
      'Hello {{fullName}},\n\nA maintenance window is planned on Saturday, 8 to 10 am.',
    )
  }

  test('a saved view → the editor with its count, skipped and preview → a test → sent → its progress page', async () => {
    await page.goto(`${session.base}/resources/Campaign`)
    await page.click('text=Nouvelle campagne')
    await page.waitForSelector('[data-testid=campaign-editor]')
    await page.waitForSelector('[data-testid=campaign-unsaved] >> text=enregistrez la campagne')
    // Bad input: a field error, nothing saved.
    await page.click('[data-testid=save-campaign]')
    await page.waitForSelector('[data-error=name]')
    expect(await db.dataSource.getRepository(Campaign).count()).toBe(0)

    await page.fill('#campaign-name', 'Maintenance de samedi')
    await page.click('label[for=segment-view]')
    await page.selectOption('#campaign-view', String(view.id))
    await fillMessages()
    await page.click('[data-testid=save-campaign]')
    await page.waitForURL(/editCampaign/)
    await page.waitForSelector(
      '[data-testid=campaign-count] >> text=2 clients la recevront ; 2 sont écartés.',
    )
    await page.waitForSelector('[data-testid=campaign-skipped] [data-skipped=LETTRE2] >> text=Désinscrit')
    await page.waitForSelector(
      '[data-testid=campaign-skipped] [data-skipped=LETTRE3] >> text=Pas d’adresse email',
    )
    await page.waitForSelector('[data-testid=campaign-email] >> text=Bonjour Alice Lettrine,')
    // Any recipient: Bob reads it in English.
    await page.selectOption('#preview-recipient', String(clients[1].id))
    await page.waitForSelector('[data-testid=campaign-email] >> text=Hello Bob Lettrine,')
    await page.selectOption('#preview-recipient', String(clients[0].id))
    await page.waitForSelector('[data-testid=campaign-email] >> text=Bonjour Alice Lettrine,')
    await docsPicture(page, 'campaign-editor.fr')

    await page.click('[data-testid=test-campaign]')
    await page.waitForSelector('text=Email de test mis en file pour admin@example.com.')

    await page.click('[data-testid=start-campaign]')
    await page.waitForURL(/\/show$/)
    await page.waitForSelector('[data-testid=campaign-progress]')
    const campaign = await db.dataSource
      .getRepository(Campaign)
      .findOneByOrFail({ name: 'Maintenance de samedi' })
    expect(campaign).toMatchObject({ status: 'sending', viewId: view.id })
    // The workers' passes, as an instance runs them: the page reads the database again meanwhile.
    await demo.clients.campaignRunner.runOnce()
    await page.waitForSelector('[data-testid=count-queued] >> text=2')
    await demo.clients.outbox.drain()
    await demo.clients.campaignRunner.runOnce()
    await page.waitForSelector('[data-testid=campaign-progress][data-status=done]', { timeout: 20_000 })
    await page.waitForSelector('[data-testid=count-sent] >> text=2')
    await page.waitForSelector('[data-testid=count-skipped] >> text=2')
    await docsPicture(page, 'campaign-progress.fr')

    // As received: once each, in the client's language, with the one-click unsubscribe headers.
    for (const [client, greeting] of [
      [clients[0], 'Bonjour Alice Lettrine,'],
      [clients[1], 'Hello Bob Lettrine,'],
    ] as const) {
      const mails = smtp.received.filter((m) => m.to.includes(client.email as string))
      expect(mails).toHaveLength(1)
      expect(mailText(mails[0].raw)).toContain(greeting)
      expect(header(mails[0].raw, 'List-Unsubscribe')).toMatch(
        /^<http:\/\/panel\.test\/unsubscribe\?token=.+>$/,
      )
      expect(header(mails[0].raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    }
    expect(
      smtp.received.filter((m) => [clients[2].email, 'denis'].some((a) => m.to.join().includes(String(a)))),
    ).toEqual([])
    expect(smtp.received.filter((m) => m.to.includes('admin@example.com'))).toHaveLength(1)
    expect(
      await db.dataSource
        .getRepository(Client)
        .countBy({ id: In(clients.map((c) => c.id)), marketingConsent: 'out' }),
    ).toBe(1)

    // In English: the progress page, and the editor of a new draft with its preview and count.
    await page.hover('button:has-text("Français")')
    await page.click('.adminjs_DropDownMenu >> text=Anglais')
    await page.waitForSelector('button:has-text("English")')
    await page.goto(`${session.base}/resources/Campaign/records/${campaign.id}/show`)
    await page.waitForSelector('[data-testid=campaign-progress] >> text=Sent')
    await docsPicture(page, 'campaign-progress.en')
    await page.goto(`${session.base}/resources/Campaign/actions/newCampaign`)
    await page.waitForSelector('[data-testid=campaign-editor] >> text=New campaign')
    await page.fill('#campaign-name', 'Saturday maintenance (reminder)')
    await page.click('label[for=segment-view]')
    await page.selectOption('#campaign-view', String(view.id))
    await fillMessages()
    await page.click('[data-testid=save-campaign]')
    await page.waitForURL(/editCampaign/)
    await page.waitForSelector(
      '[data-testid=campaign-count] >> text=2 clients will receive it; 2 are skipped.',
    )
    await page.waitForSelector('[data-testid=campaign-email] >> text=Bonjour Alice Lettrine,')
    await docsPicture(page, 'campaign-editor.en')
    expect(session.errors).toEqual([])
  })

  test('the editor’s own filter (advisor and a tag): the count follows the typing, nothing saved until asked', async () => {
    // The panel is in English since the test above.
    const before = await db.dataSource.getRepository(Campaign).count()
    await page.goto(`${session.base}/resources/Campaign/actions/newCampaign`)
    await page.waitForSelector('[data-testid=campaign-editor] >> text=New campaign')
    await page.waitForSelector('[data-testid=campaign-filters]')
    const count = (text: string) =>
      page.waitForSelector(
        `[data-testid=campaign-count]:not(:has([data-testid=campaign-counting])) >> text=${text}`,
      )
    // Typed a key at a time: the preview asks again once the typing pauses.
    await page.type('#filter-q', 'Lettrine', { delay: 30 })
    await count('2 clients will receive it; 2 are skipped.')
    await fillMessages()
    await page.selectOption('#filter-advisor', String(advisor.id))
    await count('2 clients will receive it; 0 are skipped.')
    await page.click(`[data-testid=campaign-filter-tags] label:has-text("Lettrine VIP") input`)
    await count('1 clients will receive it; 0 are skipped.')
    await page.selectOption('#filter-tagMode', 'none')
    await count('1 clients will receive it; 0 are skipped.')
    await page.waitForSelector('[data-testid=campaign-email] >> text=Hello Bob Lettrine,')
    await page.selectOption('#filter-tagMode', 'any')
    await page.waitForSelector('[data-testid=campaign-email] >> text=Bonjour Alice Lettrine,')
    // A merge field that does not exist: its field error while typing, the count still there.
    await page.fill('#text-en', 'Hello {{nickname}}')
    await page.waitForSelector('[data-error=text_en]')
    await count('1 clients will receive it; 0 are skipped.')
    await page.fill('#text-en', 'Hello {{fullName}}, see you on Saturday.')
    await page.waitForSelector('[data-error=text_en]', { state: 'detached' })
    // Nothing written while typing; no send before the draft is saved.
    expect(await db.dataSource.getRepository(Campaign).count()).toBe(before)
    expect(await page.$('[data-testid=start-campaign]')).toBeNull()
    await page.fill('#campaign-name', 'Lise’s VIP clients')
    await page.click('[data-testid=save-campaign]')
    await page.waitForURL(/editCampaign/)
    await count('1 clients will receive it; 0 are skipped.')
    await page.waitForSelector('[data-testid=start-campaign]')
    const saved = await db.dataSource.getRepository(Campaign).findOneByOrFail({ name: 'Lise’s VIP clients' })
    expect(saved.segment).toEqual({
      'filters.q': 'Lettrine',
      'filters.advisor': String(advisor.id),
      'filters.tags': String(tag.id),
      'filters.tagMode': 'any',
    })
    // Changed again after the save: the send waits for the next save.
    await page.selectOption('#filter-locale', 'en')
    await count('0 clients will receive it; 0 are skipped.')
    await page.waitForSelector('[data-testid=campaign-unsaved]')
    expect(await page.$('[data-testid=start-campaign]')).toBeNull()
    expect(session.errors).toEqual([])
  })
})
