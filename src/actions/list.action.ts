import {
  BaseRecord,
  flat,
  populator,
  type ActionContext,
  type ActionHandler,
  type ListActionResponse,
  type SearchActionResponse,
} from 'adminjs'
import {
  readListQuery,
  type ClientList,
  type ClientListPage,
  type SortableColumn,
} from '../services/clientList.js'

const PER_PAGE_LIMIT = 500

async function recordsOf(page: ClientListPage, context: ActionContext) {
  const records = page.clients.map((client) => {
    const record = new BaseRecord(client as unknown as Record<string, unknown>, context.resource)
    record.params.activeContracts = page.activeContracts.get(client.id) ?? 0
    return record
  })
  const populated = await populator(records, context)
  context.records = populated
  return populated.map((r) => r.toJSON(context.currentAdmin))
}

/**
 * The Client list, by the ClientList service instead of AdminJS's one-field `LIKE '%…%'`,
 * exact `COUNT(*)` and `OFFSET` scans: multi-field search, advisor filter (referent or
 * contracts), active contracts counts, soft-deleted clients hidden unless asked for.
 */
export const listClientsHandler =
  (clientList: ClientList): ActionHandler<ListActionResponse> =>
  async (request, _response, context) => {
    const params = flat.unflatten(request.query ?? {}) as { filters?: Record<string, unknown> }
    const sort = context.resource.decorate().options.sort
    const query = readListQuery(params, {
      perPage: context._admin.options.settings?.defaultPerPage ?? 10,
      maxPerPage: PER_PAGE_LIMIT,
      sortBy: (sort?.sortBy as SortableColumn | undefined) ?? 'createdAt',
      direction: sort?.direction ?? 'desc',
    })
    const page = await clientList.page(query)
    return {
      meta: {
        total: page.total,
        perPage: query.perPage,
        page: query.page,
        direction: query.direction,
        sortBy: query.sortBy,
        // AdminJS shows `total`; this says whether it is an estimate (no filter set).
        totalIsEstimate: page.totalIsEstimate,
      } as ListActionResponse['meta'],
      records: await recordsOf(page, context),
    }
  }

/** The reference pickers' search (`…/search/:query`): the same multi-field search, 50 at most. */
export const searchClientsHandler =
  (clientList: ClientList): ActionHandler<SearchActionResponse> =>
  async (request, _response, context) => {
    const text = String((request.params as Record<string, unknown>).query ?? '')
    const query = readListQuery(
      { filters: { q: text }, sortBy: 'lastName', direction: 'asc', perPage: '50' },
      { perPage: 50, maxPerPage: 50, sortBy: 'lastName', direction: 'asc' },
    )
    // An empty query lists the first clients by name, as AdminJS's own search does.
    const page = await clientList.page(query, { total: false })
    return { records: await recordsOf(page, context) }
  }
