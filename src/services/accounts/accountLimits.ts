import { normalizeEmail } from '../../shared/clientIdentity.js'
import type { RateLimitRule } from './rateLimiter.js'

/** The requests of the client area that anyone may send, each limited per IP and per target address. */
export type LimitedRequest = 'register' | 'passwordReset' | 'confirmationResend'

/**
 * Limits of the client area's anonymous requests, counted in the database (`RateLimiter`) so that
 * they hold across app instances. Failed logins are limited per (email, IP) by the security
 * settings (`maxFailedLogins` per `throttleMinutes`) and per IP by `loginPerIp`.
 */
export interface AccountLimits {
  perIp: Record<LimitedRequest, RateLimitRule>
  perAddress: Record<LimitedRequest, RateLimitRule>
  /** Failed logins from one IP, whatever the emails tried. */
  loginPerIp: RateLimitRule
}

const HOUR = 3600_000

export const DEFAULT_ACCOUNT_LIMITS: AccountLimits = {
  perIp: {
    register: { limit: 10, windowMs: HOUR },
    passwordReset: { limit: 10, windowMs: HOUR },
    confirmationResend: { limit: 10, windowMs: HOUR },
  },
  // Three emails an hour to one address: enough for a lost email, too few to flood a mailbox.
  perAddress: {
    register: { limit: 3, windowMs: HOUR },
    passwordReset: { limit: 3, windowMs: HOUR },
    confirmationResend: { limit: 3, windowMs: HOUR },
  },
  loginPerIp: { limit: 100, windowMs: 15 * 60_000 },
}

/** The address a counter is kept for: normalised and cut, so that case or length cannot dodge it. */
export const limitAddress = (email: unknown): string =>
  normalizeEmail(typeof email === 'string' ? email : '')?.slice(0, 255) ?? ''
