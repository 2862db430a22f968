import {
  ViewHelpers,
  requestParser,
  type ActionRequest,
  type CurrentAdmin,
  type default as AdminJS,
} from 'adminjs'
import type { RequestHandler, Router } from 'express'
import { readsItsOwnRecordIds } from '../services/core/bulkRequests.js'
import { asyncHandler } from './asyncRoutes.js'

const BULK_PATH = '/api/resources/:resourceId/bulk/:action'

interface PanelRequest {
  session?: { adminUser?: unknown }
  fields?: Record<string, unknown>
  files?: Record<string, unknown>
}

/**
 * A bulk action's POST for a handler that reads `recordIds` itself (services/core/bulkRequests.ts):
 * the action as AdminJS runs it (its before hooks with the role check, the handler, the after
 * hooks, its error answers) but without AdminJS's read and populate of every selected record
 * first. Anything else (GET, another action, a refused admin) goes on to AdminJS's own route.
 */
function bulkPost(admin: AdminJS): RequestHandler {
  return asyncHandler(async (req, res, next) => {
    try {
      const { resourceId, action: actionName } = req.params
      const resource = admin.resources.find((r) => r.decorate().id() === resourceId)
      const action = resource?.decorate().actions[actionName]
      // The handler as declared (AdminJS keeps the options it was given as `action`; a feature
      // on the resource makes it a list of one).
      const declared = (action as unknown as { action?: { handler?: object | object[] } } | undefined)?.action
        ?.handler
      const handlers = Array.isArray(declared) ? declared : declared ? [declared] : []
      const panel = req as unknown as PanelRequest
      const currentAdmin = panel.session?.adminUser as CurrentAdmin | undefined
      if (!resource || !action || handlers.length !== 1 || !readsItsOwnRecordIds.has(handlers[0]))
        return next()
      if (!action.isBulkType() || !action.isAccessible(currentAdmin)) return next()
      const context = {
        resource,
        action,
        h: new ViewHelpers({ options: admin.options }),
        currentAdmin,
        _admin: admin,
        records: [],
      }
      const request = requestParser(
        {
          ...(req as unknown as ActionRequest),
          params: { ...req.params, resourceId, action: actionName },
          query: req.query as Record<string, string>,
          payload: { ...(panel.fields ?? {}), ...(panel.files ?? {}) },
          method: 'post',
        },
        resource,
      )
      res.send(await action.handler(request, res, context))
    } catch (error) {
      next(error)
    }
  })
}

/**
 * Puts the route above in front of AdminJS's bulk route on the router `buildAuthenticatedRouter`
 * returned: after its session, login check and body parser, before its handler.
 */
export function withBulkPost(admin: AdminJS, built: Router): void {
  const stack = (
    built as unknown as { stack: { route?: { path?: string; methods?: Record<string, boolean> } }[] }
  ).stack
  const at = stack.findIndex((layer) => layer.route?.path === BULK_PATH && layer.route.methods?.post)
  if (at < 0) return
  built.post(BULK_PATH, bulkPost(admin))
  stack.splice(at, 0, stack.pop()!)
}
