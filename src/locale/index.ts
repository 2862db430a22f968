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
import { enImpersonation } from './en/impersonation.js'
import { frImpersonation } from './fr/impersonation.js'
import { enTemplates } from './en/templates.js'
import { frTemplates } from './fr/templates.js'
import type { Language } from '../shared/language.js'
import { enTags } from './en/tags.js'
import { frTags } from './fr/tags.js'
import { enViews } from './en/views.js'
import { frViews } from './fr/views.js'
import { enCustomFields } from './en/customFields.js'
import { frCustomFields } from './fr/customFields.js'
import { enCampaigns } from './en/campaigns.js'
import { frCampaigns } from './fr/campaigns.js'
import { PLUGIN_RESOURCE_NAMES, resourceIdsFor, type ResourceIds } from '../shared/resourceIds.js'

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

/**
 * Our names of AdminJS's own actions (`bulkDelete`…) apply to our resources only: the global
 * key keeps AdminJS's text, so the host's resources keep theirs.
 */
function scopeBuiltInActions(adminjs: Tree, ours: Tree): Tree {
  const builtIn = adminjs.actions as Tree
  const own = { ...(ours.actions as Tree) }
  const scoped: Tree = {}
  for (const key of Object.keys(own)) {
    if (key in builtIn && own[key] !== builtIn[key]) {
      scoped[key] = own[key]
      delete own[key]
    }
  }
  const resources = Object.fromEntries(PLUGIN_RESOURCE_NAMES.map((name) => [name, { actions: scoped }]))
  return deepMerge({ ...ours, actions: own }, { resources })
}

function ourTranslations(adminjs: Tree, parts: Tree[]): LocaleTranslations {
  const own = parts.reduce<Tree>((merged, part) => deepMerge(merged, part), {})
  return deepMerge(adminjs, scopeBuiltInActions(adminjs, own)) as LocaleTranslations
}

/** Our strings over AdminJS's, per language: French needs AdminJS's own French too (it ships none). */
export const translations: Record<Language, LocaleTranslations> = {
  en: ourTranslations(adminjsLocales.en as Tree, [
    en,
    enAccounts,
    enExport,
    enGdpr,
    enImpersonation,
    enTemplates,
    enTags,
    enViews,
    enCustomFields,
    enCampaigns,
  ]),
  fr: ourTranslations(adminjsFr, [
    fr,
    frAccounts,
    frExport,
    frGdpr,
    frImpersonation,
    frTemplates,
    frTags,
    frViews,
    frCustomFields,
    frCampaigns,
  ]),
}

/** The keys named after our resources (`resources.Client`, `labels.Client`) renamed to their ids. */
function underIds(tree: LocaleTranslations, ids: ResourceIds): LocaleTranslations {
  const rename = (node: unknown): Tree =>
    Object.fromEntries(
      Object.entries((node ?? {}) as Tree).map(([key, value]) => [
        ids[key as keyof ResourceIds] ?? key,
        value,
      ]),
    )
  const t = tree as Tree
  return { ...t, resources: rename(t.resources), labels: rename(t.labels) } as LocaleTranslations
}

/** The cookie that keeps the panel's language across reloads and links (read on the server too). */
export const LANGUAGE_COOKIE = 'adminjs_language'

/**
 * i18next's browser detection, limited to the admin's own choice: the cookie set when they pick
 * a language (never the browser's language, so the panel opens in `language` until they choose).
 */
const keepChosenLanguage = {
  localeDetection: true,
  detection: {
    order: ['cookie'],
    caches: ['cookie'],
    lookupCookie: LANGUAGE_COOKIE,
    cookieMinutes: 60 * 24 * 365,
    cookieOptions: { path: '/', sameSite: 'lax' },
  },
}

export function buildLocale(language: Language, ids: ResourceIds = resourceIdsFor('')): Locale {
  return {
    ...keepChosenLanguage,
    language,
    availableLanguages: ['fr', 'en'],
    translations: { en: underIds(translations.en, ids), fr: underIds(translations.fr, ids) },
  }
}

/** The panel language a request's admin chose (the cookie), else the panel's default. */
export function chosenLanguage(cookieHeader: string | undefined, locale: Locale | undefined): string {
  const fallback = locale?.language ?? 'en'
  const match = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([^;]*)`).exec(cookieHeader ?? '')
  // Our own values are plain language codes: anything encoded is not one of ours.
  const chosen = match ? match[1].trim() : ''
  return (locale?.availableLanguages ?? [fallback]).includes(chosen) ? chosen : fallback
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
    ...ours,
    ...host,
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
