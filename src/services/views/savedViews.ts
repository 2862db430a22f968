import { Brackets, type DataSource, type EntityManager } from 'typeorm'
import { SavedView } from '../../entities/SavedView.js'
import { SavedViewDefault } from '../../entities/SavedViewDefault.js'
import type { Actor } from '../core/requestValues.js'
import { writeAudit } from '../core/adminAudit.js'
import { ClientActionRefused } from '../core/errors.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import { MAX_VIEWS_SHOWN, type ViewResource } from '../../shared/savedViews.js'
import { viewColumnsOf, viewParamsOf, viewParamsOfSearch, type ViewParams } from './viewParams.js'

// Saved views (issue 28): the rules of who sees and who changes one, each change in one
// transaction with its entry in the admin audit trail (as the email templates, the firm's other
// shared settings). A private view is its owner's alone: to anyone else it does not exist.

/** Who looks at the views: the admin's email, and whether their role may change others' shared views. */
export interface Viewer {
  email: string | null
  managesShared: boolean
}

/** The owner sees it; everyone sees a shared one. */
export const sees = (viewer: Viewer, view: SavedView) =>
  view.shared || (viewer.email !== null && view.owner === viewer.email)

/** The owner changes it; an admin whose role manages shared views changes a shared one. */
export const mayChange = (viewer: Viewer, view: SavedView) =>
  (viewer.email !== null && view.owner === viewer.email) || (view.shared && viewer.managesShared)

/** The view if this viewer sees it (locked for the change to come), else `notFound`. */
async function visibleView(manager: EntityManager, viewer: Viewer, resource: ViewResource, id: number) {
  // SQLite writes one transaction at a time: no lock to take.
  const lock = isMysqlFamily(manager.connection) ? { lock: { mode: 'pessimistic_write' as const } } : {}
  const view = await manager.getRepository(SavedView).findOne({ where: { id, resource }, ...lock })
  if (!view || !sees(viewer, view)) throw new ClientActionRefused('viewNotFound')
  return view
}

async function changeableView(manager: EntityManager, viewer: Viewer, resource: ViewResource, id: number) {
  const view = await visibleView(manager, viewer, resource, id)
  if (!mayChange(viewer, view)) throw new ClientActionRefused('viewNotYours')
  return view
}

const auditOf = (view: SavedView) => ({
  resourceId: view.resource,
  rowCount: 1,
  // The view's name and parameters are the admins' words and filters, never a client's row.
  details: { view: view.id, name: view.name, shared: view.shared, owner: view.owner },
})

/** The views this viewer sees on a list, by name (at most MAX_VIEWS_SHOWN, their default always among them). */
export async function visibleViews(
  dataSource: DataSource,
  viewer: Viewer,
  resource: ViewResource,
): Promise<{ views: SavedView[]; defaultViewId: number | null }> {
  const defaultRow = viewer.email
    ? await dataSource.getRepository(SavedViewDefault).findOne({ where: { owner: viewer.email, resource } })
    : null
  const views = await dataSource
    .getRepository(SavedView)
    .createQueryBuilder('v')
    .where('v.resource = :resource', { resource })
    .andWhere(
      new Brackets((qb) => {
        qb.where('v.shared = :shared', { shared: true })
        if (viewer.email) qb.orWhere('v.owner = :owner', { owner: viewer.email })
      }),
    )
    .orderBy('v.name', 'ASC')
    .addOrderBy('v.id', 'ASC')
    .limit(MAX_VIEWS_SHOWN)
    .getMany()
  let defaultViewId: number | null = null
  if (defaultRow) {
    const found =
      views.find((v) => v.id === defaultRow.viewId) ??
      (await dataSource.getRepository(SavedView).findOne({ where: { id: defaultRow.viewId, resource } }))
    // A default that was made private by its owner since is nobody else's default any more.
    if (found && sees(viewer, found)) {
      defaultViewId = found.id
      if (!views.includes(found)) views.splice(Math.min(views.length, MAX_VIEWS_SHOWN - 1), 1, found)
    }
  }
  return { views, defaultViewId }
}

