import type { DataSource } from 'typeorm'
import { CampaignRecipient } from '../../entities/CampaignRecipient.js'
import { Client } from '../../entities/Client.js'
import { inTransaction } from '../core/transaction.js'
import { setConsentIn } from '../lifecycle/marketingConsent.js'
import { emailLanguage } from '../mail/templateSet.js'
import type { Language } from '../../shared/language.js'
import { readUnsubscribeToken } from './unsubscribeToken.js'

/**
 * What an unsubscribe link gets: `invalid` (forged, altered, another client's, or a campaign that
 * never mailed this client), `confirm` (GET: the page asks), `done` (the opt-out recorded) or
 * `already` (the client had opted out: nothing changes, no second event).
 */
export type UnsubscribeOutcome = 'invalid' | 'confirm' | 'done' | 'already'

/**
 * An unsubscribe link followed (GET: `confirm` only, nothing changes) or posted (the page's button,
 * or the mail client's one-click `List-Unsubscribe=One-Click`): the client's consent becomes `out`
 * from source `unsubscribe`, one `marketing_consent_changed` event with the campaign. The link is
 * checked before anything is read: its signature, then that this campaign did mail this client.
 */
export async function unsubscribe(
  dataSource: DataSource,
  secret: string | null,
  token: unknown,
  request: { method: 'GET' | 'POST'; ip: string | null },
  fallback: Language,
): Promise<{ outcome: UnsubscribeOutcome; language: Language }> {
  const target = secret ? readUnsubscribeToken(secret, token) : null
  if (!target) return { outcome: 'invalid', language: fallback }
  const [recipient, client] = await Promise.all([
    dataSource.getRepository(CampaignRecipient).findOneBy(target),
    dataSource.getRepository(Client).findOneBy({ id: target.clientId }),
  ])
  if (!recipient || !client || client.anonymisedAt) return { outcome: 'invalid', language: fallback }
  const language = emailLanguage(client.locale, fallback)
  if (client.marketingConsent === 'out') return { outcome: 'already', language }
  if (request.method === 'GET') return { outcome: 'confirm', language }
  const changed = await inTransaction(dataSource, async (manager) => {
    const outcome = await setConsentIn(
      dataSource,
      manager,
      { type: 'client', email: client.email, ip: request.ip },
      [client.id],
      'out',
      'unsubscribe',
      { campaignId: target.campaignId },
    )
    return outcome.changed.length
  })
  return { outcome: changed > 0 ? 'done' : 'already', language }
}
