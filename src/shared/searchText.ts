// How names and queries are read for the search: plain functions, shared by the Client entity
// (which fills its search columns), the list service and the duplicates check.
import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min'

/**
 * `Hélène  D'Arc-Dupont` → `helene d arc dupont`: lower case, accents removed, anything but
 * letters, digits and `@ . + _` (kept for email addresses) turned into one space. Names are stored
 * this way in the search columns and queries are read this way, so `hélène` finds `Helene`.
 */
export function normalizeForSearch(text: string | null | undefined): string {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe')
    .replace(/[^a-z0-9@.+_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export interface SearchColumns {
  searchName: string
  searchNameReversed: string
  searchNameTail: string | null
}

const SEARCH_LENGTH = 220

/**
 * What the three indexed search columns hold for a name: last name first (`dupont jean`), first
 * name first (`jean dupont`), and for a last name of several words the words after the first
 * (`gall aimable` for Le Gall Aimable). A prefix of any of them is a B-tree range: `dupo`,
 * `jean dupont`, `dupont j`, `gall` all use an index.
 */
export function searchColumnsFor(
  lastName: string | null | undefined,
  firstName: string | null | undefined,
): SearchColumns {
  const last = normalizeForSearch(lastName)
  const first = normalizeForSearch(firstName)
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ').slice(0, SEARCH_LENGTH)
  const lastWords = last.split(' ')
  return {
    searchName: join(last, first),
    searchNameReversed: join(first, last),
    searchNameTail: lastWords.length > 1 ? join(lastWords.slice(1).join(' '), first) : null,
  }
}

/** The country a phone without its own prefix is read in when the client has none (as formatPhone). */
const HOME_COUNTRY = 'FR'
const PHONE_KEY_LENGTH = 20

/**
 * A phone's search key: its national significant number, digits only (`612345678` for
 * `06 12 34 56 78`, `+33 6 12 34 56 78` and `0612345678` alike), read in the client's country;
 * one libphonenumber cannot read keeps its digits less the leading zeros. Null without digits.
 */
export function phoneSearchKey(phone: string | null | undefined, country?: string | null): string | null {
  const text = String(phone ?? '').trim()
  if (!/\d/.test(text)) return null
  const home =
    typeof country === 'string' && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : HOME_COUNTRY
  const parsed = parsePhoneNumberFromString(text, home as CountryCode)
  const digits = parsed?.isPossible()
    ? String(parsed.nationalNumber)
    : text.replace(/\D/g, '').replace(/^0+/, '')
  return digits ? digits.slice(0, PHONE_KEY_LENGTH) : null
}

/** An email's domain, lower-cased (`acme.fr`), the search key of `@acme.fr`; null without one. */
export function emailDomainOf(email: string | null | undefined): string | null {
  const text = String(email ?? '')
    .trim()
    .toLowerCase()
  const at = text.lastIndexOf('@')
  return at >= 0 && at < text.length - 1 ? text.slice(at + 1, at + 256) : null
}

export interface ContactSearchColumns {
  searchPhone: string | null
  searchEmailDomain: string | null
}

/** The two indexed columns that find a client by phone and by email domain. */
export function contactSearchColumns(
  phone: string | null | undefined,
  country: string | null | undefined,
  email: string | null | undefined,
): ContactSearchColumns {
  return { searchPhone: phoneSearchKey(phone, country), searchEmailDomain: emailDomainOf(email) }
}

export interface ParsedQuery {
  /** Normalized words, in order; none when the query is only symbols (then nothing matches). */
  words: string[]
  /** The query as typed, trimmed and lower-cased: an exact email or client number. */
  exact: string
  /** A phone typed in any format (`06 12 34`, `+33 6 12`): the start of its national number, digits only. */
  phone: string | null
  /** `@acme` or `@acme.fr`: the start of an email domain. */
  domain: string | null
  /** One word of letters, digits and `-_./`: the start of a contract reference, as typed. */
  reference: string | null
}

/** At least this many digits make a phone search: fewer would match a large part of any book. */
const MIN_PHONE_DIGITS = 3
const MIN_REFERENCE_LENGTH = 3

/** The start of the national number of a phone-shaped query (digits and `+ . - ( ) /` and spaces only). */
function phoneQuery(raw: string): string | null {
  if (!/^\+?[\d\s.\-()/]+$/.test(raw) || raw.replace(/\D/g, '').length < MIN_PHONE_DIGITS) return null
  const typed = new AsYouType(HOME_COUNTRY as CountryCode)
  typed.input(raw.slice(0, 40))
  const national =
    String(typed.getNumber()?.nationalNumber ?? '') || raw.replace(/\D/g, '').replace(/^0+/, '')
  return national.length >= MIN_PHONE_DIGITS ? national.slice(0, PHONE_KEY_LENGTH) : null
}

export function parseSearch(query: unknown): ParsedQuery | null {
  const raw = String(query ?? '').trim()
  if (!raw) return null
  // Only symbols (`%`, `--`): a query all the same, that nothing matches (not the whole list).
  const words = normalizeForSearch(raw).split(' ').filter(Boolean)
  const domain = /^@[^\s@]+$/.test(raw) ? raw.slice(1, 256).toLowerCase() : null
  const reference =
    raw.length >= MIN_REFERENCE_LENGTH && /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(raw) ? raw.slice(0, 64) : null
  return {
    words: words.slice(0, 8),
    exact: raw.toLowerCase().slice(0, 255),
    phone: phoneQuery(raw),
    domain,
    reference,
  }
}
