// How names and queries are read for the search: plain functions, shared by the Client entity
// (which fills its search columns), the list service and the duplicates check.
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

export interface ParsedQuery {
  /** Normalized words, in order. */
  words: string[]
  /** The query as typed, trimmed and lower-cased: an exact email or client number. */
  exact: string
}

export function parseSearch(query: unknown): ParsedQuery | null {
  const raw = String(query ?? '').trim()
  const words = normalizeForSearch(raw).split(' ').filter(Boolean)
  if (words.length === 0) return null
  return { words: words.slice(0, 8), exact: raw.toLowerCase().slice(0, 255) }
}
