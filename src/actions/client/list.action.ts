import {
  flat,
  type ActionContext,
  type ActionHandler,
  type ListActionResponse,
  type SearchActionResponse,
} from 'adminjs'
import { leanRecords } from '../core/leanRecords.js'
import { populateRecords, recordOf } from '../core/pageRecords.js'
import type { Client } from '../../entities/Client.js'
import { readListQuery, type ClientList, type SortableColumn } from '../../services/list/clientList.js'
import { tagsOfClients } from '../../services/tags/tagsOfClients.js'
import type { AccessControl } from '../../services/core/accessControl.js'
import { valuesOfClients } from '../../services/customFields/customValues.js'
import { customFieldName } from '../../shared/customFields.js'
import { seesAdminOnlyFields, visibleFields } from '../customFields/customValues.action.js'

const PER_PAGE_LIMIT = 500

/**
 * Records of a page, with their referenced advisors (AdminJS's populate, one query) and counts,
 * lean: the names of the actions that apply, not the actions (components/common/leanRecords.ts).
 */
async function recordsOf(
  clientList: ClientList,
  access: AccessControl,
  clients: Client[],
  context: ActionContext,
) {
  const records = clients.map((client) => recordOf(client, context.resource))
  // The page's tags (chips) in one query beside the counts: never a query per row.
  // The custom fields this admin may see (the process's copy, `listActiveFields`) and the page's
  // values: one query, never one per row.
  const ids = clients.map((c) => c.id)
  const custom = visibleFields(clientList.dataSource, access, context.currentAdmin, true).then(
    async (fields) => ({
      fields,
      values: await valuesOfClients(clientList.dataSource, ids, fields),
    }),
  )
  const [counts, tags, populated, { fields, values }] = await Promise.all([
    clientList.activeContracts(clients),
    tagsOfClients(
      clientList.dataSource,
      clients.map((c) => c.id),
    ),
    populateRecords(records, context),
    custom,
  ])
  for (const record of populated) {
    record.params.activeContracts = counts.get(Number(record.id())) ?? 0
    record.params.tags = tags.get(Number(record.id())) ?? []
    const own = values.get(Number(record.id())) ?? {}
    // As the form sends them: several choices comma-separated, yes/no `true`/`false`.
    for (const field of fields) {
      const value = own[field.key]
      record.params[customFieldName(field.key)] = Array.isArray(value) ? value.join(',') : (value ?? null)
    }
  }
  context.records = populated
  return leanRecords(populated, context)
}

/**
 * The Client list, by the ClientList service instead of AdminJS's one-field `LIKE '%…%'`,
 * exact `COUNT(*)` and `OFFSET` scans: multi-field search, advisor filter (referent or
 * contracts), active contracts counts, soft-deleted clients hidden unless asked for.
 */
export const listClientsHandler =
  (clientList: ClientList, access: AccessControl): ActionHandler<ListActionResponse> =>
  async (request, _response, context) => {
    const params = flat.unflatten(request.query ?? {}) as { filters?: Record<string, unknown> }
    const sort = context.resource.decorate().options.sort
    const query = {
      ...readListQuery(params, {
        perPage: context._admin.options.settings?.defaultPerPage ?? 10,
        maxPerPage: PER_PAGE_LIMIT,
        sortBy: (sort?.sortBy as SortableColumn | undefined) ?? 'createdAt',
        direction: sort?.direction ?? 'desc',
      }),
      // A filter on a field marked "admins only" matches no client for who may not see it.
      adminOnlyFields: seesAdminOnlyFields(access, context.currentAdmin),
    }
    // The total, the page, then its counts, tags and advisors side by side: five queries, three waits.
    // Awaited together: when one fails first, the other's failure is still handled (a rejection
    // left alone would end the process).
    // The page first: its query and then its lookups are the request's longest path, the total
    // is read beside them (asked for first, it went out ~0.1 ms before the page's query).
    const page = clientList.rows(query).then((clients) => recordsOf(clientList, access, clients, context))
    const [{ total: count, totalIsEstimate }, records] = await Promise.all([clientList.total(query), page])
    return {
      meta: {
        total: count,
        perPage: query.perPage,
        page: query.page,
        direction: query.direction,
        sortBy: query.sortBy,
        // AdminJS shows `total`; this says whether it is an estimate (no filter set).
        totalIsEstimate,
      } as ListActionResponse['meta'],
      records,
    }
  }

/** The reference pickers' search (`…/search/:query`): the same multi-field search, 50 at most. */
export const searchClientsHandler =
  (clientList: ClientList, access: AccessControl): ActionHandler<SearchActionResponse> =>
  async (request, _response, context) => {
    const text = String((request.params as Record<string, unknown>).query ?? '')
    const query = readListQuery(
      { filters: { q: text }, sortBy: 'lastName', direction: 'asc', perPage: '50' },
      { perPage: 50, maxPerPage: 50, sortBy: 'lastName', direction: 'asc' },
    )
    // An empty query lists the first clients by name, as AdminJS's own search does.
    const clients = await clientList.rows(query)
    return { records: await recordsOf(clientList, access, clients, context) }
  }
