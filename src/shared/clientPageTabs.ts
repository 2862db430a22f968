// The tabs of the client page and their state in the URL: plain data and functions shared by the
// ClientShow component (browser) and the `tab` action (server), unit-tested in test/clientScreens.test.ts.

/** Tabs whose rows come from the plugin's paginated `tab` action. */
export const DATA_TABS = ['contracts', 'commissions', 'advisors', 'emails', 'history', 'notes'] as const
export type DataTab = (typeof DATA_TABS)[number]

/** Every built-in tab, in the order shown: `details` is the record itself, `paymentMethods` asks Stripe, `files` its own actions. */
export const BUILT_IN_TABS = [
  'details',
  'contracts',
  'commissions',
  'advisors',
  'emails',
  'paymentMethods',
  'history',
  'notes',
  'files',
] as const

/** A tab of one of the host's resources, as the show action passes it to the page (`custom.hostTabs`). */
export interface HostTab {
  resourceId: string
  foreignKey: string
  columns: string[]
}

export const DEFAULT_TAB_PER_PAGE = 20
const MAX_TAB_PER_PAGE = 100

/** The query parameters of the client page that hold its tab and the tab's page. */
const TAB_PARAM = 'tab'
const TAB_PAGE_PARAM = 'tabPage'

export interface TabState {
  tab: string
  page: number
}

/** All tab keys of a page: the built-in ones, then one per host resource (its resource id). */
export const tabKeys = (hostTabs: readonly HostTab[] = []): string[] => [
  ...BUILT_IN_TABS,
  ...hostTabs.map((t) => t.resourceId),
]

/** Reads the tab and its page from the URL's query; anything unknown falls back to the first. */
export function readTabState(search: string, keys: readonly string[]): TabState {
  const params = new URLSearchParams(search)
  const asked = params.get(TAB_PARAM) ?? ''
  const tab = keys.includes(asked) ? asked : keys[0]
  const page = Number(params.get(TAB_PAGE_PARAM))
  return { tab, page: Number.isInteger(page) && page > 0 ? page : 1 }
}

/** The query string for a tab and page, keeping the other parameters; page 1 and the first tab are left out. */
export function tabSearch(search: string, state: TabState, keys: readonly string[]): string {
  const params = new URLSearchParams(search)
  if (state.tab === keys[0]) params.delete(TAB_PARAM)
  else params.set(TAB_PARAM, state.tab)
  if (state.page > 1) params.set(TAB_PAGE_PARAM, String(state.page))
  else params.delete(TAB_PAGE_PARAM)
  const out = params.toString()
  return out ? `?${out}` : ''
}

export type PageError = 'badPage' | 'badPerPage'

/** Page and page size of a tab request: whole numbers, page from 1, size from 1 to MAX_TAB_PER_PAGE. */
export function readPaging(
  query: Record<string, unknown>,
): { page: number; perPage: number } | { error: PageError } {
  const rawPage = query.page ?? '1'
  const rawPerPage = query.perPage ?? String(DEFAULT_TAB_PER_PAGE)
  const page = /^\d{1,9}$/.test(String(rawPage)) ? Number(rawPage) : NaN
  const perPage = /^\d{1,4}$/.test(String(rawPerPage)) ? Number(rawPerPage) : NaN
  if (!(page >= 1)) return { error: 'badPage' }
  if (!(perPage >= 1 && perPage <= MAX_TAB_PER_PAGE)) return { error: 'badPerPage' }
  return { page, perPage }
}

/** How many pages `total` rows make; at least one, so an empty tab reads "page 1 of 1". */
export const pageCount = (total: number, perPage: number): number => Math.max(1, Math.ceil(total / perPage))

/** A date (ISO string or Date) in the panel's language; `null` when there is none. */
export function formatDate(value: unknown, language: string, withTime = true): string | null {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(String(value))
  if (Number.isNaN(date.getTime())) return String(value)
  return withTime
    ? date.toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' })
    : // A date column is a calendar day: read it in UTC, or it moves a day west of Greenwich.
      date.toLocaleDateString(language, { dateStyle: 'short', timeZone: 'UTC' })
}

/** A period (first day of a month) as `03/2026`. */
export function formatPeriod(value: unknown): string | null {
  const match = /^(\d{4})-(\d{2})/.exec(value instanceof Date ? value.toISOString() : String(value ?? ''))
  return match ? `${match[2]}/${match[1]}` : null
}

/** A host column's value: dates (ISO strings) in the panel's language, anything else as text. */
export function formatValue(value: unknown, language: string): string {
  const text = value instanceof Date ? value.toISOString() : String(value)
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, language, false) ?? text
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatDate(text, language) ?? text
  return text
}
