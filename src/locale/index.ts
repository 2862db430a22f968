import { locales as adminjsLocales, type Locale, type LocaleTranslations } from 'adminjs'
import { en } from './en/index.js'
import { fr } from './fr/index.js'
import { adminjsFr } from './fr/adminjs.js'
import { enAccounts } from './en/accounts.js'
import { frAccounts } from './fr/accounts.js'
import { enExport } from './en/export.js'
import { frExport } from './fr/export.js'
import { enGdpr } from './en/gdpr.js'
import { frGdpr } from './fr/gdpr.js'
import type { Language } from '../services/core/options.js'

type Tree = { [key: string]: unknown }

function deepMerge(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base }
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key]
    out[key] =
      value && typeof value === 'object' && current && typeof current === 'object'
        ? deepMerge(current as Tree, value as Tree)
        : value
  }
  return out
}

/** Our strings over AdminJS's, per language: French needs AdminJS's own French too (it ships none). */
export const translations: Record<Language, LocaleTranslations> = {
  en: [en, enAccounts, enExport, enGdpr].reduce<Tree>(
    (merged, part) => deepMerge(merged, part),
    adminjsLocales.en as Tree,
  ) as LocaleTranslations,
  fr: [fr, frAccounts, frExport, frGdpr].reduce<Tree>(
    (merged, part) => deepMerge(merged, part),
    adminjsFr as Tree,
  ) as LocaleTranslations,
}

export function buildLocale(language: Language): Locale {
  return { language, availableLanguages: ['fr', 'en'], translations }
}

/** Merges the plugin's locale with the host's own translations (the host's win on conflicts). */
export function mergeLocale(ours: Locale, host?: Partial<Locale>): Locale {
  if (!host) return ours
  const merged: Record<string, LocaleTranslations> = { ...ours.translations } as Record<
    string,
    LocaleTranslations
  >
  for (const [lang, value] of Object.entries(host.translations ?? {})) {
    merged[lang] = deepMerge((merged[lang] ?? {}) as Tree, value as Tree) as LocaleTranslations
  }
  return {
    language: host.language ?? ours.language,
    availableLanguages: host.availableLanguages ?? ours.availableLanguages,
    translations: merged,
  }
}

/**
 * A message of ours in one language, on the server (AdminJS 7 translates only in the browser):
 * for texts built server-side, such as the list of skipped clients in a bulk notice.
 */
export function translateMessage(
  language: string,
  key: string,
  options: Record<string, unknown> = {},
): string {
  const lang = (language in translations ? language : 'en') as Language
  // `a.b` reads a nested message, as i18next does in the browser.
  const text = key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Tree | undefined)?.[part],
      (translations[lang] as Tree).messages,
    )
  if (typeof text !== 'string') return key
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in options ? String(options[name]) : whole,
  )
}
