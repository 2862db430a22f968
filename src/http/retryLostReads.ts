import type { ErrorRequestHandler, Router } from 'express'
import { isConnectionLost } from '../services/core/databaseFaults.js'

const RETRIED = Symbol('adminjs-clients.retriedAfterLostConnection')
/** The waits before each new run (each query gets a new connection). */
const DELAYS_MS = [50, 250]

/**
 * A GET whose database connection was lost runs again once, on a new connection, before anyone
 * answers "try again": a killed connection (a failover, a proxy reset) costs the reader a few
 * milliseconds, not an error. Only reads: in the panel a GET changes nothing (every change is a
 * POST, whose transaction the helper retries itself). Placed before the router's error handler.
 */
export function retryLostReads(router: Router): ErrorRequestHandler {
  return (error, req, res, next) => {
    const tagged = req as typeof req & { [RETRIED]?: number }
    const runs = tagged[RETRIED] ?? 0
    if (
      !isConnectionLost(error) ||
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      res.headersSent ||
      runs >= DELAYS_MS.length
    ) {
      return next(error)
    }
    tagged[RETRIED] = runs + 1
    // The same request through the same router again: the session and the body are already read.
    setTimeout(() => router(req, res, next), DELAYS_MS[runs])
  }
}