/** The view of that list and its parameters checked again, if this viewer sees it; null otherwise. */
export async function visibleViewById(
  dataSource: DataSource,
  viewer: Viewer,
  id: number,
  resource: ViewResource = 'Client',
): Promise<(SavedView & { params: ViewParams }) | null> {
  const view = await dataSource.getRepository(SavedView).findOne({ where: { id, resource } })
  if (!view || !sees(viewer, view)) return null
  view.params = viewParamsOf(resource, Object.entries(view.params ?? {}))
  view.columns = viewColumnsOf(resource, view.columns)
  return view
}

export interface NewView {
  name: string
  shared: boolean
  /** The list URL's search string: only the parameters the list takes are kept. */
  query: string
  columns: string
}

/** Saves the list as it is filtered and sorted under a name, the viewer's own. */
export async function saveView(
  dataSource: DataSource,
  actor: Actor,
  resource: ViewResource,
  input: NewView,
): Promise<SavedView> {
  const owner = actor.email
  if (!owner) throw new ClientActionRefused('viewNotYours')
  return inTransaction(dataSource, async (manager) => {
    const view = manager.getRepository(SavedView).create({
      name: input.name,
      resource,
      params: viewParamsOfSearch(resource, input.query),
      columns: viewColumnsOf(resource, input.columns),
      owner,
      shared: input.shared,
    })
    const saved = await manager.getRepository(SavedView).save(view)
    await writeAudit(manager, actor, { action: 'view_saved', ...auditOf(saved) })
    return saved
  })
}

/** Renames a view, or shares or unshares it (what is not given stays). */
export async function changeView(
  dataSource: DataSource,
  actor: Actor,
  viewer: Viewer,
  resource: ViewResource,
  id: number,
  change: { name?: string; shared?: boolean },
): Promise<SavedView> {
  return inTransaction(dataSource, async (manager) => {
    const view = await changeableView(manager, viewer, resource, id)
    if (change.name !== undefined) view.name = change.name
    if (change.shared !== undefined) view.shared = change.shared
    const saved = await manager.getRepository(SavedView).save(view)
    if (change.shared === false) {
      // Unshared: the others who had it as their default open the whole list again.
      await manager
        .createQueryBuilder()
        .delete()
        .from(SavedViewDefault)
        .where('viewId = :id AND owner <> :owner', { id, owner: view.owner })
        .execute()
    }
    await writeAudit(manager, actor, { action: 'view_changed', ...auditOf(saved) })
    return saved
  })
}

/** Deletes a view (and makes it nobody's default). */
export async function deleteView(
  dataSource: DataSource,
  actor: Actor,
  viewer: Viewer,
  resource: ViewResource,
  id: number,
): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    const view = await changeableView(manager, viewer, resource, id)
    const audit = auditOf(view)
    // The defaults first: the same result where foreign keys are not enforced.
    await manager.getRepository(SavedViewDefault).delete({ viewId: id })
    await manager.getRepository(SavedView).delete({ id })
    await writeAudit(manager, actor, { action: 'view_deleted', ...audit })
  })
}

/** The view the viewer's list opens with (one they see), or none. A preference: not audited. */
export async function setDefaultView(
  dataSource: DataSource,
  viewer: Viewer,
  resource: ViewResource,
  id: number | null,
): Promise<void> {
  const owner = viewer.email
  if (!owner) throw new ClientActionRefused('viewNotYours')
  await inTransaction(dataSource, async (manager) => {
    if (id !== null) await visibleView(manager, viewer, resource, id)
    await manager.getRepository(SavedViewDefault).delete({ owner, resource })
    if (id !== null) await manager.getRepository(SavedViewDefault).insert({ owner, resource, viewId: id })
  })
}
