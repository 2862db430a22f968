import type { ErrorRequestHandler, Request } from 'express'
import { refuse } from './refuse.js'

export interface ErrorLogger {
  error: (message: string, meta?: Record<string, unknown>) => void
}

/** The HTTP status an error stands for: its own 4xx, or AdminJS's error classes by name. */
function statusOf(error: unknown, req: Request): number {
  const own = Number(
    (error as { status?: unknown; statusCode?: unknown })?.status ??
      (error as { statusCode?: unknown })?.statusCode,
  )
  if (Number.isInteger(own) && own >= 400 && own < 500) return own
  const name = (error as { name?: string })?.name
  if (name === 'NotFoundError') return 404
  if (name === 'ForbiddenError') return 403
  if (name === 'ValidationError') return 400
  // The body parser failed (malformed JSON, a multipart body cut short, a limit passed).
  const parsed = (req as Request & { express_formidable?: { parsed?: boolean } }).express_formidable?.parsed
  if (req.method !== 'GET' && req.method !== 'HEAD' && !parsed) return 400
  return 500
}

const MESSAGES: Record<number, string> = {
  400: 'badRequest',
  403: 'forbiddenError',
  404: 'routeNotFound',
  413: 'bodyTooLarge',
  415: 'unsupportedBody',
}

/**
 * The last handler of the admin router: an error becomes a 4xx in AdminJS's notice shape where
 * the request was at fault, else a 500 that says nothing of the server. No stack trace ever
 * reaches the browser; a 500 is logged with its stack.
 */
export function errorHandler(logger: ErrorLogger = console): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return
    const status = statusOf(error, req)
    if (status >= 500) {
      logger.error('adminjs-clients: request failed', {
        method: req.method,
        path: req.path,
        error: error instanceof Error ? error.stack : String(error),
      })
    }
    refuse(req, res, status, MESSAGES[status] ?? (status >= 500 ? 'serverError' : 'badRequest'))
  }
}
