import { limitAddress, type AccountLimits, type LimitedRequest } from './accountLimits.js'
import { AccountRefused } from './accountRefused.js'
import type { RateLimiter } from './rateLimiter.js'

/**
 * Counts one anonymous request per IP and/or per target address; past a limit,
 * `AccountRefused('rateLimited')` with the time it lifts.
 */
export async function limitAnonymous(
  { rateLimiter, limits }: { rateLimiter: RateLimiter; limits: AccountLimits },
  request: LimitedRequest,
  target: { ip?: string | null; email?: unknown },
): Promise<void> {
  const hits = []
  if ('ip' in target) hits.push(await rateLimiter.hit(`${request}:ip`, [target.ip], limits.perIp[request]))
  if ('email' in target) {
    const address = limitAddress(target.email)
    hits.push(await rateLimiter.hit(`${request}:address`, [address], limits.perAddress[request]))
  }
  const refused = hits.filter((hit) => !hit.allowed)
  if (refused.length > 0) {
    const until = Math.max(...refused.map((hit) => hit.retryAfter.getTime()))
    throw new AccountRefused('rateLimited', new Date(until))
  }
}
