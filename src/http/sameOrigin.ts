import type { Request, RequestHandler } from 'express'
import { refuse } from './refuse.js'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface SameOriginOptions {
  /**
   * The origins the panel is reached at (`https://admin.example.com`). Default: the request's own
   * (`req.protocol` and the `Host` header); behind a proxy set it, or set Express's `trust proxy`.
   */
  origins?: string[]
}

/** The origin a request names in `Origin`, else in `Referer`; null when neither names one. */
function originOf(req: Request): string | null {
  const origin = req.get('origin')
  if (origin && origin !== 'null') return origin.toLowerCase()
  const referer = req.get('referer')
  if (!referer) return null
  try {
    return new URL(referer).origin.toLowerCase()
  } catch {
    return null
  }
}

const ownOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? ''}`.toLowerCase()

/**
 * Where a request says it comes from: `same` (an allowed origin in `Origin` or `Referer`, else a
 * browser's `Sec-Fetch-Site: same-origin`, which no page can set), `other` (another origin, an
 * opaque `Origin: null`, or a browser saying another site), `unknown` (none of these: a tool,
 * not a browser). `allowed`: the accepted origins, lower-case; default the request's own.
 */
export function requestSite(req: Request, allowed?: string[]): 'same' | 'other' | 'unknown' {
  const origin = originOf(req)
  if (origin !== null)
    return (allowed ? allowed.includes(origin) : origin === ownOrigin(req)) ? 'same' : 'other'
  const site = req.get('sec-fetch-site')
  if (site === 'same-origin') return 'same'
  return site || req.get('origin') === 'null' ? 'other' : 'unknown'
}

/**
 * Cross-site request forgery stops here, before any body is read: a state-changing request
 * (POST, PUT, PATCH, DELETE) must come from the panel's origin, or is a 403. An `Origin` (or
 * else `Referer`) that names an origin must be an allowed one; where the browser hides it
 * (`Origin: null` under a no-referrer policy), its `Sec-Fetch-Site: same-origin` (a header no
 * page can set) is required. A request that proves neither is refused. A GET that ends the
 * session (logout) is refused when the browser says it comes from another site, so a link
 * elsewhere cannot log the admin out.
 */
export function sameOrigin(options: SameOriginOptions & { logoutPath?: string } = {}): RequestHandler {
  const allowed = options.origins?.map((origin) => new URL(origin).origin.toLowerCase())
  return (req, res, next) => {
    if (STATE_CHANGING.has(req.method)) {
      return requestSite(req, allowed) === 'same' ? next() : refuse(req, res, 403, 'crossOriginRefused')
    }
    if (options.logoutPath && req.path === options.logoutPath) {
      const site = req.get('sec-fetch-site')
      if (site && site !== 'same-origin' && site !== 'none')
        return refuse(req, res, 403, 'crossOriginRefused')
    }
    return next()
  }
}
