import { flat, type ActionHandler, type ListActionResponse } from 'adminjs'
import { leanRecords } from './leanRecords.js'
import { populateRecords, recordOf } from './pageRecords.js'
import { readRecordListQuery, type RecordList } from '../../services/list/recordList.js'

const PER_PAGE_LIMIT = 500

/**
 * The Contract and Commission lists through their query service (services/list/recordList.ts),
 * the one their totals and their export read too, so all three show the same rows. The
 * filters compare as AdminJS's adapter did (text contains, references and statuses equal, date
 * ranges); a page is the rows and their count, then AdminJS's populate of references (one query each).
 */
export const recordListHandler =
  (list: RecordList): ActionHandler<ListActionResponse> =>
  async (request, _response, context) => {
    const params = flat.flatten(request.query ?? {}) as Record<string, unknown>
    const sort = context.resource.decorate().options.sort
    const query = readRecordListQuery(list.spec, params, {
      sortBy: sort?.sortBy ?? 'id',
      direction: sort?.direction ?? 'desc',
      perPage: context._admin.options.settings?.defaultPerPage ?? 10,
      maxPerPage: PER_PAGE_LIMIT,
    })
    const { rows, total } = await list.page(query)
    const records = await populateRecords(
      rows.map((row) => recordOf(row, context.resource)),
      context,
    )
    context.records = records
    return {
      meta: {
        total,
        perPage: query.perPage,
        page: query.page,
        direction: query.direction,
        sortBy: query.sortBy,
      },
      // Lean rows (the names of their actions): the list component is common/LeanList.tsx.
      records: leanRecords(records, context),
    }
  }
