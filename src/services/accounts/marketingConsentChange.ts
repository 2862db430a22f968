import { InvalidInputError } from '../core/errors.js'
import type { AccountContext } from './accountContext.js'
import { findProfile } from './accountLookup.js'
import { AccountRefused } from './accountRefused.js'
import { clientAreaActor, refuseWhileImpersonating } from './impersonationMark.js'

export interface MarketingConsentChangeInput {
  clientId: number
  /** `in` (the client wants the campaigns' emails) or `out`; anything else is a field error. */
  consent?: unknown
  ip?: string | null
  /** The session's impersonation mark: an admin logged in as the client cannot consent for them. */
  impersonation?: unknown
}

/**
 * The logged-in client gives or withdraws the marketing consent from the client area: source
 * `client_area`, its date, one `marketing_consent_changed` event (actor: the client, with the IP);
 * the same consent again changes nothing. Returns whether it changed.
 */
export async function changeOwnMarketingConsent(
  ctx: AccountContext,
  input: MarketingConsentChangeInput,
): Promise<{ changed: boolean }> {
  refuseWhileImpersonating(input.impersonation)
  const consent = input.consent
  if (consent !== 'in' && consent !== 'out') throw new InvalidInputError({ consent: 'fieldRequired' })
  const client = await findProfile(ctx.dataSource, input.clientId)
  if (!client) throw new AccountRefused('notFound')
  if (client.status === 'deleted' || client.status === 'banned') throw new AccountRefused('accountClosed')
  const { actor } = clientAreaActor(client.email, input.ip, input.impersonation)
  const result = await ctx.lifecycle.recordMarketingConsent(actor, client.id, consent, 'client_area')
  return { changed: result.changed.length > 0 }
}
