import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { CookieOptions, Request, Response } from 'express'
import { requestSite, type Language } from '../src/index.js'

const NONCE_COOKIE = 'adminjs_clients_account_csrf'
const LANG_COOKIE = 'adminjs_clients_account_lang'
const FLASH_COOKIE = 'adminjs_clients_account_flash'

const cookieOptions: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: false, path: '/account' }

/** The request's cookies (express-session parses only its own). */
function cookies(req: Request): Record<string, string> {
  const found: Record<string, string> = {}
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at < 1) continue
    const name = part.slice(0, at).trim()
    try {
      found[name] = decodeURIComponent(part.slice(at + 1).trim())
    } catch {
      // A malformed cookie is no cookie.
    }
  }
  return found
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * What the client area keeps in cookies instead of a session, so that an anonymous visitor costs
 * no session row: the CSRF nonce (a signed double-submit token), the language and the flash.
 * Every value read back is checked against an HMAC of the app's secret.
 */
export class ClientAreaGuard {
  constructor(private readonly secret: string) {}

  private sign(purpose: string, value: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${value}`).digest('base64url')
  }

  /** Gives the browser a CSRF nonce if it has none (GET only: a refused POST sets nothing). */
  ensureNonce(req: Request, res: Response): void {
    if (cookies(req)[NONCE_COOKIE]) return
    const nonce = randomBytes(24).toString('base64url')
    res.cookie(NONCE_COOKIE, nonce, cookieOptions)
    // The page rendered by this very response must carry a token for it.
    req.headers.cookie = `${req.headers.cookie ? `${req.headers.cookie}; ` : ''}${NONCE_COOKIE}=${nonce}`
  }

  /** The token of the forms: the nonce signed, and bound to the session once logged in. */
  csrfToken(req: Request): string {
    const nonce = cookies(req)[NONCE_COOKIE] ?? ''
    return nonce ? this.sign('csrf', `${nonce}:${req.session.clientId ? req.sessionID : ''}`) : ''
  }

  /** The posted token matches this browser's nonce (and session): the form came from our page. */
  csrfValid(req: Request): boolean {
    const expected = this.csrfToken(req)
    return expected !== '' && same(String(req.body?._csrf ?? ''), expected)
  }

  /**
   * A POST sent by a page of another site: refused before anything else, whatever it carries.
   * The plugin's own verdict (`requestSite`), as the panel's router uses it; a tool that sends
   * neither `Origin` nor `Sec-Fetch-Site` still needs the CSRF token.
   */
  crossSite(req: Request): boolean {
    return requestSite(req) === 'other'
  }

  /** The language asked by `?lang=` (kept in a cookie), else the one kept, else French. */
  language(req: Request, res: Response): Language {
    const asked = req.query.lang
    if (asked === 'fr' || asked === 'en') {
      res.cookie(LANG_COOKIE, asked, { ...cookieOptions, maxAge: 365 * 24 * 3600_000 })
      return asked
    }
    const kept = cookies(req)[LANG_COOKIE]
    return kept === 'en' || kept === 'fr' ? kept : 'fr'
  }

  /** A message for the next page (after a redirect). */
  setFlash(res: Response, text: string): void {
    const value = Buffer.from(text).toString('base64url')
    res.cookie(FLASH_COOKIE, `${value}.${this.sign('flash', value)}`, cookieOptions)
  }

  /** The message left by the previous response, once. */
  takeFlash(req: Request, res: Response): string | null {
    const raw = cookies(req)[FLASH_COOKIE]
    if (!raw) return null
    res.clearCookie(FLASH_COOKIE, cookieOptions)
    const [value, signature] = raw.split('.')
    if (!value || !signature || !same(signature, this.sign('flash', value))) return null
    return Buffer.from(value, 'base64url').toString('utf8')
  }
}
