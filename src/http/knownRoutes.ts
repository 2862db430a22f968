import type AdminJS from 'adminjs'
import type { RequestHandler } from 'express'
import { refuse } from './refuse.js'
import { resourceById } from './resourceById.js'

// Panel pages and API routes that name a resource, and then maybe an action.
const RESOURCE_ROUTE =
  /^(?:\/api)?\/resources\/([^/]+)(?:\/(?:actions\/([^/]+)(?:\/[^/]*)?|records\/[^/]+\/([^/]+)|bulk\/([^/]+)|search(?:\/[^/]*)?))?\/?$/
const PAGE_ROUTE = /^(?:\/api)?\/pages\/([^/]+)\/?$/

/**
 * A resource, action or page that does not exist is a 404 before AdminJS looks it up (it would
 * throw, and answer 500 with the list of every resource id).
 */
export function knownRoutes(admin: AdminJS): RequestHandler {
  return (req, res, next) => {
    const page = PAGE_ROUTE.exec(req.path)
    if (page) {
      const name = decodeURIComponent(page[1])
      return Object.hasOwn(admin.options.pages ?? {}, name) ? next() : refuse(req, res, 404, 'routeNotFound')
    }
    const route = RESOURCE_ROUTE.exec(req.path)
    if (!route) return next()
    let actionName: string | undefined
    try {
      actionName = [route[2], route[3], route[4]]
        .map((part) => part && decodeURIComponent(part))
        .find(Boolean)
    } catch {
      return refuse(req, res, 400, 'badRequest')
    }
    const resource = resourceById(admin, route[1])
    if (!resource) return refuse(req, res, 404, 'routeNotFound')
    if (actionName && !Object.hasOwn(resource.decorate().actions, actionName)) {
      return refuse(req, res, 404, 'routeNotFound')
    }
    return next()
  }
}
