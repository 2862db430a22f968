// The columns of `clients`, listed once: the edit form, a merge, the client page, the GDPR archive and
// the export read them from here.

/** Who a client is and how to reach them: what the edit form writes and what a merge chooses from. */
export const CLIENT_PROFILE_FIELDS = [
  'lastName',
  'firstName',
  'email',
  'phone',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'locale',
  'advisorId',
  'stripeCustomerId',
] as const

/**
 * Every column of `clients` a person may read, in the client page's order: all but the secrets
 * (password hash, 2FA secret and codes, session generation) and the search columns derived from
 * the name. Listed, so a column added later stays out of the page and the archive until chosen.
 */
export const CLIENT_COLUMNS = [
  'clientNumber',
  'status',
  'statusReason',
  ...CLIENT_PROFILE_FIELDS,
  'balance',
  'emailConfirmedAt',
  'marketingConsent',
  'marketingConsentAt',
  'marketingConsentSource',
  'twoFactorEnabledAt',
  'lastLoginAt',
  'lastLoginIp',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'mergedIntoId',
  'importBatchId',
  'anonymisedAt',
] as const
export type ClientColumn = (typeof CLIENT_COLUMNS)[number]
