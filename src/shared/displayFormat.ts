// How the panel shows money, phones, countries and numbers to a person: plain functions over
// `Intl` and libphonenumber-js, shared by every component and unit-tested in displayFormat.spec.ts.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min'
import type { CustomFieldChoice, CustomFieldDefinition } from './customFields.js'

/** The kinds of value a resource's property declares, for the panel to show it formatted. */
export type ValueFormat = 'money' | 'percent' | 'date' | 'dateTime' | 'month' | 'phone' | 'boolean' | 'email'

/**
 * An email address in the pieces a line may end after (after `@`, before a `.`), as typesetting
 * breaks an address: never in the middle of the name it holds (`thomas.noel.44@exa|mple.fr`).
 */
export function emailBreakPieces(address: string): string[] {
  return address.split(/(?<=@)|(?=\.)/).filter(Boolean)
}

/** The currency amounts are shown in when the host sets none (the `currency` option). */
export const DEFAULT_CURRENCY = 'EUR'

/** The key of AdminJS's `env` option that carries the `currency` option to the components' bundle. */
export const CURRENCY_ENV = 'ADMINJS_CLIENTS_CURRENCY'

/** True for an ISO 4217 code `Intl` knows (`EUR`, `CHF`, `USD`…). */
export function isCurrencyCode(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) return false
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value })
    return true
  } catch {
    return false
  }
}

/** A decimal amount as money in the panel's language: `1 303,02 €` in French, `€1,303.02` in English. */
export function formatMoney(value: unknown, language: string, currency = DEFAULT_CURRENCY): string | null {
  if (value === null || value === undefined || value === '') return null
  const n = Number(value)
  if (Number.isNaN(n)) return String(value)
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(n)
}

/** A count in the panel's language (`12 345` in French). */
export const formatCount = (value: number, language: string): string =>
  new Intl.NumberFormat(language).format(value)

/** A two-letter country code (`FR`) as its name in the panel's language (`France`); other text as is. */
export function countryName(code: unknown, language: string): string | null {
  if (code === null || code === undefined || code === '') return null
  const text = String(code).trim()
  if (!/^[A-Za-z]{2}$/.test(text)) return text
  try {
    return (
      new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(text.toUpperCase()) ?? text
    )
  } catch {
    return text
  }
}

/**
 * A phone as people of the client's country read it: national format at home (`07 96 15 36 96`
 * for a French number of a French client), international elsewhere (`+33 7 96 15 36 96`). Phones
 * are stored as entered; one that libphonenumber cannot read is shown as stored.
 */
export function formatPhone(phone: unknown, country: unknown): string | null {
  if (phone === null || phone === undefined || String(phone).trim() === '') return null
  const text = String(phone).trim()
  const home = typeof country === 'string' && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : 'FR'
  const parsed = parsePhoneNumberFromString(text, home as CountryCode)
  if (!parsed || !parsed.isPossible()) return text
  return parsed.country === home ? parsed.formatNational() : parsed.formatInternational()
}

/** The `tel:` link of a phone (E.164 when readable). */
export function phoneHref(phone: unknown, country: unknown): string | null {
  if (phone === null || phone === undefined || String(phone).trim() === '') return null
  const home = typeof country === 'string' && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : 'FR'
  const parsed = parsePhoneNumberFromString(String(phone).trim(), home as CountryCode)
  return `tel:${parsed?.isPossible() ? parsed.number : String(phone).replace(/[^\d+]/g, '')}`
}

/** A rate stored in percent (`2.7100`) as people read it: `2,71 %` in French, `2.71%` in English. */
export function formatPercent(value: unknown, language: string): string | null {
  if (value === null || value === undefined || value === '') return null
  const n = Number(value)
  if (Number.isNaN(n)) return String(value)
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 4 }).format(n / 100)
}

/** A calendar day (`YYYY-MM-DD`, a custom field's date) in the panel's language: `04/03/1975`, `3/4/1975`. */
export function formatDay(value: unknown, language: string): string | null {
  if (value === null || value === undefined || value === '') return null
  const text = String(value).slice(0, 10)
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return String(value)
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'short' }).format(day)
}

/** A custom field's value as the panel shows it: a line of text, or chips (choices, with their colour). */
export type CustomValueDisplay =
  { text: string } | { chips: { value: string; label: string; colour: CustomFieldChoice['colour'] }[] }

/**
 * A custom field's value (as a list record carries it: several choices comma-separated, yes/no a
 * boolean or `true`/`false`) for a person: money in the panel's currency, a date in their
 * language's short form, a number with their separators, yes/no in words, choices by their labels
 * with their colours. Null when blank.
 */
export function formatCustomValue(
  field: Pick<CustomFieldDefinition, 'type' | 'choices'>,
  raw: unknown,
  language: string,
  currency = DEFAULT_CURRENCY,
): CustomValueDisplay | null {
  if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return null
  const text = Array.isArray(raw) ? raw.join(',') : String(raw)
  const chip = (value: string) => {
    const choice = field.choices.find((c) => c.value === value)
    return {
      value,
      label: choice ? (language === 'fr' ? choice.labelFr : choice.labelEn) : value,
      colour: choice?.colour ?? 'grey',
    }
  }
  switch (field.type) {
    case 'choice':
    case 'choices':
      return { chips: text.split(',').filter(Boolean).map(chip) }
    case 'yesNo': {
      const yes = raw === true || text === 'true' || text === '1'
      return { text: language === 'fr' ? (yes ? 'Oui' : 'Non') : yes ? 'Yes' : 'No' }
    }
    case 'money':
      return { text: formatMoney(text, language, currency) ?? text }
    case 'number':
    case 'decimal':
      return {
        text: Number.isNaN(Number(text)) ? text : new Intl.NumberFormat(language).format(Number(text)),
      }
    case 'date':
      return { text: formatDay(text, language) ?? text }
    default:
      return { text }
  }
}
