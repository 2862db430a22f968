import type { RequestHandler, Response } from 'express'

const ID = /^[\w-]{1,64}$/

/** A malformed `recordIds`: a 400 with the field error the panel shows. */
export function refuseRecordIds(res: Response): void {
  res.status(400).json({
    notice: { message: 'invalidRecordIds', type: 'error' },
    record: { errors: { recordIds: { message: 'invalidRecordIds', type: 'invalidRecordIds' } } },
  })
}

/**
 * A bulk action's `recordIds` must be one comma-separated list of ids (letters, digits, `_`,
 * `-`), at most 10,000 of them: AdminJS calls `recordIds.split(',')` before any hook runs, so an
 * array (`recordIds[]=`) or an empty id would be a 500 there. Here it is a 400 with the field
 * error the panel shows. The plugin's actions then check that each is a whole number.
 */
export function recordIdsQuery(): RequestHandler {
  return (req, res, next) => {
    const recordIds = (req.query as Record<string, unknown>).recordIds
    if (recordIds === undefined) return next()
    const ids = typeof recordIds === 'string' ? recordIds.split(',') : null
    if (ids && ids.length <= 10_000 && ids.every((id) => ID.test(id))) return next()
    refuseRecordIds(res)
  }
}
