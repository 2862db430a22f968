import { normalizeIp } from '../core/normalizeIp.js'
import type { DataSource } from 'typeorm'
import type { ClientLifecycle } from '../lifecycle/clientLifecycle.js'
import type { ClientMailer } from '../mail/clientMailer.js'
import type { AccountClient } from './accountClient.js'
import type { AccountContext, AccountsConfig } from './accountContext.js'
import { DEFAULT_ACCOUNT_LIMITS, type AccountLimits } from './accountLimits.js'
import { findProfile } from './accountLookup.js'
import { registerSession, sessionAccount } from './accountSessions.js'
import { authenticateClient, type LoginInput, type LoginResult } from './authenticateClient.js'
import { BackgroundWork } from './backgroundWork.js'
import type { ClientSettings } from './clientSettings.js'
import { confirmEmail, requestConfirmationEmail } from './emailConfirmation.js'
import { LoginCost } from './loginCost.js'
import { requestPasswordReset, resetPassword, type PasswordResetInput } from './passwordReset.js'
import { changeOwnPassword, type PasswordChangeInput } from './passwordChange.js'
import { beginImpersonation, endImpersonation, startImpersonation } from './impersonation.js'
import type { ImpersonationStart } from './impersonationMark.js'
import type { Actor } from '../core/actor.js'
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
export type { ImpersonationMark, ImpersonationStart } from './impersonationMark.js'
export type { PasswordChangeInput } from './passwordChange.js'
export type { ClientSessionStamp } from './accountSessions.js'

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

  /**
   * The link of the confirmation email: single use, expires; the account becomes active. Pass the
   * session's impersonation mark, if any: an admin logged in as a client is recorded as the actor.
   */
  async confirmEmail(
    token: unknown,
    ip: string | null = null,
    impersonation?: unknown,
  ): Promise<{ client: AccountClient; alreadyConfirmed: boolean }> {
    return confirmEmail(this.context, token, normalizeIp(ip), impersonation)
  }

  /**
   * A new confirmation link for a pending account. Same answer whether or not the email exists;
   * `AccountRefused('rateLimited')` past the limits per IP or per address. `impersonation`: as
   * for `confirmEmail`.
   */
  async requestConfirmationEmail(
    email: unknown,
    ip: string | null = null,
    impersonation?: unknown,
  ): Promise<void> {
    return requestConfirmationEmail(this.context, email, normalizeIp(ip), impersonation)
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

  /** The account as the client area shows it, or null if it no longer exists (or was anonymised). */
  async profile(clientId: number): Promise<AccountClient | null> {
    return findProfile(this.context.dataSource, clientId)
  }

  /**
   * Call on every request of a logged-in session with `{ clientId, sessionGeneration }` as the
   * login (or `startImpersonation`) gave them: the account, or null when the session must end
   * (destroy it, send to the login page). Null once the client is banned, suspended, deleted,
   * anonymised or removed, or given a new password by an admin or a reset link, or had 2FA
   * removed: on every instance, since it is read from the database (one query by primary key).
   */
  async sessionAccount(stamp: unknown): Promise<AccountClient | null> {
    return sessionAccount(this.context, stamp)
  }

  /**
   * Call after a login and after `startImpersonation`, with the session's id in your store
   * (`req.sessionID`, after `regenerate`): when the client's sessions end, the plugin hands it to
   * the `sessions.destroy` option, so the store's row (an impersonation keeps the client's name in
   * it) goes at once, not at its expiry.
   */
  async registerSession(clientId: number, sessionId: unknown): Promise<void> {
    return registerSession(this.context, clientId, sessionId)
  }

  /**
   * Starts 2FA: a new secret to scan (not active until `confirmTwoFactor`). Every method of the
   * logged-in client takes the session's impersonation mark (`impersonation`): while an admin is
   * logged in as the client, the password, the email and 2FA are refused (`impersonating`).
   */
  async enableTwoFactor(clientId: number, impersonation?: unknown): Promise<TwoFactorStart> {
    return enableTwoFactor(this.context, clientId, impersonation)
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
    impersonation?: unknown
  }): Promise<{ recoveryCodes: string[] }> {
    return confirmTwoFactor(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /** Turns 2FA off; the client proves it with the password and a current code (or a recovery code). */
  async disableTwoFactor(input: {
    clientId: number
    password?: unknown
    code?: unknown
    ip?: string | null
    impersonation?: unknown
  }): Promise<void> {
    return disableTwoFactor(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /**
   * Sends a reset link if the email belongs to an account that may log in. Answers at once and
   * the same way whether or not it exists: the work goes on in the background (`idle()` waits).
   * `AccountRefused('rateLimited')` past the limits per IP or per address. Pass the session's
   * impersonation mark, if any: asked by an admin logged in as a client, it is recorded under the admin.
   */
  async requestPasswordReset(
    email: unknown,
    ip: string | null = null,
    impersonation?: unknown,
  ): Promise<void> {
    return requestPasswordReset(this.context, email, normalizeIp(ip), impersonation)
  }

  /**
   * The reset link's form: sets the new password, spends the token and kills the other reset
   * links; every session of the client ends. Refused while impersonating (`impersonation`).
   */
  async resetPassword(input: PasswordResetInput): Promise<{ client: AccountClient }> {
    return resetPassword(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /** The logged-in client's new password, proved with the current one; the reset links die. */
  async changePassword(input: PasswordChangeInput): Promise<void> {
    return changeOwnPassword(this.context, { ...input, ip: normalizeIp(input.ip) })
  }

  /** Whether the host offers "log in as this client" (option `links.impersonate`). */
  get impersonationOffered(): boolean {
    return Boolean(this.context.config.links.impersonate)
  }

  /**
   * The panel's "log in as this client" (the `impersonate` action calls it): a single-use link
   * valid 60 s and the `impersonation_started` event (admin, IP, reason), in one transaction.
   */
  async beginImpersonation(actor: Actor, clientId: number, input: { reason?: unknown }) {
    return beginImpersonation(this.context, actor, clientId, input)
  }

  /**
   * The client area's route behind `links.impersonate`: spends the token and gives the client,
   * the admin and the mark's end (`expiresAt`, option `impersonation.maxMinutes`). Keep
   * `{ id, admin }` in the session and pass it to every account method. Refused with
   * `AccountRefused`: `tokenInvalid` (unknown, used), `tokenExpired`, `accountClosed`. The IP
   * is the host's to log: the plugin recorded the admin's own when the link was made.
   */
  async startImpersonation(token: unknown, _ip: string | null = null): Promise<ImpersonationStart> {
    return startImpersonation(this.context, token)
  }

  /**
   * Ends an impersonation (back to the panel, logout, or time up): `impersonation_ended` under the
   * admin, once. False when it was already ended or the mark is not one of ours.
   */
  async endImpersonation(mark: unknown, ip: string | null = null): Promise<boolean> {
    return endImpersonation(this.context, mark, normalizeIp(ip))
  }

  /** Resolves once the background work started by earlier calls (emails of reset requests) is done. */
  async idle(): Promise<void> {
    return this.context.background.idle()
  }
}
