export interface SessionCookieOptions {
  /** Hours a session lasts without activity. Default 8. */
  maxAgeHours?: number
  /**
   * `auto` (default): the cookie is `Secure` when the request came over HTTPS (behind a proxy,
   * set Express's `trust proxy` so `req.secure` sees `X-Forwarded-Proto`). `true` in production
   * forces it; `false` only for plain-http development.
   */
  secure?: boolean | 'auto'
}

/**
 * Cookie options for the panel's (and a client area's) session: HttpOnly, SameSite=Lax, Secure
 * over HTTPS, a bounded lifetime. Spread into express-session's options as `cookie`.
 */
export function sessionCookie(options: SessionCookieOptions = {}): {
  httpOnly: true
  sameSite: 'lax'
  secure: boolean | 'auto'
  maxAge: number
} {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure ?? 'auto',
    maxAge: (options.maxAgeHours ?? 8) * 3600_000,
  }
}
