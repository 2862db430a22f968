import { normalizeIp } from '../core/requestValues.js'
import type { DataSource } from 'typeorm'
import { bindDeps } from '../core/roomFunctions.js'
import type { ClientLifecycle } from '../lifecycle/clientLifecycle.js'
import type { ClientMailer } from '../mail/clientMailer.js'
import type { AccountContext, AccountsConfig } from './accountContext.js'
import { DEFAULT_ACCOUNT_LIMITS, type AccountLimits } from './accountLimits.js'
import { findProfile } from './accountLookup.js'
import { registerSession, sessionAccount } from './accountSessions.js'
import { authenticateClient } from './authenticateClient.js'
import { BackgroundWork } from './backgroundWork.js'
import type { ClientSettings } from './clientSettings.js'
import { confirmEmail, requestConfirmationEmail } from './emailConfirmation.js'
import { LoginCost } from './loginCost.js'
import { requestPasswordReset, resetPassword } from './passwordReset.js'
import { changeOwnPassword } from './passwordChange.js'
import { changeOwnMarketingConsent } from './marketingConsentChange.js'
import { beginImpersonation, endImpersonation, startImpersonation } from './impersonation.js'
import { RateLimiter } from './rateLimiter.js'
import { registerClient } from './registerClient.js'
import { confirmTwoFactor, disableTwoFactor, enableTwoFactor, pendingTwoFactor } from './twoFactorSetup.js'

// The facade's public types and refusals, exported from here as before the split.
export { AccountRefused, LOGIN_REFUSALS, ACCOUNT_REFUSALS } from './accountRefused.js'
export type { AccountRefusal, LoginRefusal } from './accountRefused.js'
export type { AccountClient } from './accountClient.js'
export type { AccountsConfig } from './accountContext.js'
export type { LoginResult } from './authenticateClient.js'
export type { ImpersonationMark, ImpersonationStart } from './impersonationMark.js'
export type { PasswordChangeInput } from './passwordChange.js'
export type { MarketingConsentChangeInput } from './marketingConsentChange.js'
export type { ClientSessionStamp } from './accountSessions.js'

/** A step whose input object carries the caller's IP: the IP normalised (`::ffff:` prefix, blanks). */
const ipInInput =
  <I extends { ip?: string | null }, R>(run: (ctx: AccountContext, input: I) => R) =>
  (ctx: AccountContext, input: I) =>
    run(ctx, { ...input, ip: normalizeIp(input.ip) })

/** A step taking the IP after its first argument: optional for the host, normalised. */
const ipAfterFirst =
  <T, X extends unknown[], R>(run: (ctx: AccountContext, first: T, ip: string | null, ...rest: X) => R) =>
  (ctx: AccountContext, first: T, ip: string | null = null, ...rest: X) =>
    run(ctx, first, normalizeIp(ip), ...rest)

/**
 * The client's own account, for the host's client area (not the panel): registration, email
 * confirmation, login, two-factor authentication and password reset. Every step that changes
 * the account is one transaction with its history entry (actor: the client, with the IP). Each
 * step lives in its own module and takes the AccountContext; a host calls them through
 * `clients.accounts`, which binds the context once.
 */
