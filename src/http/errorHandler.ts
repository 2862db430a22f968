import type { ErrorRequestHandler, Request } from 'express'
import { isDatabaseUnavailable } from '../services/core/databaseFaults.js'
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
  // The database is away (the session could not be read, a connection was lost): "try again".
  if (isDatabaseUnavailable(error)) return 503
  const name = (error as { name?: string })?.name
  if (name === 'NotFoundError') return 404
  if (name === 'ForbiddenError') return 403
  if (name === 'ValidationError') return 400
  // The body parser failed (malformed JSON, a multipart body cut short, a limit passed).
  const parsed = (req as Request & { express_formidable?: { parsed?: boolean } }).express_formidable?.parsed
  if (req.method !== 'GET' && req.method !== 'HEAD' && !parsed) return 400
  return 500
}

/** The driver's code (or the error's name) under a 503, for the log: never a stack or a query. */
function causeOf(error: unknown): string {
  let e = error as { name?: string; code?: unknown; cause?: unknown; driverError?: unknown } | undefined
  const names: string[] = []
  for (let depth = 0; e && depth < 3; depth += 1) {
    names.push(typeof e.code === 'string' ? e.code : (e.name ?? 'Error'))
    e = (e.driverError ?? e.cause) as typeof e
  }
  return names.join(' < ')
}

const MESSAGES: Record<number, string> = {
  400: 'badRequest',
  403: 'forbiddenError',
  404: 'routeNotFound',
  413: 'bodyTooLarge',
  415: 'unsupportedBody',
  503: 'databaseUnavailable',
}

export interface ErrorHandlerOptions {
  /**
   * The login page with an error message, for a login the database could not serve (the panel's
   * own page saying "try again" rather than a bare status).
   */
  loginPage?: { path: string; render: (errorMessage: string) => Promise<string> }
}

/**
 * The last handler of the admin router: an error becomes a 4xx in AdminJS's notice shape where
 * the request was at fault, else a 500 that says nothing of the server. No stack trace ever
 * reaches the browser; a 500 is logged with its stack. The database away (a lost connection,
 * DatabaseUnavailableError, a session that could not be read) is a 503 "try again" with
 * `Retry-After`, on the login route the login page saying so; logged in one line.
 */
export function errorHandler(
  logger: ErrorLogger = console,
  options: ErrorHandlerOptions = {},
): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return
    const status = statusOf(error, req)
    if (status === 503) {
      // Expected while the database is away: one line, no stack.
      logger.error('adminjs-clients: database unavailable', {
        method: req.method,
        path: req.path,
        cause: causeOf(error),
      })
      const login = options.loginPage
      if (login && req.path === login.path && !req.path.startsWith('/api/')) {
        login.render(MESSAGES[503]).then(
          (page) => {
            if (!res.headersSent) res.status(503).set('Retry-After', '5').type('html').send(page)
          },
          () => refuse(req, res, 503, MESSAGES[503]),
        )
        return
      }
    } else if (status >= 500) {
      logger.error('adminjs-clients: request failed', {
        method: req.method,
        path: req.path,
        error: error instanceof Error ? error.stack : String(error),
      })
    }
    refuse(req, res, status, MESSAGES[status] ?? (status >= 500 ? 'serverError' : 'badRequest'))
  }
}
