/** Why the client area refuses a login; each is a message key (`accounts.<reason>`) in French and English. */
export const LOGIN_REFUSALS = [
  'invalidCredentials',
  'throttled',
  'unconfirmed',
  'suspended',
  'banned',
  'deleted',
  'totpRequired',
  'invalidTotp',
  'passwordUnusable',
] as const
export type LoginRefusal = (typeof LOGIN_REFUSALS)[number]

/** Why a token link, or a 2FA step, is refused. */
export const ACCOUNT_REFUSALS = [
  'tokenInvalid',
  'tokenExpired',
  'accountClosed',
  'twoFactorAlreadyOn',
  'twoFactorNotStarted',
  'twoFactorOff',
  'invalidTotp',
  'invalidCredentials',
  'notFound',
  'rateLimited',
  // An admin logged in as the client may look, not change the password, the email or 2FA.
  'impersonating',
] as const
export type AccountRefusal = (typeof ACCOUNT_REFUSALS)[number]

/**
 * A refusal the client area shows to the client (`accounts.<reason>`); nothing was changed.
 * `rateLimited` (answer HTTP 429) comes with `retryAfter`.
 */
export class AccountRefused extends Error {
  constructor(
    readonly reason: AccountRefusal,
    readonly retryAfter?: Date,
  ) {
    super(`account: ${reason}`)
    this.name = 'AccountRefused'
  }
}