export const ACCOUNT_FUNCTIONS = {
  /**
   * Creates a client: `pending` with a confirmation email, or `active` at once when the
   * auto-confirm setting is on. Bad input: `InvalidInputError` (field → message key); too many
   * registrations from the IP or for the address: `AccountRefused('rateLimited')`. An address
   * already taken is answered exactly like a new one (`client: null`, the same
   * `confirmationSent`), and its owner gets an email: never show the visitor whether `client` is null.
   */
  register: ipInInput(registerClient),
  /**
   * The link of the confirmation email: single use, expires; the account becomes active. Pass the
   * session's impersonation mark, if any: an admin logged in as a client is recorded as the actor.
   */
  confirmEmail: ipAfterFirst(confirmEmail),
  /** A new confirmation link for a pending account; same answer whether or not the email exists. */
  requestConfirmationEmail: ipAfterFirst(requestConfirmationEmail),
  /**
   * Checks an email and password (and the TOTP or a recovery code when 2FA is on); any hash of
   * ours is accepted and replaced after success when not in the configured driver and cost.
   * Nothing tells which emails exist: every refused password costs the same time (`loginCost`),
   * failures are counted per (email, IP) whether or not the email has an account; past the
   * limits the answer is `throttled` with `retryAfter`.
   */
  authenticate: ipInInput(authenticateClient),
  /** The account as the client area shows it, or null if it no longer exists (or was anonymised). */
  profile: (ctx: AccountContext, clientId: number) => findProfile(ctx.dataSource, clientId),
  /**
   * Call on every request of a logged-in session with `{ clientId, sessionGeneration }` as the
   * login (or `startImpersonation`) gave them: the account, or null when the session must end.
   */
  sessionAccount,
  /** Call after a login and after `startImpersonation` with the session's id in your store. */
  registerSession,
  /** Starts 2FA: a new secret to scan (not active until `confirmTwoFactor`); refused while impersonating. */
  enableTwoFactor,
  /** The secret being set up (started, not yet confirmed), to show it again after a mistyped code. */
  pendingTwoFactor,
  /** The first code from the app turns 2FA on; the recovery codes are returned once, stored hashed. */
  confirmTwoFactor: ipInInput(confirmTwoFactor),
  /** Turns 2FA off; the client proves it with the password and a current code (or a recovery code). */
  disableTwoFactor: ipInInput(disableTwoFactor),
  /**
   * Sends a reset link if the email belongs to an account that may log in; answers at once and
   * the same way whether or not it exists (the work goes on in the background: `idle()` waits).
   */
  requestPasswordReset: ipAfterFirst(requestPasswordReset),
  /** The reset link's form: sets the new password, spends the token; every session of the client ends. */
  resetPassword: ipInInput(resetPassword),
  /** The logged-in client's new password, proved with the current one; the reset links die. */
  changePassword: ipInInput(changeOwnPassword),
  /**
   * The logged-in client gives (`in`) or withdraws (`out`) the marketing consent (source
   * `client_area`, one history event); refused while an admin is logged in as the client.
   */
  changeMarketingConsent: ipInInput(changeOwnMarketingConsent),
  /**
   * The panel's "log in as this client" (the `impersonate` action calls it): a single-use link
   * valid 60 s and the `impersonation_started` event (admin, IP, reason), in one transaction.
   */
  beginImpersonation,
  /**
   * The client area's route behind `links.impersonate`: spends the token and gives the client,
   * the admin and the mark's end. The IP is the host's to log (the admin's own was recorded).
   */
  startImpersonation: (ctx: AccountContext, token: unknown, _ip: string | null = null) =>
    startImpersonation(ctx, token),
  /** Ends an impersonation: `impersonation_ended` under the admin, once; false when already ended. */
  endImpersonation: ipAfterFirst(endImpersonation),
  /** Resolves once the background work started by earlier calls (emails of reset requests) is done. */
  idle: (ctx: AccountContext) => ctx.background.idle(),
}

/** Builds what every step works with (counters and padding shared with the host when given). */
export function accountContext(
  dataSource: DataSource,
  mailer: ClientMailer,
  settings: ClientSettings,
  lifecycle: ClientLifecycle,
  config: AccountsConfig,
): AccountContext {
  return {
    dataSource,
    mailer,
    settings,
    lifecycle,
    config,
    rateLimiter: config.rateLimiter ?? new RateLimiter(dataSource),
    loginCost: config.loginCost ?? new LoginCost(),
    limits: config.limits ?? DEFAULT_ACCOUNT_LIMITS,
    background: new BackgroundWork(config.logger),
  }
}

/** `clients.accounts`: the steps above bound to one context, and what the host may share. */
export function clientAccounts(ctx: AccountContext) {
  return {
    ...bindDeps(ctx, ACCOUNT_FUNCTIONS),
    /** Database counters of failed logins and anonymous requests, shared by every instance. */
    rateLimiter: ctx.rateLimiter,
    /** Pads refused logins to one duration: the time says nothing about which emails exist. */
    loginCost: ctx.loginCost,
    limits: ctx.limits as AccountLimits,
    /** Whether the host offers "log in as this client" (option `links.impersonate`). */
    impersonationOffered: Boolean(ctx.config.links.impersonate),
  }
}

export type ClientAccounts = ReturnType<typeof clientAccounts>
