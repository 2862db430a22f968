import { SORTABLE, clientFilterFits, readListQuery, type ClientListQuery } from '../list/clientListQuery.js'
import {
  RECORD_LISTS,
  readRecordFilter,
  readRecordListQuery,
  type RecordListQuery,
} from '../list/recordList.js'
import { hasControlCharacters } from '../core/requestValues.js'
import { InvalidInputError } from '../core/errors.js'
import {
  CUSTOM_COLUMN,
  LIST_COLUMNS,
  MAX_CUSTOM_COLUMNS,
  VIEW_RESOURCES,
  type ViewResource,
} from '../../shared/savedViews.js'

// What a view keeps of a list's URL: the parameters the list itself takes (http/listQuery.ts drops
// the others before the list sees them; this is the same bar plus each filter's own check, the
// export's strict one). Read when a view is saved and again whenever it is applied: a view saved
// before a filter changed its rules never hands the list a value it no longer takes.

/** A view's parameters, the list URL's own keys (`filters.status`, `sortBy`, `direction`, `perPage`). */
export type ViewParams = Record<string, string>

/** As http/listQuery.ts: no filter value longer than this, no page longer than that. */
const MAX_FILTER_LENGTH = 500
const MAX_PER_PAGE = 500
/** More parameters than the list has filters is not a list's URL. */
const MAX_PARAMS = 40

export const isViewResource = (value: unknown): value is ViewResource =>
  (VIEW_RESOURCES as readonly unknown[]).includes(value)

/**
 * Why a list's parameter is no part of a view of `resource`: `null` when it fits; the page, the
 * search box's own state, anything not the list's is `ignored`; a filter or a sort the list does
 * not take says which (the contracts' and commissions' lists: their filterable properties and
 * sortable columns, services/list/recordList.ts).
 */
function misfit(resource: ViewResource, key: string, value: string): string | null {
  if (key === 'direction') return value === 'asc' || value === 'desc' ? null : 'viewBadSort'
  if (key === 'perPage')
    return /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_PER_PAGE ? null : 'ignored'
  if (resource === 'Client') {
    if (key.startsWith('filters.'))
      return clientFilterFits(key.slice('filters.'.length), value) ? null : 'ignored'
    if (key === 'sortBy') return (SORTABLE as readonly string[]).includes(value) ? null : 'ignored'
    return 'ignored'
  }
  const spec = RECORD_LISTS[resource]
  if (key.startsWith('filters.')) {
    const filter = readRecordFilter(spec, key.slice('filters.'.length), value)
    return filter === 'exportUnknownFilter'
      ? 'viewUnknownFilter'
      : typeof filter === 'string'
        ? 'viewBadFilter'
        : null
  }
  if (key === 'sortBy') return spec.sortable.includes(value) ? null : 'viewBadSort'
  return 'ignored'
}

/**
 * The parameters of a list that fit (`pairs`: a URL's, or a stored view's): each one string, not
 * blank, short, without control characters, a filter the list has with a value it takes. What
 * does not fit is dropped, as the list drops it. The first of a repeated key wins.
 */
export function viewParamsOf(
  resource: ViewResource,
  pairs: Iterable<[string, unknown]>,
  refused?: Record<string, string>,
): ViewParams {
  const params: ViewParams = {}
  let seen = 0
  for (const [key, value] of pairs) {
    if (++seen > MAX_PARAMS) break
    if (!isViewResource(resource) || typeof value !== 'string' || Object.hasOwn(params, key)) continue
    if (value.trim() === '' || value.length > MAX_FILTER_LENGTH || hasControlCharacters(value)) continue
    const why = misfit(resource, key, value)
    if (why === null) params[key] = value
    else if (refused && why !== 'ignored') refused[key] = why
  }
  return params
}

/**
 * The same, from a list URL's search string (`filters.status=active&sortBy=lastName`) as a view is
 * saved. The client list drops what does not fit, as it does; a contracts' or commissions' view
 * refuses a filter or a sort its list does not take: `InvalidInputError` under `query` (the form's
 * field of the list's parameters), nothing saved.
 */
export function viewParamsOfSearch(resource: ViewResource, search: string): ViewParams {
  const refused: Record<string, string> = {}
  const params = viewParamsOf(resource, new URLSearchParams(search.replace(/^\?/, '')).entries(), refused)
  const first = Object.values(refused)[0]
  if (resource !== 'Client' && first) throw new InvalidInputError({ query: first })
  return params
}

/**
 * The columns a view shows: the list's own among them, in the list's order, then custom fields'
 * (`cf__<key>`, at most MAX_CUSTOM_COLUMNS, in the order given; a field removed since shows no
 * column); null: all the list's own and no custom one.
 */
export function viewColumnsOf(resource: ViewResource, raw: unknown): string[] | null {
  const asked = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : []
  const trimmed = asked.filter((c): c is string => typeof c === 'string').map((c) => c.trim())
  const wanted = new Set(trimmed)
  if (!isViewResource(resource)) return null
  const listColumns = LIST_COLUMNS[resource]
  const own = listColumns.filter((c) => wanted.has(c))
  // Custom fields are the clients' alone.
  const custom =
    resource === 'Client'
      ? [...new Set(trimmed.filter((c) => CUSTOM_COLUMN.test(c)))].slice(0, MAX_CUSTOM_COLUMNS)
      : []
  if (custom.length === 0 && (own.length === 0 || own.length === listColumns.length)) return null
  // Custom columns alone: beside the list's own columns.
  return [...(own.length === 0 ? listColumns : own), ...custom]
}

/** The client list's query of a view's parameters (exact count: a view's count is never an estimate). */
export function clientListQueryOf(params: ViewParams): ClientListQuery {
  const filters: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (key.startsWith('filters.')) filters[key.slice('filters.'.length)] = value
  }
  const query = readListQuery(
    { filters, sortBy: params.sortBy, direction: params.direction, perPage: params.perPage },
    { perPage: 10, maxPerPage: MAX_PER_PAGE, sortBy: 'createdAt', direction: 'desc' },
  )
  return { ...query, exactCount: true }
}

/** The contracts' or commissions' list query of a view's parameters (what its count runs). */
export function recordListQueryOf(
  resource: Exclude<ViewResource, 'Client'>,
  params: ViewParams,
): RecordListQuery {
  const spec = RECORD_LISTS[resource]
  const defaults = resource === 'Contract' ? { sortBy: 'createdAt' } : { sortBy: 'period' }
  return readRecordListQuery(spec, params, {
    ...defaults,
    direction: 'desc',
    perPage: 10,
    maxPerPage: MAX_PER_PAGE,
  })
}
