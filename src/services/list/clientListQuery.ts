import {
  CLIENT_STATUSES,
  CONSENT_FILTERS,
  CONTRACT_STATUSES,
  type ClientStatus,
  type ConsentFilter,
  type ContractStatus,
} from '../../entities/columns.js'
import { LANGUAGES, type Language } from '../../shared/language.js'
import { parseSearch, type ParsedQuery } from '../../shared/searchText.js'
import { InvalidInputError } from '../core/errors.js'
import { hasControlCharacters, isCalendarDate, isRecordId } from '../core/requestValues.js'
import { readTagFilter, type TagFilter } from './clientTagFilter.js'
import { TAG_IDS_PATTERN, TAG_MODES } from '../../shared/tags.js'
import { readCustomFilter, type CustomFilterItem } from '../../shared/customFields.js'

// The client list's parameters as AdminJS sends them, read into a query (services/list/clientList.ts runs it).

export const SORTABLE = [
  'lastName',
  'firstName',
  'clientNumber',
  'email',
  'phone',
  'status',
  'createdAt',
] as const
export type SortableColumn = (typeof SORTABLE)[number]

export interface ClientListQuery {
  search: ParsedQuery | null
  /** A status, or null: every status but `deleted`. */
  status: ClientStatus | null
  /** Clients whose referent advisor, or the advisor of any of whose contracts, is this one. */
  advisorId: number | null
  createdFrom: Date | null
  createdTo: Date | null
  hasActiveContracts: boolean | null
  /** Clients created by this commission import. */
  importBatchId: number | null
  /** Clients with any, all or none of these tags (clientTagFilter.ts). */
  tags: TagFilter | null
  /** Custom fields' filters (clientCustomFilter.ts): equal, yes/no, ranges, any/all choices. */
  customFields: CustomFilterItem[] | null
  /** false: who reads may not see the fields marked "admins only", so they filter nothing (no client). */
  adminOnlyFields?: boolean
  /** Marketing consent given (`in`), withdrawn (`out`) or never asked (`unknown`). */
  marketingConsent: ConsentFilter | null
  /** Clients with a contract of this product (its type), in `contractStatus` when that is set too. */
  contractProduct: string | null
  /** Clients with a contract in this state (of `contractProduct` when that is set too). */
  contractStatus: ContractStatus | null
  /** The client's language (`locale`). */
  locale: Language | null
  sortBy: SortableColumn
  direction: 'asc' | 'desc'
  page: number
  perPage: number
  /** Count exactly even without a filter (an estimate is used otherwise). */
  exactCount: boolean
}

const isSet = (value: unknown) => value !== undefined && value !== null && String(value).trim() !== ''

