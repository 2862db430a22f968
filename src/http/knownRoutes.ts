import type AdminJS from 'adminjs'
import type { RequestHandler } from 'express'
import { downloadOf } from '../services/core/downloads.js'
import { adminRouteOf, isWellFormedId, servesRouteType } from './adminRoutes.js'
import { refuseRecordIds } from './recordIdsQuery.js'
import { refuse } from './refuse.js'
import { resourceWithId } from './resourceById.js'

/**
 * Each route of the panel checked before AdminJS (or our own routes) read anything for it: an
 * unknown page, resource or action is a 404 (AdminJS would throw, and answer 500 with the list of
 * every resource id), and so is an action called through a route that is not of its type. A
 * record action only on `/records/:id/<action>` with an id of the resource's id type; a bulk
 * action only on `/bulk/<action>` with `recordIds` (each of that type, else the 400 of
 * recordIdsQuery.ts); a resource action only on `/actions/<action>` (and AdminJS's `/search`);
 * our download routes only for an action of their type that offers a download.
 * A handler of another type would run without the record, or the records, it was written for.
 */
export function knownRoutes(admin: AdminJS): RequestHandler {
  return (req, res, next) => {
    const route = adminRouteOf(req.path)
    if (route === null) return next()
    if (route === 'malformed') return refuse(req, res, 400, 'badRequest')
    if (route.kind === 'page') {
      return Object.hasOwn(admin.options.pages ?? {}, route.name)
        ? next()
        : refuse(req, res, 404, 'routeNotFound')
    }
    const resource = resourceWithId(admin, route.resourceId)
    if (!resource) return refuse(req, res, 404, 'routeNotFound')
    if (route.kind === 'resource') return next()
    const actions = resource.decorate().actions
    const action = Object.hasOwn(actions, route.action) ? actions[route.action] : undefined
    if (!action || !servesRouteType(action, route.type)) return refuse(req, res, 404, 'routeNotFound')
    // The action as declared (AdminJS keeps it on its decorator): does it offer a download?
    if (route.download && !downloadOf((action as unknown as { action?: object }).action)) {
      return refuse(req, res, 404, 'routeNotFound')
    }
    if (route.type === 'record' && !isWellFormedId(resource, route.recordId ?? '')) {
      return refuse(req, res, 404, 'routeNotFound')
    }
    if (route.type === 'bulk') {
      const recordIds = (req.query as Record<string, unknown>).recordIds
      if (recordIds === undefined || recordIds === '') return refuse(req, res, 404, 'routeNotFound')
      const ids = typeof recordIds === 'string' ? recordIds.split(',') : null
      if (!ids || !ids.every((id) => isWellFormedId(resource, id))) return refuseRecordIds(res)
    }
    return next()
  }
}
