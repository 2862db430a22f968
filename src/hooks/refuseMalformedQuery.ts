import { isRecordId } from '../services/requestValues.js'

interface QueryRequest {
  query?: unknown
}
interface JsonResponse {
  status(code: number): { json(body: unknown): unknown }
}

/**
 * Express middleware for the host's admin router, before AdminJS's: a bulk action's `recordIds`
 * must be one comma-separated list of positive whole numbers. AdminJS itself calls
 * `recordIds.split(',')` before any hook of ours runs, so `recordIds[]=` (an array) would be a
 * 500 there; here it is a 400 with the field error the panel shows.
 */
export function refuseMalformedQuery() {
  return (req: QueryRequest, res: JsonResponse, next: () => void): void => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const recordIds = query.recordIds
    if (
      recordIds === undefined ||
      (typeof recordIds === 'string' && recordIds.split(',').every(isRecordId))
    ) {
      next()
      return
    }
    res.status(400).json({
      notice: { message: 'invalidRecordIds', type: 'error' },
      record: { errors: { recordIds: { message: 'invalidRecordIds', type: 'invalidRecordIds' } } },
    })
  }
}
