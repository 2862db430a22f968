import type { DataSource } from 'typeorm'
import type { SavedView } from '../../entities/SavedView.js'
import { ClientList } from '../list/clientList.js'
import { RECORD_LISTS, RecordList } from '../list/recordList.js'
import {
  isViewResource,
  clientListQueryOf,
  recordListQueryOf,
  viewColumnsOf,
  viewParamsOf,
  type ViewParams,
} from './viewParams.js'
import { mayChange, visibleViewById, type Viewer } from './savedViews.js'
import type { ClientListQuery } from '../list/clientListQuery.js'
import type { ViewResource, ViewSummary } from '../../shared/savedViews.js'

/** The rows a view shows now: its list's own exact total on its filters, one COUNT. */
async function countOf(dataSource: DataSource, resource: ViewResource, params: ViewParams): Promise<number> {
  if (resource === 'Client') return (await new ClientList(dataSource).total(clientListQueryOf(params))).total
  return new RecordList(dataSource, RECORD_LISTS[resource]).count(recordListQueryOf(resource, params))
}

/**
 * The views of a list's bar with the rows each shows now: one COUNT per view (the list's own
 * total on the view's filters, exact), all started at once, at most MAX_VIEWS_SHOWN of them.
 */
export async function viewSummaries(
  dataSource: DataSource,
  viewer: Viewer,
  views: SavedView[],
): Promise<ViewSummary[]> {
  const checked = views.flatMap((view) => {
    const resource = view.resource
    if (!isViewResource(resource)) return []
    const params = viewParamsOf(resource, Object.entries(view.params ?? {}))
    return [{ view, resource, params, columns: viewColumnsOf(resource, view.columns) }]
  })
  // Each awaited together: one failed count never leaves another's rejection unhandled.
  const counts = await Promise.all(
    checked.map(({ resource, params }) => countOf(dataSource, resource, params)),
  )
  return checked.map(({ view, params, columns }, i) => ({
    id: view.id,
    name: view.name,
    shared: view.shared,
    mine: viewer.email !== null && view.owner === viewer.email,
    editable: mayChange(viewer, view),
    params,
    columns,
    count: counts[i],
  }))
}

/** A view as another room uses it (campaigns target one): its checked parameters and the list's query. */
export interface ResolvedView {
  id: number
  name: string
  resource: 'Client'
  /** The list URL's parameters, checked again now. */
  params: Record<string, string>
  columns: string[] | null
  /** What services/list/clientList.ts runs: `ClientList.keysetRows(query, …)` walks every client of the view. */
  query: ClientListQuery
}

/**
 * The view `viewId` as `admin` may use it (a private view is its owner's alone), its parameters
 * checked again as when it is applied; null when it does not exist or `admin` does not see it.
 */
export async function resolveViewQuery(
  dataSource: DataSource,
  viewId: number,
  admin: { email?: unknown } | null | undefined,
): Promise<ResolvedView | null> {
  if (!Number.isSafeInteger(viewId) || viewId <= 0) return null
  const email = typeof admin?.email === 'string' ? admin.email : null
  const view = await visibleViewById(dataSource, { email, managesShared: false }, viewId)
  if (!view) return null
  return {
    id: view.id,
    name: view.name,
    resource: 'Client',
    params: view.params,
    columns: view.columns,
    query: clientListQueryOf(view.params),
  }
}
