// Saved views of a list (issue 28): what the browser and the server both need to know.

/** The lists a view may be saved from (the key stored in `saved_views.resource`, never prefixed). */
export const VIEW_RESOURCES = ['Client', 'Contract', 'Commission'] as const
export type ViewResource = (typeof VIEW_RESOURCES)[number]

export const MAX_VIEW_NAME_LENGTH = 80
/** The views a list's bar shows (each costs one count query). */
export const MAX_VIEWS_SHOWN = 20
/** The longest list query a view is saved from, as the URL's search string. */
export const MAX_VIEW_QUERY_LENGTH = 4000

/** The client list's columns in their order: the list's own, and those a view may show. */
export const CLIENT_LIST_COLUMNS = [
  'status',
  'clientNumber',
  'lastName',
  'email',
  'phone',
  'activeContracts',
  'createdAt',
  // Last: the columns admins scan first keep their places.
  'tags',
] as const

/** The contract list's columns in their order (its `listProperties`), those a view may show. */
export const CONTRACT_LIST_COLUMNS = [
  'reference',
  'clientId',
  'advisorId',
  'product',
  'status',
  'startDate',
  'premium',
] as const

/** The commission list's columns in their order (its `listProperties`), those a view may show. */
export const COMMISSION_LIST_COLUMNS = [
  'period',
  'clientId',
  'contractId',
  'advisorId',
  'amount',
  'rate',
  'status',
] as const

/** Each list's own columns, by the view's resource. */
export const LIST_COLUMNS: Record<ViewResource, readonly string[]> = {
  Client: CLIENT_LIST_COLUMNS,
  Contract: CONTRACT_LIST_COLUMNS,
  Commission: COMMISSION_LIST_COLUMNS,
}

/** A custom field's column of the client list: `cf__<key>` (shared/customFields.ts's form name). */
export const CUSTOM_COLUMN = /^cf__[a-z][a-z0-9_]{0,39}$/
/** At most this many custom fields' columns in a view. */
export const MAX_CUSTOM_COLUMNS = 10

/** A view as the list's bar receives it. */
export interface ViewSummary {
  id: number
  name: string
  shared: boolean
  /** Saved by the admin looking at it. */
  mine: boolean
  /** The admin looking at it may rename, share, unshare or delete it. */
  editable: boolean
  /** The list's parameters, checked again when read (`filters.status`, `sortBy`…). */
  params: Record<string, string>
  columns: string[] | null
  /** The rows (clients, contracts, commissions) it shows now (one COUNT per view). */
  count: number
}

/** The list URL's search string that opens a view (its id first, then its parameters and columns). */
export function viewSearch(view: Pick<ViewSummary, 'id' | 'params' | 'columns'>): string {
  const search = new URLSearchParams({ view: String(view.id), ...view.params })
  if (view.columns) search.set('columns', view.columns.join(','))
  return search.toString()
}
