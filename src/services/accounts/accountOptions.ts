import { isObject } from '../core/configError.js'
import { mailFromName } from '../mail/mailOptions.js'
import { HASHING_DRIVERS, type HashingOptions } from './passwordHasher.js'

/** The options of `createClientManagement` that the accounts room reads. */
export interface AccountOptionsInput {
  /**
   * Links in the emails clients receive, on the host's client area: `{token}` is replaced by
   * the single-use token, e.g. `https://app.example.com/account/confirm?token={token}`.
   * `impersonate` (optional): the client area's route that starts an admin's "log in as this
   * client" (`clients.accounts.startImpersonation`); without it the panel offers no such action.
   */
  links: { confirmEmail: string; resetPassword: string; impersonate?: string }
  /** "Log in as this client": how long the client area keeps the admin in (minutes). Default 60. */
  impersonation?: { maxMinutes?: number }
  /** How long links stay valid. Default: confirmation 48 hours, password reset 60 minutes. */
  tokenLifetimes?: { confirmationHours?: number; passwordResetMinutes?: number }
  /**
   * Password hashing for clients. Default: argon2id with PHP's default costs. Admins can change
   * the driver and cost in the panel's security settings, which then win over this option.
   */
  hashing?: HashingOptions
  /** New registrations are active at once, without confirming their email. Default false; also a panel setting. */
  autoConfirmRegistration?: boolean
  /** Name shown in authenticator apps next to the client's email. Default: the mailFrom display name, else "Client area". */
  twoFactorIssuer?: string
}

/** The client area's links; `impersonate` is null when the host offers no "log in as this client". */
export interface ClientLinks {
  confirmEmail: string
  resetPassword: string
  impersonate: string | null
}

export interface AccountOptions {
  links: ClientLinks
  impersonation: { maxMinutes: number }
  tokenLifetimes: { confirmationHours: number; passwordResetMinutes: number }
  hashing: HashingOptions
  autoConfirmRegistration: boolean
  twoFactorIssuer: string
}

const LINK_EXAMPLES = { confirmEmail: 'confirm', resetPassword: 'reset', impersonate: 'impersonate' } as const

const lifetimesOf = (options: AccountOptionsInput) => ({
  confirmationHours: 48,
  passwordResetMinutes: 60,
  ...(options.tokenLifetimes ?? {}),
})

export function checkAccountOptions(options: AccountOptionsInput): string[] {
  const problems: string[] = []
  const links = options.links as Record<string, unknown> | undefined
  for (const name of ['confirmEmail', 'resetPassword', 'impersonate'] as const) {
    const link = links?.[name]
    if (name === 'impersonate' && link === undefined) continue
    if (typeof link !== 'string' || !/^https?:\/\/[^\s]+$/.test(link) || !link.includes('{token}')) {
      problems.push(
        `links.${name} must be an http(s) URL containing {token}, e.g. "https://app.example.com/account/${LINK_EXAMPLES[name]}?token={token}"`,
      )
    }
  }
  const maxMinutes = options.impersonation?.maxMinutes ?? 60
  if (!Number.isInteger(maxMinutes) || maxMinutes < 1 || maxMinutes > 24 * 60) {
    problems.push('impersonation.maxMinutes must be a whole number from 1 to 1440')
  }
  for (const [name, value] of Object.entries(lifetimesOf(options))) {
    if (!Number.isInteger(value) || value < 1 || value > 24 * 60) {
      problems.push(`tokenLifetimes.${name} must be a whole number from 1 to 1440`)
    }
  }
  const hashing: HashingOptions = options.hashing ?? { driver: 'argon2id' }
  if (!isObject(hashing) || !HASHING_DRIVERS.includes(hashing.driver)) {
    problems.push(`hashing.driver must be one of ${HASHING_DRIVERS.join(', ')}`)
  } else if (
    hashing.bcryptCost !== undefined &&
    (!Number.isInteger(hashing.bcryptCost) || hashing.bcryptCost < 4 || hashing.bcryptCost > 31)
  ) {
    problems.push('hashing.bcryptCost must be a whole number from 4 to 31')
  }
  if (options.autoConfirmRegistration !== undefined && typeof options.autoConfirmRegistration !== 'boolean') {
    problems.push('autoConfirmRegistration must be true or false')
  }
  if (
    options.twoFactorIssuer !== undefined &&
    (typeof options.twoFactorIssuer !== 'string' || options.twoFactorIssuer.trim() === '')
  ) {
    problems.push('twoFactorIssuer must be a non-empty string')
  }
  return problems
}

/** The options with their defaults; call after `checkAccountOptions` found nothing. `mailFrom` names the 2FA issuer by default. */
export function resolveAccountOptions(options: AccountOptionsInput, mailFrom: string): AccountOptions {
  return {
    links: {
      confirmEmail: options.links.confirmEmail,
      resetPassword: options.links.resetPassword,
      impersonate: options.links.impersonate ?? null,
    },
    impersonation: { maxMinutes: options.impersonation?.maxMinutes ?? 60 },
    tokenLifetimes: lifetimesOf(options),
    hashing: options.hashing ?? { driver: 'argon2id' },
    autoConfirmRegistration: options.autoConfirmRegistration === true,
    twoFactorIssuer: options.twoFactorIssuer ?? mailFromName(mailFrom) ?? 'Client area',
  }
}
