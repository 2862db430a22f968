import { isObject } from '../core/configError.js'

/** The option `campaigns` of `createClientManagement`. */
export interface CampaignOptionsInput {
  campaigns?: {
    /**
     * The page the host mounts `campaignUnsubscribeRoutes` at, as clients reach it, e.g.
     * `https://app.acme.example/unsubscribe`: every campaign email links there (`?token=…`) and
     * names it in its `List-Unsubscribe` header. Without it, campaigns cannot be started.
     */
    unsubscribeUrl?: string
    /** Signs the unsubscribe links (HMAC-SHA256); the same on every instance, at least 16 characters. */
    secret?: string
    /** The throttle a new campaign starts with (emails per minute, across every instance). Default 600. */
    throttlePerMinute?: number
    /**
     * The throttle's window, in ms: no window of that length holds more than the campaign's
     * throttle of sends. Default 60,000 (the throttle is per minute, as the panel says); 1,000 to
     * 60,000. For tests, which shorten a campaign's several windows; a host has no reason to set it.
     */
    throttleWindowMs?: number
    /** How often an idle campaign worker looks for work, in ms. Default 5000. */
    pollMs?: number
    /** `separate`: this process runs no campaign worker (a worker process does). */
    worker?: 'in-process' | 'separate'
  }
}

export interface CampaignOptions {
  unsubscribeUrl: string | null
  secret: string | null
  throttlePerMinute: number
  throttleWindowMs: number
  pollMs: number
  worker: 'in-process' | 'separate'
}

export const MAX_THROTTLE_PER_MINUTE = 100_000

/** The throttle's window by default: a minute. */
export const THROTTLE_WINDOW_MS = 60_000

export function checkCampaignOptions(options: CampaignOptionsInput): string[] {
  const c = options.campaigns
  if (c === undefined) return []
  if (!isObject(c)) return ['campaigns must be an object']
  const problems: string[] = []
  if (c.unsubscribeUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(String(c.unsubscribeUrl)))
    problems.push('campaigns.unsubscribeUrl must be an http(s) URL')
  if (c.secret !== undefined && (typeof c.secret !== 'string' || c.secret.length < 16))
    problems.push('campaigns.secret must be a string of 16 characters or more')
  const throttle = c.throttlePerMinute
  if (
    throttle !== undefined &&
    (!Number.isInteger(throttle) || throttle < 1 || throttle > MAX_THROTTLE_PER_MINUTE)
  )
    problems.push(`campaigns.throttlePerMinute must be a whole number from 1 to ${MAX_THROTTLE_PER_MINUTE}`)
  const window = c.throttleWindowMs
  if (window !== undefined && (!Number.isInteger(window) || window < 1000 || window > THROTTLE_WINDOW_MS))
    problems.push(
      `campaigns.throttleWindowMs must be a whole number of milliseconds from 1000 to ${THROTTLE_WINDOW_MS}`,
    )
  if (c.pollMs !== undefined && (!Number.isFinite(c.pollMs) || c.pollMs < 100))
    problems.push('campaigns.pollMs must be a number of milliseconds, 100 or more')
  if (c.worker !== undefined && c.worker !== 'in-process' && c.worker !== 'separate')
    problems.push("campaigns.worker must be 'in-process' or 'separate'")
  return problems
}

export function resolveCampaignOptions(options: CampaignOptionsInput): { campaigns: CampaignOptions } {
  const c = options.campaigns ?? {}
  return {
    campaigns: {
      unsubscribeUrl: c.unsubscribeUrl ?? null,
      secret: c.secret ?? null,
      throttlePerMinute: c.throttlePerMinute ?? 600,
      throttleWindowMs: c.throttleWindowMs ?? THROTTLE_WINDOW_MS,
      pollMs: c.pollMs ?? 5000,
      worker: c.worker ?? 'in-process',
    },
  }
}