function parseDate(value: unknown, endOfDay: boolean): Date | null {
  if (!isSet(value)) return null
  const text = String(value).trim()
  const date = new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T${endOfDay ? '23:59:59.999' : '00:00:00'}Z` : text,
  )
  return Number.isNaN(date.getTime()) ? null : date
}

/** A contract's product is at most this long (entities/Contract.ts). */
const MAX_PRODUCT = 120

// What each filter of the list takes: the list drops what does not fit (the panel never sends
// it); a strict reader (an export, which writes personal data to a file) refuses it instead.
const FILTERS: Record<string, (value: string) => boolean> = {
  q: (v) => v.length <= 200,
  status: (v) => (CLIENT_STATUSES as readonly string[]).includes(v),
  advisor: isRecordId,
  advisorId: isRecordId,
  importBatchId: isRecordId,
  'createdAt~~from': isCalendarDate,
  'createdAt~~to': isCalendarDate,
  hasActiveContracts: (v) => v === 'true' || v === 'false',
  tags: (v) => TAG_IDS_PATTERN.test(v),
  tagMode: (v) => (TAG_MODES as readonly string[]).includes(v),
  customFields: (v) => readCustomFilter(v) !== null,
  marketingConsent: (v) => (CONSENT_FILTERS as readonly string[]).includes(v),
  contractProduct: (v) => v.length <= MAX_PRODUCT,
  contractStatus: (v) => (CONTRACT_STATUSES as readonly string[]).includes(v),
  locale: (v) => (LANGUAGES as readonly string[]).includes(v),
}

/** Whether `filters.<name>` of the client list takes this value (a saved view keeps only those). */
export const clientFilterFits = (name: string, value: string): boolean =>
  Object.hasOwn(FILTERS, name) && !hasControlCharacters(value) && FILTERS[name](value.trim())

/** Each filter, sort or direction that does not fit, by its parameter (`filters.status`…). */
function unfitParams(params: { filters?: Record<string, unknown>; [key: string]: unknown }) {
  const errors: Record<string, string> = {}
  for (const [name, raw] of Object.entries(params.filters ?? {})) {
    const key = `filters.${name}`
    if (!Object.hasOwn(FILTERS, name)) errors[key] = 'exportUnknownFilter'
    else if (typeof raw !== 'string' || hasControlCharacters(raw)) errors[key] = 'exportBadFilter'
    else if (raw.trim() !== '' && !FILTERS[name](raw.trim())) errors[key] = 'exportBadFilter'
  }
  if (params.sortBy !== undefined && !SORTABLE.includes(params.sortBy as SortableColumn))
    errors.sortBy = 'exportBadSort'
  if (params.direction !== undefined && params.direction !== 'asc' && params.direction !== 'desc')
    errors.direction = 'exportBadSort'
  return errors
}

/**
 * Reads AdminJS's list parameters (`filters.q`, `filters.status`, `filters.advisor`,
 * `filters.createdAt~~from`/`~~to`, `filters.hasActiveContracts`, `filters.contractProduct`,
 * `filters.contractStatus`, `filters.locale`, `sortBy`, `direction`,
 * `page`, `perPage`, `exactCount`) into a query; anything malformed is ignored, never an error,
 * unless `strict` (an export): then it is an InvalidInputError, as readRecordListQuery does.
 */
export function readListQuery(
  params: { filters?: Record<string, unknown>; [key: string]: unknown },
  defaults: { perPage: number; maxPerPage: number; sortBy: SortableColumn; direction: 'asc' | 'desc' },
  strict = false,
): ClientListQuery {
  const unfit = strict ? unfitParams(params) : {}
  if (Object.keys(unfit).length > 0) throw new InvalidInputError(unfit)
  const filters = params.filters ?? {}
  // AdminJS sends a range as `filters.createdAt~~from` / `filters.createdAt~~to`.
  const created = {
    from: filters['createdAt~~from'] ?? (filters.createdAt as Record<string, unknown> | undefined)?.from,
    to: filters['createdAt~~to'] ?? (filters.createdAt as Record<string, unknown> | undefined)?.to,
  }
  const status = String(filters.status ?? '')
  // `advisor` is the panel's filter; `advisorId` is accepted too (links, scripts).
  const advisorId = Number(filters.advisor ?? filters.advisorId)
  const sortBy = SORTABLE.includes(params.sortBy as SortableColumn)
    ? (params.sortBy as SortableColumn)
    : defaults.sortBy
  const direction =
    params.direction === 'asc' || params.direction === 'desc' ? params.direction : defaults.direction
  const hasActive = String(filters.hasActiveContracts ?? '')
  const consent = String(filters.marketingConsent ?? '')
  const product = typeof filters.contractProduct === 'string' ? filters.contractProduct.trim() : ''
  const contractStatus = String(filters.contractStatus ?? '')
  const locale = String(filters.locale ?? '')
  return {
    search: parseSearch(filters.q),
    status: (CLIENT_STATUSES as readonly string[]).includes(status) ? (status as ClientStatus) : null,
    advisorId: Number.isInteger(advisorId) && advisorId > 0 ? advisorId : null,
    createdFrom: parseDate(created.from, false),
    createdTo: parseDate(created.to, true),
    hasActiveContracts: hasActive === 'true' ? true : hasActive === 'false' ? false : null,
    importBatchId:
      Number.isInteger(Number(filters.importBatchId)) && Number(filters.importBatchId) > 0
        ? Number(filters.importBatchId)
        : null,
    tags: readTagFilter(filters),
    customFields: readCustomFilter(filters.customFields),
    marketingConsent: (CONSENT_FILTERS as readonly string[]).includes(consent)
      ? (consent as ConsentFilter)
      : null,
    contractProduct:
      product !== '' && product.length <= MAX_PRODUCT && !hasControlCharacters(product) ? product : null,
    contractStatus: (CONTRACT_STATUSES as readonly string[]).includes(contractStatus)
      ? (contractStatus as ContractStatus)
      : null,
    locale: (LANGUAGES as readonly string[]).includes(locale) ? (locale as Language) : null,
    sortBy,
    direction,
    page: Math.max(1, Math.floor(Number(params.page)) || 1),
    perPage: Math.min(
      defaults.maxPerPage,
      Math.max(1, Math.floor(Number(params.perPage)) || defaults.perPage),
    ),
    exactCount: params.exactCount === 'true' || params.exactCount === '1',
  }
}
