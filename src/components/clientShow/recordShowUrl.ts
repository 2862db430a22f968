import { ViewHelpers } from 'adminjs'

const h = new ViewHelpers()

/** The panel's page of one record (a row of a tab, a reference in the details). */
export const recordShowUrl = (resourceId: string, id: unknown) =>
  h.recordActionUrl({ resourceId, recordId: String(id), actionName: 'show' })

/** Another action's page of one record (e.g. an email's "send again"). */
export const recordActionUrl = (resourceId: string, id: unknown, actionName: string) =>
  h.recordActionUrl({ resourceId, recordId: String(id), actionName })
