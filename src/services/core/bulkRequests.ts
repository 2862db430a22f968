/**
 * Bulk action handlers that read `recordIds` from the request themselves and need no record
 * loaded on POST (their service reads the rows it changes, in its transaction). For them the
 * admin router answers a POST without AdminJS's read and populate of every selected record
 * first (http/bulkPost.ts): 1,000 selected clients were 1,000 entities built for nothing.
 */
export const readsItsOwnRecordIds = new WeakSet<object>()

/** Marks a bulk handler as one that reads its ids itself (see above); returns it. */
export function readingItsOwnRecordIds<T extends object>(handler: T): T {
  readsItsOwnRecordIds.add(handler)
  return handler
}
