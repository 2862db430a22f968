import { normalizeIp } from '../core/clientAddress.js'
import type { DataSource } from 'typeorm'
import type { ClientLifecycle } from '../lifecycle/clientLifecycle.js'
import type { ClientMailer } from '../mail/clientMailer.js'
import type { AccountClient } from './accountClient.js'
import type { AccountContext, AccountsConfig } from './accountContext.js'
import { DEFAULT_ACCOUNT_LIMITS, type AccountLimits } from './accountLimits.js'
import { findProfile } from './accountLookup.js'
import { authenticateClient, type LoginInput, type LoginResult } from './authenticateClient.js'
import { BackgroundWork } from './backgroundWork.js'
import type { ClientSettings } from './clientSettings.js'
import { confirmEmail, requestConfirmationEmail } from './emailConfirmation.js'
import { LoginCost } from './loginCost.js'
import { requestPasswordReset, resetPassword, type PasswordResetInput } from './passwordReset.js'
import { RateLimiter } from './rateLimiter.js'
import { registerClient, type RegistrationInput, type RegistrationResult } from './registerClient.js'
import {
  confirmTwoFactor,
  disableTwoFactor,
  enableTwoFactor,
  pendingTwoFactor,
  type TwoFactorStart,
} from './twoFactorSetup.js'

// The facade's public types and refusals, exported from here as before the split.
export { AccountRefused, LOGIN_REFUSALS, ACCOUNT_REFUSALS } from './accountRefused.js'
export type { AccountRefusal, LoginRefusal } from './accountRefused.js'
export type { AccountClient } from './accountClient.js'
export type { AccountsConfig } from './accountContext.js'
export type { LoginResult } from './authenticateClient.js'

/**
 * The client's own account, for the host's client area (not the panel): registration, email
 * confirmation, login, two-factor authentication and password reset. Every step that changes
 * the account is one transaction with its history entry (actor: the client, with the IP).
 * Each step lives in its own module; this class holds what they share and delegates.
 */
export class ClientAccounts {
  /** Database counters of failed logins and anonymous requests, shared by every instance. */
  readonly rateLimiter: RateLimiter
  /** Pads refused logins to one duration: the time says nothing about which emails exist. */
  readonly loginCost: LoginCost
  readonly limits: AccountLimits
  private readonly context: AccountContext

  constructor(
    dataSource: DataSource,
    mailer: ClientMailer,
    settings: ClientSettings,
    lifecycle: ClientLifecycle,
    config: AccountsConfig,
  ) {
    this.rateLimiter = config.rateLimiter ?? new RateLimiter(dataSource)
    this.loginCost = config.loginCost ?? new LoginCost()
    this.limits = config.limits ?? DEFAULT_ACCOUNT_LIMITS
    this.context = {
      dataSource,
      mailer,
      settings,
      lifecycle,
      config,
      rateLimiter: this.rateLimiter,
      loginCost: this.loginCost,
      limits: this.limits,
      background: new BackgroundWork(config.logger),
    }
  }

  /**
   * Creates a client: `pending` with a confirmation email, or `active` at once when the
   * auto-confirm setting is on. Bad input: `InvalidInputError` (field → message key); too many
   * registrations from the IP or for the address: `AccountRefused('rateLimited')`.
   *
   * An address already taken is answered exactly like a new one (`client: null`, the same
   * `confirmationSent`), and its owner gets an email saying someone tried: nobody learns from
   * this form which addresses have an account. Never show the visitor whether `client` is null.
   */
  async register(input: RegistrationInput): Promise<RegistrationResult> {
    return registerClient(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /** The link of the confirmation email: single use, expires; the account becomes active. */
  async confirmEmail(
    token: unknown,
    ip: string | null = null,
  ): Promise<{ client: AccountClient; alreadyConfirmed: boolean }> {
    return confirmEmail(this.context, token, normalizeIp(ip))
  }

  /**
   * A new confirmation link for a pending account. Same answer whether or not the email exists;
   * `AccountRefused('rateLimited')` past the limits per IP or per address.
   */
  async requestConfirmationEmail(email: unknown, ip: string | null = null): Promise<void> {
    return requestConfirmationEmail(this.context, email, normalizeIp(ip))
  }

  /**
   * Checks an email and password (and the TOTP or a recovery code when 2FA is on). Any hash of
   * ours is accepted (bcrypt $2a$/$2b$/$2y$, argon2i, argon2id) and replaced after success when
   * it is not in the configured driver and cost.
   *
   * Nothing tells which emails exist: every refused password costs the same time (`loginCost`),
   * whatever the stored hash, and failures are counted per (email, IP) whether or not the email
   * has an account, so an unknown email is `throttled` after as many failures as a known one.
   * Past `maxFailedLogins` failures in `throttleMinutes` from one IP for one email, or
   * `limits.loginPerIp` from one IP, the answer is `throttled` with `retryAfter`; failures from
   * another IP never lock the client out. A right password does not count. A password longer
   * than MAX_PASSWORD_LENGTH is a wrong one, at the same cost.
   */
  async authenticate(input: LoginInput): Promise<LoginResult> {
    return authenticateClient(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /** The account as the client area shows it, or null if it no longer exists. */
  async profile(clientId: number): Promise<AccountClient | null> {
    return findProfile(this.context.dataSource, clientId)
  }

  /** Starts 2FA: a new secret to scan (not active until `confirmTwoFactor`). */
  async enableTwoFactor(clientId: number): Promise<TwoFactorStart> {
    return enableTwoFactor(this.context, clientId)
  }

  /** The secret being set up (started, not yet confirmed), to show it again after a mistyped code. */
  async pendingTwoFactor(clientId: number): Promise<TwoFactorStart | null> {
    return pendingTwoFactor(this.context, clientId)
  }

  /** The first code from the app turns 2FA on; the recovery codes are returned once, stored hashed. */
  async confirmTwoFactor(input: {
    clientId: number
    code?: unknown
    ip?: string | null
  }): Promise<{ recoveryCodes: string[] }> {
    return confirmTwoFactor(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /** Turns 2FA off; the client proves it with the password and a current code (or a recovery code). */
  async disableTwoFactor(input: {
    clientId: number
    password?: unknown
    code?: unknown
    ip?: string | null
  }): Promise<void> {
    return disableTwoFactor(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /**
   * Sends a reset link if the email belongs to an account that may log in. Answers at once and
   * the same way whether or not it exists: the work goes on in the background (`idle()` waits).
   * `AccountRefused('rateLimited')` past the limits per IP or per address.
   */
  async requestPasswordReset(email: unknown, ip: string | null = null): Promise<void> {
    return requestPasswordReset(this.context, email, normalizeIp(ip))
  }

  /** The reset link's form: sets the new password, spends the token and kills the other reset links. */
  async resetPassword(input: PasswordResetInput): Promise<{ client: AccountClient }> {
    return resetPassword(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /** Resolves once the background work started by earlier calls (emails of reset requests) is done. */
  async idle(): Promise<void> {
    return this.context.background.idle()
  }
}
