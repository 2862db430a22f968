// Every screen of the panel walked (issue 31, "Done when"): each resource's list, show page and
// forms and every action's drawer or page, enumerated from the resources' configuration at test
// time (screenCatalog.ts), plus the dashboard, the client page's tabs, the saved views' bar and the
// client area. Every screen at 1440×900 in French and in English; at 390×844, in both too, the
// screens whose layout changes on a phone (lists, show pages, new/edit forms, the client page's
// tabs, the dashboard): no sideways scroll, no serious or critical axe finding, no English in
// French, and each drawer closed by Escape or by its button (in turn).
import type { Page } from 'playwright-core'
import { Client, ImportBatch } from '../../src/index.js'
import { AdminAuditEntry, Campaign, CustomField, SavedView, Tag } from '../../src/entities/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo, type SeededDemo } from '../support/demoAgent.js'
import { demoImportFile } from '../support/fixtures.js'
import { describeInBrowser, openPanel, type PanelSession } from './browser.js'
import { NOT_OPENED, panelCatalog, type Catalog } from './screenCatalog.js'
import { panelScreens, walkClientArea, walkScreens, type WalkScreen } from './screenWalk.js'

describeInBrowser('every screen in a real browser, in French and English (SQLite)', () => {
  let db: TestDatabase
  let demo: SeededDemo
  let session: PanelSession
  let page: Page
  let base: string
  let client: Client
  let deleted: Client
  let view: SavedView
  let campaigns: Campaign[]

  const pickLanguage = async (current: string, next: string, shown: string) => {
    await page.hover(`button:has-text("${current}")`)
    await page.click(`.adminjs_DropDownMenu >> text=${next}`)
    await page.waitForSelector(`button:has-text("${shown}")`)
  }

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    demo = await seededDemo(db, { origins: null })
    const clients = db.dataSource.getRepository(Client)
    const [row] = await clients
      .createQueryBuilder('c')
      .where("c.status = 'active'")
      .andWhere("EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = c.id AND k.status = 'active')")
      .orderBy('c.id')
      .take(1)
      .getMany()
    client = row
    // What the demo's seed lacks for a screen to open: a deleted client (restore, remove for good),
    // tags and custom fields (their show, edit and bulk pages), a shared view (the views' bar),
    // a draft campaign (its editor) and a sent one (its progress), an audit entry.
    const [other] = await clients.find({ where: { status: 'suspended' }, order: { id: 'DESC' }, take: 1 })
    await clients.update(other.id, { status: 'deleted', deletedAt: new Date() })
    deleted = await clients.findOneByOrFail({ id: other.id })
    await db.dataSource.getRepository(Tag).save([
      { name: 'VIP', nameKey: 'vip', colour: 'green', createdBy: 'admin@example.com' },
      { name: 'Relance', nameKey: 'relance', colour: 'red', createdBy: 'admin@example.com' },
    ])
    await db.dataSource.getRepository(CustomField).save([
      { key: 'profession', type: 'shortText', labelFr: 'Profession', labelEn: 'Occupation', position: 1 },
      {
        key: 'profil_risque',
        type: 'choice',
        labelFr: 'Profil de risque',
        labelEn: 'Risk profile',
        choices: 'prudent | Prudent | Cautious | green\ndynamique | Dynamique | Dynamic | red',
        position: 2,
      },
    ])
    view = await db.dataSource.getRepository(SavedView).save({
      name: 'Suspendus',
      resource: 'Client',
      params: { 'filters.status': 'suspended' },
      columns: null,
      owner: 'admin@example.com',
      shared: true,
    })
    const message = { subject: 'Nouveautés', text: 'Bonjour {{firstName}},\n\nNos nouveautés.' }
    campaigns = await db.dataSource.getRepository(Campaign).save([
      {
        name: 'Lettre d’hiver',
        status: 'draft',
        segment: {},
        messages: { fr: message },
        throttlePerMinute: 60,
      },
      {
        name: 'Lettre d’automne',
        status: 'done',
        segment: {},
        messages: { fr: message, en: { subject: 'News', text: 'Hello {{firstName}},\n\nOur news.' } },
        throttlePerMinute: 60,
        startedAt: new Date(),
        finishedAt: new Date(),
      },
    ])
    await db.dataSource.getRepository(AdminAuditEntry).save({
      action: 'exported',
      actor: 'admin@example.com',
      resourceId: 'Client',
      rowCount: 3,
      details: null,
    })
    session = await openPanel(demo.app, { width: 1440, height: 900 }, 280_000)
    page = session.page
    base = session.base
  }, 300_000)

  afterAll(async () => {
    demo?.clients.jobs.stop()
    await session?.close()
    await db?.dispose()
  })

  test('one import, through the import page (the imports list and its page then have a row)', async () => {
    await page.goto(`${base}/resources/Commission/actions/importCommissions`)
    await page.setInputFiles('#import-file', demoImportFile)
    await page.click('[data-testid=import-read]')
    await page.waitForSelector('[data-testid=import-mapping]')
    // The run is offered once its dry run has been read.
    await page.click('[data-testid=import-dry-run]')
    await page.waitForSelector('[data-testid=import-dry-run-result]')
    await page.click('[data-testid=import-run]')
    demo.clients.jobs.start()
    await page.waitForSelector('[data-testid=import-progress][data-status=done]', { timeout: 30_000 })
    expect(await db.dataSource.getRepository(ImportBatch).count()).toBe(1)
  })

  /** The screens to walk: the resources' (read once from the panel), then those no action draws. */
  let catalog: Catalog | null = null
  const screens = async (): Promise<WalkScreen[]> => {
    // The deleted client for its own actions, then the active one with contracts (its suspend and
    // ban forms list them: the screens.e2e.ts forms' axe checks were made on such a client).
    catalog ??= await panelCatalog(page, { Client: [String(deleted.id), String(client.id)] })
    return [
      ...panelScreens(client.id),
      {
        name: 'clients list with the views’ bar',
        path: `/resources/Client?view=${view.id}`,
        ready: `[data-testid=view-${view.id}]`,
      },
      // A draft's editor with its preview, a sent campaign's progress.
      {
        name: 'campaign editor with its preview',
        path: `/resources/Campaign/records/${campaigns[0].id}/editCampaign`,
        ready: '[data-testid=campaign-preview]',
      },
      {
        name: 'campaign progress',
        path: `/resources/Campaign/records/${campaigns[1].id}/show`,
        ready: '[data-testid=campaign-progress]',
      },
      ...catalog.screens,
    ]
  }

  test('the screens no seeded record offers are exactly the ones listed with their reason', async () => {
    await page.goto(base)
    await page.waitForSelector('[data-testid=client-dashboard]')
    const walked = await screens()
    process.stdout.write(
      `screen walk: ${walked.length} screens, ${walked.filter((s) => s.phone !== false).length} phone layouts, ` +
        `${walked.filter((s) => s.drawer).length} drawers\n`,
    )
    expect(catalog?.notOpened.sort()).toEqual(Object.keys(NOT_OPENED).sort())
  })

  // French first, then English: every screen at 1440 and the phone layouts at 390.
  for (const language of ['fr', 'en'] as const) {
    test(`every screen in ${language}: no sideways scroll, no serious axe finding${language === 'fr' ? ', no English' : ''}, drawers closed`, async () => {
      await page.goto(base)
      await page.waitForSelector('[data-testid=client-dashboard]')
      if (language === 'en') await pickLanguage('Français', 'Anglais', 'English')
      const started = Date.now()
      const walked = await screens()
      const faults = await walkScreens(page, base, walked, language)
      if (language === 'en') await pickLanguage('English', 'French', 'Français')
      process.stdout.write(
        `screen walk (${language}): ${walked.length} screens in ${Date.now() - started} ms\n`,
      )
      expect(faults).toEqual([])
      expect(session.errors).toEqual([])
    }, 1_200_000)
  }

  test('the client area’s pages, in French and in English, at 1440 and 390 px: no sideways scroll, no serious axe finding, no English in French', async () => {
    // A seeded client who may log in (the demo's clients' password), without 2FA.
    const [account] = await db.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where("c.status = 'active'")
      .andWhere('c.emailConfirmedAt IS NOT NULL')
      .andWhere('c.twoFactorEnabledAt IS NULL')
      .andWhere('c.passwordHash IS NOT NULL')
      .orderBy('c.id', 'DESC')
      .take(1)
      .getMany()
    const credentials = { email: String(account.email), password: 'client-demo' }
    const faults = [
      ...(await walkClientArea(page, session.origin, credentials, 'fr')),
      ...(await walkClientArea(page, session.origin, credentials, 'en')),
    ]
    expect(faults).toEqual([])
  }, 300_000)
})
