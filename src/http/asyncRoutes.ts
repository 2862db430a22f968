import type { NextFunction, Request, RequestHandler, Response, Router } from 'express'

/** A handler that may return a promise (Express 4 drops it: a rejection would end the process). */
export type AsyncRequestHandler = (req: Request, res: Response, next: NextFunction) => unknown

/** A route's handlers, sync or async; a thrown error or a rejected promise reaches `next`. */
type RouteAdder = (path: string | RegExp, ...handlers: AsyncRequestHandler[]) => void

export interface AsyncRoutes {
  get: RouteAdder
  post: RouteAdder
  use: (...handlers: AsyncRequestHandler[]) => void
}

/** The handler with its error, thrown or rejected, handed to Express's error handlers. */
export function asyncHandler(handler: AsyncRequestHandler): RequestHandler {
  return (req, res, next) => {
    let result: unknown
    try {
      result = handler(req, res, next)
    } catch (error) {
      next(error)
      return
    }
    if (result instanceof Promise) result.catch(next)
  }
}

/**
 * The router's `get`, `post` and `use` for async handlers: Express 4 ignores the promise a
 * handler returns, so an error that escapes an `async` handler (a lost database connection, a
 * missing session) would be an unhandled rejection, and Node ends the process on one.
 */
export function asyncRoutes(router: Router): AsyncRoutes {
  return {
    get: (path, ...handlers) => router.get(path, ...handlers.map(asyncHandler)),
    post: (path, ...handlers) => router.post(path, ...handlers.map(asyncHandler)),
    use: (...handlers) => router.use(...handlers.map(asyncHandler)),
  }
}
