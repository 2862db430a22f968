import type { Client } from '../../entities/Client.js'
import type { ClientStatus, MarketingConsent } from '../../entities/columns.js'

/** What the client area may know of the account: no hash, secret or token. */
export interface AccountClient {
  id: number
  clientNumber: string
  lastName: string
  firstName: string | null
  email: string | null
  locale: string
  status: ClientStatus
  twoFactorEnabled: boolean
  /** Given (`in`), withdrawn (`out`) or never asked (null): the campaigns mail only `in` and null. */
  marketingConsent: MarketingConsent | null
}

export function publicClient(client: Client): AccountClient {
  return {
    id: client.id,
    clientNumber: client.clientNumber,
    lastName: client.lastName,
    firstName: client.firstName,
    email: client.email,
    locale: client.locale,
    status: client.status,
    twoFactorEnabled: client.twoFactorEnabledAt !== null,
    marketingConsent: client.marketingConsent,
  }
}
