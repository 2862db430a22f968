import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { Client, Tag } from '../../src/index.js'
import { ClientCustomValue, CustomField, SavedView } from '../../src/entities/index.js'
import { createTestDatabase, type TestDatabase } from '../support/databases.js'
import { seededDemo } from '../support/demoAgent.js'
import { describeInBrowser, docsPicture, openPanel, settledChecked, type PanelSession } from './browser.js'
import { walkScreens } from './screenWalk.js'

// Issue 28's "done when", in a real browser: a firm admin adds "Date de naissance" (date,
// personal, required), "Profil de risque" (one choice) and a tag "VIP" in the panel, fills them on
// a client (and on others for contrast), filters the list "dynamique + VIP" in the filter drawer,
// shows the fields as columns, saves it all as a shared view, exports it, finds the values in the
// client's GDPR archive, and adds a file. The README's pictures of it are written to docs/, in
// French and in English, under `npm run screenshots` only (docsPicture).

describeInBrowser(
  'the client record the firm shapes: custom fields, tags, views, files (Chromium, SQLite)',
  () => {
    let db: TestDatabase
    let session: PanelSession
    let page: Page
    let base: string
    let clients: Client[]

    /** Clicks and returns the downloaded file's bytes. */
    const download = async (selector: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
      return { name: file.suggestedFilename(), bytes: await readFile((await file.path()) as string) }
    }
    /** AdminJS's select of a property: typed and picked with Enter. */
    const pick = async (property: string, label: string) => {
      await page.click(`[data-testid=property-edit-${property}] input`)
      await page.keyboard.type(label)
      await page.keyboard.press('Enter')
    }
    /** A design-system checkbox (its input hidden under its drawing): ticked through its label. */
    const tick = async (id: string) => {
      await page.click(`label[for=${id}]`)
      expect(await settledChecked(page, `#${id}`, true)).toBe(true)
    }

    const defineField = async (fill: () => Promise<void>, labelFr: string) => {
      await page.goto(`${base}/resources/CustomField/actions/new`)
      await page.waitForSelector('[data-testid=property-edit-key] input')
      await fill()
      await page.click('[data-testid=button-save]')
      await page.waitForURL(/CustomField\/records\/\d+\/show/)
      return db.dataSource.getRepository(CustomField).findOneByOrFail({ labelFr })
    }

    const tagOnPage = async (client: Client, name: string) => {
      await page.goto(`${base}/resources/Client/records/${client.id}/show`)
      await page.waitForSelector('[data-testid=client-tags]')
      await page.fill('#client-tag-name', name)
      await page.press('#client-tag-name', 'Enter')
      await page.waitForSelector(`[data-testid=client-tags] >> text=${name}`)
    }

    const fillCustom = async (client: Client, birth: string, risk: string) => {
      await page.goto(`${base}/resources/Client/records/${client.id}/edit`)
      await page.waitForSelector('#custom-field-date_naissance')
      await page.fill('#custom-field-date_naissance', birth)
      await page.selectOption('#custom-field-profil_risque', risk)
      await page.click('[data-testid=button-save]')
      await page.waitForURL(new RegExp(`/records/${client.id}/show`))
    }

    const switchLanguage = async (from: string, menuItem: string, to: string) => {
      await page.hover(`button:has-text("${from}")`)
      await page.click(`.adminjs_DropDownMenu >> text=${menuItem}`)
      await page.waitForSelector(`button:has-text("${to}")`)
    }

    beforeAll(async () => {
      db = await createTestDatabase('sqlite')
      const demo = await seededDemo(db, { origins: null })
      clients = await db.dataSource
        .getRepository(Client)
        .find({ where: { status: 'active' }, order: { id: 'ASC' }, take: 3 })
      session = await openPanel(demo.app)
      page = session.page
      base = session.base
    })

    afterAll(async () => {
      await session?.close()
      await db?.dispose()
    })

    test('define, fill, filter, show as columns, save as a shared view, export, archive, attach a file', async () => {
      const [a, b, c] = clients
      // The two fields, defined in the panel's form; a mistake is a field error, not a 500.
      await page.goto(`${base}/resources/CustomField/actions/new`)
      await page.waitForSelector('[data-testid=property-edit-key] input')
      await page.fill('#key', 'Date de naissance')
      await page.click('[data-testid=button-save]')
      await page.waitForSelector('[data-testid=property-edit-key] >> text=/lettre minuscule/')
      const birth = await defineField(async () => {
        await page.fill('#key', 'date_naissance')
        await pick('type', 'Date')
        await page.fill('#labelFr', 'Date de naissance')
        await page.fill('#labelEn', 'Date of birth')
        await tick('required')
        await tick('personal')
      }, 'Date de naissance')
      expect(birth).toMatchObject({ key: 'date_naissance', type: 'date', required: true, personal: true })
      const risk = await defineField(async () => {
        await page.fill('#key', 'profil_risque')
        await pick('type', 'Un choix')
        await page.fill('#labelFr', 'Profil de risque')
        await page.fill('#labelEn', 'Risk profile')
        await page.fill(
          '#choices',
          'prudent | Prudent | Cautious | green\nequilibre | Équilibré | Balanced | blue\ndynamique | Dynamique | Dynamic | red',
        )
      }, 'Profil de risque')
      expect(risk).toMatchObject({ key: 'profil_risque', type: 'choice' })
      expect(risk.choices).toContain('dynamique')

      // Filled on three clients: A dynamique and VIP, B dynamique only, C VIP only.
      await fillCustom(a, '1975-03-04', 'dynamique')
      await fillCustom(b, '1982-11-20', 'dynamique')
      await tagOnPage(a, 'VIP')
      await tagOnPage(c, 'VIP')
      const vip = await db.dataSource.getRepository(Tag).findOneByOrFail({ nameKey: 'vip' })
      expect(await db.dataSource.getRepository(ClientCustomValue).countBy({ clientId: a.id })).toBe(2)
      // The required date is a field error on the form, not a 500.
      await page.goto(`${base}/resources/Client/records/${c.id}/edit`)
      await page.waitForSelector('#custom-field-date_naissance')
      await page.selectOption('#custom-field-profil_risque', 'prudent')
      await page.fill('#custom-field-date_naissance', '1990-01-01')
      await page.fill('#custom-field-date_naissance', '')
      await page.click('[data-testid=button-save]')
      await page.waitForSelector('#custom-field-date_naissance-error')
      expect(await page.innerText('#custom-field-date_naissance-error')).not.toBe('')

      // The list filtered in its drawer: "Dynamique" ticked, the tag VIP ticked.
      await page.goto(`${base}/resources/Client?sortBy=lastName&direction=asc`)
      await page.waitForSelector('tbody tr[data-id]')
      await page.click('[data-css=Client-filter-button]')
      await page.waitForSelector('[data-testid=cf-filter-profil_risque-dynamique]')
      await page.check('[data-testid=cf-filter-profil_risque-dynamique]')
      await page.check('[data-css=Client-filter-drawer] label:has-text("VIP") input')
      await page.click('[data-css=Client-filter-drawer] button[type=submit]')
      await page.waitForURL(/filters\.customFields=profil_risque%3Aany%3Adynamique/)
      await page.waitForURL(/filters\.tags=/)
      await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-id]').length === 1)
      expect(await page.getAttribute('tbody tr[data-id]', 'data-id')).toBe(String(a.id))
      // AdminJS's filter drawer stays open after its filter is applied: closed by its own cross, as
      // an admin would before choosing the columns (open, it covers the picker's right side).
      await page.click('[data-css=Client-filter-drawer] h3 + button')
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('[data-css=Client-filter-drawer]')).every(
          (d) => d.getBoundingClientRect().left >= window.innerWidth - 1,
        ),
      )

      // The fields as columns, formatted: the date in French, the choice as its chip.
      await page.click('[data-testid=pick-columns]')
      // Each box changes the URL's columns (the list is drawn again from it).
      await page.click('label[for=column-cf__date_naissance]')
      await page.waitForURL(/columns=[^&]*cf__date_naissance/)
      await page.click('label[for=column-cf__profil_risque]')
      await page.waitForURL(/columns=[^&]*cf__profil_risque/)
      // Fewer of the list's own: the view fits the screen.
      for (const column of ['email', 'phone', 'activeContracts', 'createdAt']) {
        await page.click(`label[for=column-${column}]`)
        await page.waitForFunction(
          (name) => !(new URLSearchParams(location.search).get('columns') ?? '').split(',').includes(name),
          column,
        )
      }
      await page.waitForSelector('tbody [data-testid=cf__profil_risque-cell]')
      expect(await page.innerText('thead')).toContain('Profil de risque')
      expect(await page.innerText('tbody [data-testid=cf__date_naissance-cell]')).toBe('04/03/1975')
      expect(await page.innerText('tbody [data-testid=cf__profil_risque-cell]')).toBe('Dynamique')

      // Saved as a shared view: its filters (the custom field's and the tag's) and its columns.
      await page.click('[data-testid=save-view]')
      await page.fill('#save-view-name', 'Dynamiques VIP')
      await tick('save-view-shared')
      await page.click('[data-testid=save-view-submit]')
      await page.waitForSelector('text=Vue enregistrée.')
      const view = await db.dataSource.getRepository(SavedView).findOneByOrFail({ name: 'Dynamiques VIP' })
      expect(view.shared).toBe(true)
      expect(view.params).toMatchObject({
        'filters.customFields': 'profil_risque:any:dynamique',
        'filters.tags': String(vip.id),
      })
      expect(view.columns).toEqual(
        expect.arrayContaining(['lastName', 'cf__date_naissance', 'cf__profil_risque']),
      )
      const entry = page.locator(`[data-testid=view-${view.id}]`)
      await entry.waitFor()
      expect(await entry.locator('[data-testid=view-count]').innerText()).toBe('1')

      // Opened by its link alone: the same client, the same columns; the drawer shows its filters.
      await page.goto(`${base}/resources/Client?view=${view.id}`)
      await page.waitForURL(/filters\.customFields=/)
      await page.waitForSelector('tbody [data-testid=cf__profil_risque-cell]')
      expect(await page.locator('tbody tr[data-id]').count()).toBe(1)
      await page.click('[data-css=Client-filter-button]')
      expect(await settledChecked(page, '[data-testid=cf-filter-profil_risque-dynamique]', true)).toBe(true)
      expect(await settledChecked(page, '[data-testid=cf-filter-profil_risque-prudent]', false)).toBe(false)
      await page.click('[data-css=Client-filter-drawer] h3 + button')

      // Exported: the CSV holds the view's client, and only it.
      await page.click('text=Exporter >> nth=0')
      await page.waitForSelector('[data-testid=export-form]')
      const csv = await download('[data-testid=export-form] button[type=submit]')
      const [header, ...rows] = parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
        delimiter: ';',
      }) as string[][]
      expect(header[0]).toBe('N° client')
      expect(rows.map((row) => row[0])).toEqual([a.clientNumber])

      // The client's GDPR archive holds the values it was given.
      await page.goto(`${base}/resources/Client/records/${a.id}/show`)
      await page.waitForSelector('[data-testid=client-header]')
      await page.click('text=Compte >> nth=0')
      await page.click('text=Données personnelles (RGPD)')
      await page.waitForSelector('[data-testid=gdpr-archive]')
      const archive = await download('[data-testid=gdpr-archive] button')
      const files = unzipSync(new Uint8Array(archive.bytes))
      const texts = Object.entries(files)
        .filter(([name]) => name.endsWith('.json'))
        .map(([, bytes]) => strFromU8(bytes))
      expect(texts.some((text) => text.includes('1975-03-04'))).toBe(true)
      expect(texts.some((text) => text.includes('dynamique'))).toBe(true)
      expect(texts.some((text) => text.includes('"VIP"'))).toBe(true)

      // A file on its Files tab.
      await page.goto(`${base}/resources/Client/records/${a.id}/show?tab=files`)
      await page.waitForSelector('[data-testid=file-uploader]')
      await page.setInputFiles('#client-file-picker', {
        name: 'lettre-de-mission.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      })
      await page.fill('[id^=file-note-]', 'Lettre de mission signée')
      await page.click('[data-testid=file-upload]')
      await page.waitForSelector('[data-testid=tab-table-files] >> text=lettre-de-mission.pdf')

      // The README's pictures (1440 wide) and the walk's checks (axe, overflow, no English in
      // French), in French then in English.
      const screens = [
        {
          name: 'field editor',
          path: `/resources/CustomField/records/${risk.id}/edit`,
          ready: '[data-testid=property-edit-choices]',
        },
        {
          name: 'list with tags, a view and custom columns',
          path: `/resources/Client?view=${view.id}`,
          ready: 'tbody [data-testid=cf__profil_risque-cell]',
          filter: '[data-css=Client-filter-button]',
        },
        {
          name: 'files tab',
          path: `/resources/Client/records/${a.id}/show?tab=files`,
          ready: '[data-testid=tab-table-files]',
        },
      ]
      const pictures = ['custom-field-editor', 'clients-list-view', 'client-files']
      for (const language of ['fr', 'en'] as const) {
        if (language === 'en') await switchLanguage('Français', 'Anglais', 'English')
        expect(await walkScreens(page, base, screens, language)).toEqual([])
        for (const [i, screen] of screens.entries()) {
          await page.goto(`${base}${screen.path}`)
          await page.waitForSelector(screen.ready)
          await page.setViewportSize({ width: 1440, height: 900 })
          await docsPicture(page, `${pictures[i]}.${language}`)
          // The custom columns' headers in the panel's language.
          if (i === 1)
            expect(await page.innerText('thead')).toContain(
              language === 'fr' ? 'Profil de risque' : 'Risk profile',
            )
        }
      }
      await switchLanguage('English', 'French', 'Français')
      expect(session.errors).toEqual([])
      // The scenario, then the walk and the pictures in two languages: longer than a page's test.
    }, 540_000)
  },
)
