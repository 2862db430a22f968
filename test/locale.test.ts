import { locales } from 'adminjs'
import { DataSource } from 'typeorm'
import { clientManagementEntities } from '../src/index.js'
import { en } from '../src/locale/en/index.js'
import { fr } from '../src/locale/fr/index.js'
import { adminjsFr } from '../src/locale/fr/adminjs.js'
import { enAccounts } from '../src/locale/en/accounts.js'
import { frAccounts } from '../src/locale/fr/accounts.js'
import { enExport } from '../src/locale/en/export.js'
import { frExport } from '../src/locale/fr/export.js'
import { enGdpr } from '../src/locale/en/gdpr.js'
import { frGdpr } from '../src/locale/fr/gdpr.js'
import { enImpersonation } from '../src/locale/en/impersonation.js'
import { frImpersonation } from '../src/locale/fr/impersonation.js'
import { enTemplates } from '../src/locale/en/templates.js'
import { frTemplates } from '../src/locale/fr/templates.js'
import { enCustomFields } from '../src/locale/en/customFields.js'
import { frCustomFields } from '../src/locale/fr/customFields.js'
import {
  LANGUAGE_COOKIE,
  buildLocale,
  chosenLanguage,
  mergeLocale,
  translations,
} from '../src/locale/index.js'
import {
  CLIENT_EVENT_TYPES,
  CLIENT_STATUSES,
  COMMISSION_STATUSES,
  CONTRACT_STATUSES,
} from '../src/entities/columns.js'
import { RESOURCE_ENTITIES, RESOURCE_IDS } from './support/resourceIds.js'

type Tree = { [key: string]: unknown }
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((out, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return value && typeof value === 'object'
      ? { ...out, ...flatten(value as Tree, path) }
      : { ...out, [path]: String(value) }
  }, {})
const placeholders = (text: string) => (text.match(/{{\w+}}|<\/?\d+>/g) ?? []).sort()

describe('translations', () => {
  test.each([
    ['plugin', en, fr],
    ['accounts and settings', enAccounts, frAccounts],
    ['exports', enExport, frExport],
    ['GDPR', enGdpr, frGdpr],
    ['impersonation', enImpersonation, frImpersonation],
    ['email templates', enTemplates, frTemplates],
    ['custom fields', enCustomFields, frCustomFields],
    ['AdminJS base', locales.en, adminjsFr],
  ])('%s strings: French has exactly the English keys and placeholders', (_name, english, french) => {
    const e = flatten(english as Tree)
    const f = flatten(french as Tree)
    expect(Object.keys(f).sort()).toEqual(Object.keys(e).sort())
    for (const key of Object.keys(e)) expect([key, placeholders(f[key])]).toEqual([key, placeholders(e[key])])
    for (const key of Object.keys(f)) expect([key, f[key].trim()]).not.toEqual([key, ''])
  })

  test('every visible column of every resource has a label in both languages', async () => {
    const ds = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: clientManagementEntities,
    })
    await ds.initialize()
    const secret = new Set([
      'passwordHash',
      'twoFactorSecret',
      'twoFactorRecoveryCodes',
      'tokenHash',
      'pendingContent',
    ])
    for (const lang of ['fr', 'en'] as const) {
      const resources = translations[lang].resources as Tree
      for (const id of RESOURCE_IDS) {
        const entity = clientManagementEntities.find((e) => e.name === (RESOURCE_ENTITIES[id] ?? id))!
        const properties = (resources[id] as { properties: Record<string, string> }).properties
        for (const column of ds.getMetadata(entity).columns) {
          if (secret.has(column.propertyName)) continue
          expect([lang, id, column.propertyName, typeof properties[column.propertyName]]).toEqual([
            lang,
            id,
            column.propertyName,
            'string',
          ])
          // AdminJS shows a boolean as "Yes"/"No" (English in every language) unless it is labelled.
          if (column.type === 'boolean' || column.type === Boolean) {
            const labels = flatten(resources[id] as Tree)
            expect([
              lang,
              id,
              labels[`labels.${column.propertyName}.true`],
              labels[`labels.${column.propertyName}.false`],
            ]).toEqual([lang, id, lang === 'fr' ? 'Oui' : 'Yes', lang === 'fr' ? 'Non' : 'No'])
          }
        }
      }
    }
    await ds.destroy()
  })

  test('every enum value has a label in both languages', () => {
    const cases: [string, string, readonly string[]][] = [
      ['Client', 'status', CLIENT_STATUSES],
      ['Contract', 'status', CONTRACT_STATUSES],
      ['Commission', 'status', COMMISSION_STATUSES],
      ['ClientEvent', 'type', CLIENT_EVENT_TYPES],
    ]
    for (const lang of ['fr', 'en'] as const) {
      const labels = flatten(translations[lang].resources as Tree)
      for (const [resource, property, values] of cases) {
        for (const value of values) expect(labels[`${resource}.labels.${property}.${value}`]).toBeTruthy()
      }
    }
    expect(flatten(translations.fr as Tree)['resources.Client.labels.status.banned']).toBe('Banni')
    expect(flatten(translations.fr as Tree)['buttons.save']).toBe(adminjsFr.buttons.save)
  })

  test('mergeLocale adds the host’s strings: the host wins, ours stay where it says nothing', () => {
    const merged = mergeLocale(buildLocale('fr'), {
      language: 'en',
      translations: {
        fr: { labels: { Client: 'Assurés', Invoice: 'Factures' } },
        de: { labels: { Client: 'Kunden' } },
      },
    })
    expect(merged.language).toBe('en')
    const fr = flatten(merged.translations!.fr as Tree)
    expect(fr['labels.Client']).toBe('Assurés')
    expect(fr['labels.Invoice']).toBe('Factures')
    expect(fr['labels.Advisor']).toBe('Conseillers')
    expect(fr['buttons.save']).toBe(adminjsFr.buttons.save)
    expect(flatten(merged.translations!.de as Tree)['labels.Client']).toBe('Kunden')
    expect(flatten(translations.fr as Tree)['labels.Client']).toBe('Clients')
  })

  test('the chosen language is kept in a cookie (never guessed from the browser) and survives mergeLocale', () => {
    const locale = mergeLocale(buildLocale('fr'), { translations: { fr: { labels: { Client: 'Assurés' } } } })
    expect(locale).toMatchObject({
      localeDetection: true,
      detection: { order: ['cookie'], caches: ['cookie'], lookupCookie: LANGUAGE_COOKIE },
    })
    expect(chosenLanguage(undefined, locale)).toBe('fr')
    expect(chosenLanguage(`a=1; ${LANGUAGE_COOKIE}=en; b=2`, locale)).toBe('en')
    expect(chosenLanguage(`${LANGUAGE_COOKIE}=de`, locale)).toBe('fr')
    expect(chosenLanguage(`x${LANGUAGE_COOKIE}=en`, locale)).toBe('fr')
    expect(chosenLanguage(`${LANGUAGE_COOKIE}=%E0%A4%A`, locale)).toBe('fr')
  })
})
