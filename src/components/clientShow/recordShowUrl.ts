import { ViewHelpers } from 'adminjs'

const h = new ViewHelpers()

/** The panel's page of one record (a row of a tab, a reference in the details). */
export const recordShowUrl = (resourceId: string, id: unknown) =>
  h.recordActionUrl({ resourceId, recordId: String(id), actionName: 'show' })
