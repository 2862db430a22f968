import { Filter, flat, populator, type ActionHandler, type ListActionResponse } from 'adminjs'
import { Not } from 'typeorm'

const PER_PAGE_LIMIT = 500

/**
 * AdminJS's list, except that soft-deleted clients are left out unless the status filter asks
 * for them.
 */
export const listClientsHandler: ActionHandler<ListActionResponse> = async (request, _response, context) => {
  const { resource, _admin, currentAdmin } = context
  const query = flat.unflatten(request.query ?? {}) as {
    filters?: Record<string, unknown>
    sortBy?: string
    direction?: string
    page?: string
    perPage?: string
  }
  const perPage = Math.min(
    Number(query.perPage) || _admin.options.settings?.defaultPerPage || 10,
    PER_PAGE_LIMIT,
  )
  const page = Math.max(Number(query.page) || 1, 1)

  const decorated = resource.decorate()
  const sortable = decorated
    .getListProperties()
    .filter((p) => p.isSortable())
    .map((p) => p.name())
  const fallback = decorated.options.sort ?? { sortBy: sortable[0], direction: 'asc' }
  const sortBy = query.sortBy && sortable.includes(query.sortBy) ? query.sortBy : (fallback.sortBy as string)
  const direction =
    query.direction === 'desc' || query.direction === 'asc' ? query.direction : fallback.direction

  const filters = { ...(query.filters ?? {}) }
  const filter = await new Filter(filters, resource).populate(context)
  if (!filters.status) {
    // @adminjs/typeorm passes a `custom` filter value to TypeORM as is.
    filter.filters.status = {
      path: 'status',
      property: decorated.getPropertyByKey('status') ?? resource.property('status')!,
      value: 'deleted',
      custom: Not('deleted'),
    } as (typeof filter.filters)[string]
  }

  const records = await resource.find(
    filter,
    { limit: perPage, offset: (page - 1) * perPage, sort: { sortBy, direction } },
    context,
  )
  const populated = await populator(records, context)
  context.records = populated
  const total = await resource.count(filter, context)
  return {
    meta: { total, perPage, page, direction: direction as 'asc' | 'desc', sortBy },
    records: populated.map((r) => r.toJSON(currentAdmin)),
  }
}
