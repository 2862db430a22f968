import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { Client, ClientEvent, Commission, ImportBatch } from '../../src/index.js'
import { phoneSearchKey } from '../../src/shared/searchText.js'
import { createField } from '../../src/services/customFields/fieldCatalog.js'
import type { Actor } from '../../src/services/core/requestValues.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { demoImportFile } from '../support/fixtures.js'
import { describeInBrowser, logInToPanel, openBrowser, type BrowserSession } from './browser.js'

describeInBrowser('the panel in a real browser (SQLite)', () => {
  let db: TestDatabase
  let session: BrowserSession
  let page: Page
  let base: string
  let demo: Awaited<ReturnType<typeof seededDemo>>

  beforeAll(async () => {
    db = await createTestDatabase('sqlite')
    demo = await seededDemo(db, { origins: null })
    session = await openBrowser(demo.app)
    page = session.page
    base = `${session.origin}/admin`
    await logInToPanel(page, session.origin)
    // The first page bundles the plugin's components.
    await page.goto(`${base}/resources/Client?filters.status=active`, { timeout: 150_000 })
    await page.waitForSelector('[data-status]', { timeout: 150_000 })
  })

  afterAll(async () => {
    await demo?.clients.jobs.stop()
    await session?.close()
    await db?.dispose()
  })

  test('suspend from the Status menu: the reason is required, then the badge turns to suspended and the history has it', async () => {
    await page.goto(`${base}/resources/Client?filters.status=active&sortBy=lastName&direction=asc`)
    await page.waitForSelector('[data-status=active]')
    await page.click('tbody tr:first-child td:nth-child(3)')
    await page.waitForURL(/\/records\/(\d+)\/show$/)
    const id = Number(/records\/(\d+)\/show/.exec(page.url())?.[1])
    await page.click('text=Statut >> nth=0')
    await page.click('text=Suspendre')
    await page.waitForSelector('[data-testid=client-action-suspend]')
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Ce champ est obligatoire.')
    expect((await db.dataSource.getRepository(Client).findOneByOrFail({ id })).status).toBe('active')

    await page.fill('textarea[name=reason]', 'Impayé de cotisation')
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Client suspendu.')
    await page.waitForSelector('[data-status=suspended]')
    const event = await db.dataSource
      .getRepository(ClientEvent)
      .findOneByOrFail({ clientId: id, type: 'suspended' })
    expect(event).toMatchObject({ actor: 'admin@example.com', reason: 'Impayé de cotisation' })
  })

  test('the search box finds a client by a part of its name, the total then exact', async () => {
    const [client] = await db.dataSource.getRepository(Client).find({ where: { status: 'active' }, take: 1 })
    await page.goto(`${base}/resources/Client`)
    await page.waitForSelector('text=/≈ \\d+/')
    await page.fill('[data-testid=client-search] input', client.lastName.slice(0, 4).toLowerCase())
    await page.press('[data-testid=client-search] input', 'Enter')
    await page.waitForURL(/filters\.q=/)
    await page.waitForSelector(`text=${client.clientNumber}`)
    expect(await page.locator('text=/≈ \\d+/').count()).toBe(0)
  })

  test('pending and suspended share their yellow but not their shape: a ring and a dot, in the list and its legend', async () => {
    await page.goto(`${base}/resources/Client?sortBy=lastName&direction=asc`)
    await page.waitForSelector('[data-testid=legend-pending] [data-shape=ring]')
    expect(await page.locator('[data-testid=legend-suspended] [data-shape]').getAttribute('data-shape')).toBe(
      'dot',
    )
    await page.goto(`${base}/resources/Client?filters.status=pending`)
    await page.waitForSelector('tbody [data-testid=status-dot][data-status=pending]')
    expect(await page.locator('tbody [data-testid=status-dot][data-shape=dot]').count()).toBe(0)
    await page.goto(`${base}/resources/Client?filters.status=suspended`)
    await page.waitForSelector('tbody [data-testid=status-dot][data-status=suspended]')
    expect(await page.locator('tbody [data-testid=status-dot][data-shape=ring]').count()).toBe(0)
  })

  test('the email log at 1440: an address breaks after its @ or before a dot, never inside a name', async () => {
    await page.goto(`${base}/resources/EmailLog`)
    await page.waitForSelector('tbody td[data-property-name=to] [data-testid=value-to]')
    // Each piece of text of an address on one line (it was `thomas.noel.44@exa` / `mple.fr`).
    const split = await page.locator('tbody td[data-property-name=to]').evaluateAll((cells) =>
      cells.flatMap((cell) => {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
        const broken: string[] = []
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange()
          range.selectNodeContents(node)
          if (range.getClientRects().length > 1) broken.push(node.textContent ?? '')
        }
        return broken
      }),
    )
    expect(split).toEqual([])
  })

  test('a phone typed in another format finds its client; a search that finds nobody says so and clears', async () => {
    const [client] = await db.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where("c.status = 'active' AND c.phone IS NOT NULL")
      .orderBy('c.id')
      .take(1)
      .getMany()
    // The international form of the number, whatever the form it was stored in.
    const international = `+33 ${phoneSearchKey(client.phone, 'FR')}`
    await page.goto(`${base}/resources/Client`)
    await page.fill('[data-testid=client-search] input', international)
    await page.press('[data-testid=client-search] input', 'Enter')
    await page.waitForURL(/filters\.q=/)
    await page.waitForSelector(`text=${client.clientNumber}`)

    await page.fill('[data-testid=client-search] input', 'zzqq nobody')
    await page.press('[data-testid=client-search] input', 'Enter')
    await page.waitForSelector('[data-testid=client-search-empty]')
    expect(await page.locator('[data-testid=client-search-empty]').innerText()).toContain(
      'Aucun client ne correspond à « zzqq nobody »',
    )
    expect(await page.locator('text=Créer le premier enregistrement').count()).toBe(0)
    await page.click('[data-testid=client-search-clear]')
    await page.waitForSelector('tbody [data-status]')
    expect(new URL(page.url()).searchParams.get('filters.q')).toBeNull()
    expect(await page.inputValue('[data-testid=client-search] input')).toBe('')
  })

  test('the demo file: upload, dry run, import with progress, then undo from the batch page', async () => {
    const before = await db.dataSource.getRepository(Commission).count()
    await page.goto(`${base}/resources/Commission/actions/importCommissions`)
    await page.setInputFiles('#import-file', demoImportFile)
    await page.click('[data-testid=import-read]')
    await page.waitForSelector('[data-testid=import-mapping]')
    await page.click('[data-testid=import-dry-run]')
    await page.waitForSelector('[data-testid=import-dry-run-result]')
    expect(await page.locator('[data-count=imported]').innerText()).toBe('6')
    expect(await page.locator('[data-count=failed]').innerText()).toBe('2')
    expect(await db.dataSource.getRepository(Commission).count()).toBe(before)

    // No worker yet: the page says the import waits for one, and keeps reading it.
    await page.click('[data-testid=import-run]')
    await page.waitForSelector('[data-testid=import-progress][data-status=queued]')
    expect(await page.locator('[data-testid=import-waiting]').count()).toBe(1)
    demo.clients.jobs.start()
    await page.waitForSelector('[data-testid=import-progress][data-status=done]', { timeout: 30_000 })
    expect(await db.dataSource.getRepository(Commission).count()).toBe(before + 6)
    // A reload shows the import again (its id is in the address), read from the database.
    await page.reload()
    await page.waitForSelector('[data-testid=import-progress][data-status=done]', { timeout: 30_000 })
    await page.click('[data-testid=import-batch-link]')
    await page.waitForURL(/ImportBatch\/records\/\d+\/show/)
    await page.goto(page.url().replace(/\/show$/, '/undoImport'))
    await page.click('[data-testid=client-action-submit]')
    await page.waitForSelector('text=Import annulé')
    expect(await db.dataSource.getRepository(Commission).count()).toBe(before)
    expect((await db.dataSource.getRepository(ImportBatch).find())[0].status).toBe('undone')
  })

  test('the mapping screen with a custom field and tags: a statement column fills each, dry run, import, seen on the new client page', async () => {
    await createField(db.dataSource, { email: 'admin@example.com', ip: null } satisfies Actor, {
      key: 'profil_import',
      type: 'choice',
      labelFr: 'Profil importé',
      labelEn: 'Imported profile',
      choices: 'prudent | Prudent | Cautious | green\ndynamique | Dynamique | Dynamic | red',
    })
    // Columns the setup does not propose by name: the admin maps them on the screen.
    const file = path.join(os.tmpdir(), `releve-navigateur-${process.pid}.csv`)
    writeFileSync(
      file,
      [
        'Nom,Email,Période,Montant,Segment client,Groupes',
        'Navigateur,navigateur.import@example.fr,2026-04,42.00,dynamique,"VIP-Import; Relance-Import"',
      ].join('\n'),
    )
    await page.goto(`${base}/resources/Commission/actions/importCommissions`)
    await page.setInputFiles('#import-file', file)
    await page.click('[data-testid=import-read]')
    await page.waitForSelector('[data-testid=import-mapping]')
    expect(await page.innerText('[data-testid=import-mapping]')).toContain('Profil importé')
    await page.selectOption('select[data-field=cf__profil_import]', { label: 'Segment client' })
    await page.selectOption('select[data-field=tags]', { label: 'Groupes' })
    await page.click('[data-testid=import-dry-run]')
    await page.waitForSelector('[data-testid=import-dry-run-result]')
    expect(await page.locator('[data-count=imported]').innerText()).toBe('1')
    expect(await page.locator('[data-count=failed]').innerText()).toBe('0')
    expect(await db.dataSource.getRepository(Client).countBy({ email: 'navigateur.import@example.fr' })).toBe(
      0,
    )

    await page.click('[data-testid=import-run]')
    await demo.clients.jobs.runOnce()
    await page.waitForSelector('[data-testid=import-progress][data-status=done]', { timeout: 30_000 })
    const client = await db.dataSource
      .getRepository(Client)
      .findOneByOrFail({ email: 'navigateur.import@example.fr' })
    await page.goto(`${base}/resources/Client/records/${client.id}/show`)
    await page.waitForSelector('[data-testid=custom-field-profil_import] >> text=Dynamique')
    await page.waitForSelector('[data-testid=client-tags] >> text=VIP-Import')
    await page.waitForSelector('[data-testid=client-tags] >> text=Relance-Import')
  })
})
