// French without English, and plurals that agree (issue 31, finding 6): our French translations
// rendered by i18next as the panel renders them (AdminJS's own i18next, its options), and the
// notices the server builds, checked for the English the panel used to show and for "1 clients".
import i18next, { type i18n } from 'i18next'
import { buildLocale, translations } from '../src/locale/index.js'
import { bulkNotice } from '../src/actions/core/bulkFormAction.js'
import { recordNotice } from '../src/actions/core/clientActionSpecs.js'
import type { LifecycleResult } from '../src/services/lifecycle/clientLifecycle.js'
import { englishIn } from './support/englishSeen.js'

type Tree = { [key: string]: unknown }
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((out, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return value && typeof value === 'object'
      ? { ...out, ...flatten(value as Tree, path) }
      : { ...out, [path]: String(value) }
  }, {})

/** A count of one with a plural noun or adjective after it. */
const ONE_WITH_PLURAL =
  /(?<![\d,.\u202f\u00a0])1 (clients|lignes|contrats|e-mails|commissions|comptes|imports|actifs|suspendus|résiliés|autres)\b/

/** What is wrong with a French text: an English word seen in the panel, a missing key, "1 clients". */
const faults = (text: string): string[] => [
  ...englishIn(text),
  ...(text.includes('MISSING') ? ['a missing key'] : []),
  ...(ONE_WITH_PLURAL.test(text) ? ['a plural after 1'] : []),
]
const expectFrench = (text: string) => expect([text, faults(text)]).toEqual([text, []])

let french: i18n

beforeAll(async () => {
  const locale = buildLocale('fr')
  french = i18next.createInstance()
  // As AdminJS starts it in the browser (adminjs/src/locale/default-config.ts): a missing key
  // shows its startCase there ("Security Settings Fields Retention Months"); here, a marker.
  await french.init({
    lng: 'fr',
    fallbackLng: 'fr',
    resources: { fr: { translation: locale.translations!.fr as Tree } },
    interpolation: { escapeValue: false },
    parseMissingKeyHandler: (key: string) => `MISSING ${key}`,
  })
})

const result = (over: Partial<LifecycleResult>): LifecycleResult =>
  ({ changed: [1], skipped: [], emails: { queued: 0, failed: 0 }, ...over }) as LifecycleResult

describe('French, as the panel renders it', () => {
  test('the notices the server builds are French through and through', () => {
    const suspended = recordNotice(
      'fr',
      'clientSuspended',
      result({ emails: { queued: 1, failed: 0, error: null } } as Partial<LifecycleResult>),
    )
    const one = french.t(`messages.${suspended.message}`, suspended.options ?? {})
    expect(one).toBe('Client suspendu. 1 e-mail mis en file d’attente.')
    const bulk = bulkNotice(
      'fr',
      result({
        changed: [1, 2, 3],
        skipped: [{ id: 9, clientNumber: 'C9', reason: 'notActive' }],
        emails: { queued: 3, failed: 0, error: null },
      } as Partial<LifecycleResult>),
    )
    const text = french.t(`messages.${bulk.message}`, bulk.options ?? {})
    expect(text).toBe(
      '3 clients modifiés, 1 laissé tel quel : C9 : le compte n’est pas actif. 3 e-mails mis en file d’attente.',
    )
    for (const rendered of [one, text]) expectFrench(rendered)
  })

  test('counts agree: one client, one row, 63 active contracts', () => {
    expect(french.t('messages.contractsChanged', { count: 1, clients: 1 })).toBe(
      '1 contrat modifié (1 client concerné).',
    )
    expect(french.t('messages.contractsChanged', { count: 3, clients: 2 })).toBe(
      '3 contrats modifiés (2 clients concernés).',
    )
    expect(french.t('messages.contractsChanged', { count: 3, clients: 1 })).toBe(
      '3 contrats modifiés (1 client concerné).',
    )
    expect(french.t('components.CommissionImport.import', { count: 1 })).toBe('Importer 1 ligne')
    expect(french.t('components.CommissionImport.import', { count: 12 })).toBe('Importer 12 lignes')
    const byStatus = (status: string, count: number) =>
      french.t(`components.AdvisorShow.contractsByStatus.${status}`, { count })
    expect([byStatus('active', 63), byStatus('suspended', 1), byStatus('terminated', 14)].join(', ')).toBe(
      '63 actifs, 1 suspendu, 14 résiliés',
    )
    expect(french.t('components.AdvisorShow.clients', { count: 1 })).toBe('1 client (référent)')
  })

  test('what AdminJS shows in English unless told: booleans, the retention setting’s history', () => {
    expect(french.t('resources.Advisor.labels.active.true')).toBe('Oui')
    expect(french.t('resources.Advisor.labels.active.false')).toBe('Non')
    expect(french.t('components.SecuritySettings.fields.gdpr.retentionMonths')).toBe(
      'Anonymisation des clients inactifs (mois)',
    )
    expect(french.t('components.PanelAccessibility.choose')).toBe('Choisir…')
  })

  test('every French message and component text, with a count of 1 and of 3, has no English and agrees', () => {
    const keys = Object.keys(flatten(translations.fr as Tree))
      .filter((key) => /^(messages|components)\./.test(key))
      // One entry per plural family: i18next picks the form.
      .map((key) => key.replace(/_(one|other|many)$/, ''))
    const wrong: string[] = []
    for (const key of new Set(keys)) {
      // A form's bulk intro is shown for two records or more (one shows the form's `intro`).
      for (const count of key.endsWith('.bulkIntro') ? [3] : [1, 3]) {
        const text = french.t(key, { count, clients: count, skipped: count, total: count })
        const found = faults(text)
        if (found.length) wrong.push(`${key} (${count}): ${text} [${found.join(', ')}]`)
      }
    }
    expect(wrong).toEqual([])
  })
})
