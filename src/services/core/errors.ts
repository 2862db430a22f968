/** Why an action does not apply to a client; each is a message key translated in `src/locale`. */
export const REFUSAL_REASONS = [
  'notFound',
  'notPending',
  'notActive',
  'notSuspendedOrBanned',
  'alreadyBanned',
  'isDeleted',
  'notDeleted',
  'noTwoFactor',
  'noEmail',
  'isBanned',
  'alreadyAnonymised',
  // Anonymised: frozen, it can only be deleted and removed for good.
  'isAnonymised',
  'hasOpenBusiness',
  'impersonationUnavailable',
  'templateTestLimited',
  // A saved view that does not exist or is another admin's private one; one seen but not theirs to change.
  'viewNotFound',
  'viewNotYours',
  // Issue 29: a campaign already started, in a status the change does not apply to, or not configured (no unsubscribe URL or secret).
  'campaignStarted',
  'campaignWrongStatus',
  'campaignNotConfigured',
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

/** The action does not apply to this client (suspend a banned client…): nothing was changed. */
export class ClientActionRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly clientNumber: string | null = null,
  ) {
    super(`action refused: ${reason}`)
    this.name = 'ClientActionRefused'
  }
}

/** Bad form input: field → message key. Nothing was changed. */
export class InvalidInputError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(`invalid input: ${Object.keys(fields).join(', ')}`)
    this.name = 'InvalidInputError'
  }
}

/**
 * Another admin or app server changed the client between our read and our write (or holds its
 * row): the transaction was rolled back and can simply be tried again.
 */
export class ConcurrentChangeError extends Error {
  constructor() {
    super('the client was changed at the same time by someone else')
    this.name = 'ConcurrentChangeError'
  }
}

/**
 * The database did not answer (its connection was lost and could not be replaced in time, or it
 * was lost while the commit was on its way, so whether it committed is unknown): nothing is known
 * to have changed, and the request can be tried again in a few seconds. Answered 503, never 500.
 * The message is the translation key AdminJS's login page and notices show.
 */
export class DatabaseUnavailableError extends Error {
  readonly status = 503
  constructor(options?: { cause?: unknown }) {
    super('databaseUnavailable', options)
    this.name = 'DatabaseUnavailableError'
  }
}
