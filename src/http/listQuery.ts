import type AdminJS from 'adminjs'
import type { Request, RequestHandler } from 'express'
import { hasControlCharacters } from '../services/core/requestValues.js'
import { resourceById } from './resourceById.js'
import { TAG_IDS_PATTERN } from '../shared/tags.js'
import { CUSTOM_FILTER_PATTERN } from '../shared/customFields.js'

type Query = Record<string, unknown>
type Decorated = ReturnType<ReturnType<AdminJS['findResource']>['decorate']>
type Property = ReturnType<Decorated['getProperties']>[number]

const MAX_PAGE = 1_000_000
const MAX_LIST_PER_PAGE = 500
const MAX_FILTER_LENGTH = 500
const RANGE = /^(.+)~~(from|to)$/
const DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/

const positiveInteger = (value: unknown, max: number) =>
  typeof value === 'string' && /^\d{1,7}$/.test(value) && Number(value) >= 1 && Number(value) <= max

/** Filters whose value has a shape of its own, whatever their property's type: a list of ids. */
const FILTER_FORMATS: Record<string, RegExp> = {
  tags: TAG_IDS_PATTERN,
  customFields: CUSTOM_FILTER_PATTERN,
}

/** A filter value this property can be compared with; anything else is dropped. */
function filterValueFits(property: Property, value: string, ranged: boolean): boolean {
  // No control characters (a NUL cuts a string short in some drivers).
  if (value.length > MAX_FILTER_LENGTH || hasControlCharacters(value)) return false
  const format = Object.hasOwn(FILTER_FORMATS, property.propertyPath)
    ? FILTER_FORMATS[property.propertyPath]
    : null
  if (format) return !ranged && format.test(value)
  const available = property.availableValues()
  if (available && !ranged) return available.some((option) => String(option.value) === value)
  switch (property.type()) {
    case 'date':
    case 'datetime':
      return DATE.test(value) && !Number.isNaN(Date.parse(value))
    case 'number':
    case 'float':
    case 'currency':
      return /^-?\d{1,15}(\.\d{1,6})?$/.test(value)
    case 'boolean':
      return !ranged && (value === 'true' || value === 'false')
    case 'reference':
      return !ranged && /^[\w-]{1,64}$/.test(value)
    default:
      return !ranged
  }
}

/** `filters.a`, `filters[a]`, `filters.a~~from`: every filter as one flat path and its raw value. */
function filtersOf(query: Query): [string, unknown][] {
  const out: [string, unknown][] = []
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('filters.')) out.push([key.slice('filters.'.length), value])
    else if (key === 'filters' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [path, inner] of Object.entries(value)) out.push([path, inner])
    }
  }
  return out
}

/**
 * The list parameters AdminJS passes on to the database, cleaned for a resource: a page and a page
 * size that are whole numbers in range, a sort on a sortable property, filters only on filterable
 * properties with a value of their type (one string each: never an array or an object). What does
 * not fit is dropped, as if it had not been sent: AdminJS's own list would answer it with a 500.
 */
function cleanListQuery(decorated: Decorated, query: Query): Query {
  const clean: Query = {}
  if (positiveInteger(query.page, MAX_PAGE)) clean.page = query.page
  if (positiveInteger(query.perPage, MAX_LIST_PER_PAGE)) clean.perPage = query.perPage
  if (query.direction === 'asc' || query.direction === 'desc') clean.direction = query.direction
  if (typeof query.sortBy === 'string') {
    const property = decorated.getPropertyByKey(query.sortBy)
    if (property?.isSortable()) clean.sortBy = query.sortBy
  }
  for (const [path, value] of filtersOf(query)) {
    if (typeof value !== 'string' || value === '') continue
    const range = RANGE.exec(path)
    // Any property of the resource, shown as a filter or not: links filter on hidden ones too.
    const property = decorated.getPropertyByKey(range ? range[1] : path)
    if (property && filterValueFits(property, value, range !== null)) clean[`filters.${path}`] = value
  }
  for (const [key, value] of Object.entries(query)) {
    const known =
      ['page', 'perPage', 'direction', 'sortBy', 'filters'].includes(key) || key.startsWith('filters.')
    // Other parameters (a tab, a record id list) are the action's to check; one string each.
    if (!known && typeof value === 'string' && value.length <= 10_000) clean[key] = value
  }
  return clean
}

const LIST = /^\/api\/resources\/([^/]+)\/actions\/(list|search)(\/[^/]*)?$/

/** Before the routes: every list and search of the panel's resources gets `cleanListQuery`. */
export function listQuery(admin: AdminJS): RequestHandler {
  return (req: Request, _res, next) => {
    const match = req.method === 'GET' ? LIST.exec(req.path) : null
    const resource = match ? resourceById(admin, match[1]) : null
    if (resource) {
      // Express 5 makes `req.query` a getter: define the cleaned value instead of assigning it.
      Object.defineProperty(req, 'query', {
        value: cleanListQuery(resource.decorate(), req.query as Query),
        writable: true,
        configurable: true,
        enumerable: true,
      })
    }
    next()
  }
}
