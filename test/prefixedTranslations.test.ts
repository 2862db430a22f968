// Under `resourceIdPrefix` the plugin's texts are found under the prefixed ids (issue 26, point 1):
// the list was titled "Client Title List Resource" and the client page "Client Title Show 1"
// because the header stored its titles under `resources.Client…`. Here the translations are
// resolved by i18next and AdminJS's own translate functions, as the panel resolves them.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import i18next from 'i18next'
import { createFunctions } from 'adminjs'
import { buildLocale, mergeLocale } from '../src/locale/index.js'
import { PLUGIN_RESOURCE_NAMES, resourceIdsFor } from '../src/shared/resourceIds.js'
import { clientPageTitle } from '../src/components/common/clientTitles.js'

async function translatorFor(prefix: string, language: 'en' | 'fr', host = {}) {
  const locale = mergeLocale(buildLocale(language, resourceIdsFor(prefix)), { translations: host })
  const i18n = i18next.createInstance()
  await i18n.init({
    lng: language,
    initImmediate: false,
    resources: Object.fromEntries(
      Object.entries(locale.translations ?? {}).map(([lang, tree]) => [lang, { translation: tree }]),
    ),
  })
  return { i18n, t: createFunctions(i18n) }
}

const dupont = { id: 1, params: { lastName: 'Dupont', firstName: 'Jean', clientNumber: 'C1' } }

describe.each(['Crm', ''])('prefix "%s"', (prefix) => {
  const id = `${prefix}Client`

  test.each([
    ['en', 'Clients', 'Dupont Jean · C1', 'Suspend: Dupont Jean · C1'],
    ['fr', 'Clients', 'Dupont Jean · C1', 'Suspendre : Dupont Jean · C1'],
  ] as const)(
    '%s: the list, the client page and a drawer are titled as the header shows them',
    async (lang, list, show, drawer) => {
      const { i18n, t } = await translatorFor(prefix, lang)
      const titled = (action: { name: string; label: string }, record?: typeof dupont) => {
        const page = clientPageTitle(t, id, action, record)
        if (!page) return null
        i18n.addResource(i18n.language, 'translation', page.path, page.title)
        // What AdminJS's own header then does with the label it is given.
        return t.translateAction(page.label, id)
      }
      expect(titled({ name: 'list', label: 'list' })).toBe(list)
      expect(titled({ name: 'show', label: 'show' }, dupont)).toBe(show)
      expect(titled({ name: 'suspend', label: 'suspend' }, dupont)).toBe(drawer)
    },
  )

  test('the navigation, properties, labels and actions of every resource are translated', async () => {
    const { t } = await translatorFor(prefix, 'en')
    const ids = resourceIdsFor(prefix)
    for (const name of PLUGIN_RESOURCE_NAMES) {
      // A humanised key (`Client Event`) is what an untranslated label looks like.
      expect([name, t.translateLabel(ids[name], ids[name])]).not.toEqual([
        name,
        name.replace(/(?!^)([A-Z])/g, ' $1'),
      ])
    }
    expect(t.translateLabel(ids.Client, ids.Client)).toBe('Clients')
    expect(t.translateProperty('lastName', ids.Client)).toBe('Last name')
    expect(t.translateLabel('status.suspended', ids.Client)).toBe('Suspended')
    expect(t.translateAction('suspend', ids.Client)).toBe('Suspend')
  })
})

test('a host resource named like ours keeps its own texts under a prefix', async () => {
  const { t } = await translatorFor('Crm', 'en', { en: { labels: { Client: 'Host clients' } } })
  expect(t.translateLabel('Client', 'Client')).toBe('Host clients')
  expect(t.translateLabel('CrmClient', 'CrmClient')).toBe('Clients')
})

test('no component builds a translation key from a plugin resource’s plain name', async () => {
  const dir = 'src/components'
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const plain = new RegExp(`resources\\.(${PLUGIN_RESOURCE_NAMES.join('|')})\\b`)
  const found: string[] = []
  for (const e of entries.filter((f) => f.isFile() && /\.tsx?$/.test(f.name))) {
    const file = path.join(e.parentPath, e.name)
    const lines = (await readFile(file, 'utf8')).split('\n')
    lines.forEach((line, i) => {
      if (plain.test(line)) found.push(`${file}:${i + 1}`)
    })
  }
  expect(found).toEqual([])
})
