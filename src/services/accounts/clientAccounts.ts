import { IsNull, type DataSource, type EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientToken } from '../../entities/ClientToken.js'
import type { ClientStatus, TokenPurpose } from '../../entities/columns.js'
import {
  DEFAULT_ACCOUNT_LIMITS,
  limitAddress,
  type AccountLimits,
  type LimitedRequest,
} from './accountLimits.js'
import type { Actor } from '../core/actor.js'
import { change, eventRow, insertEvents } from '../core/clientEvents.js'
import { generateClientNumber, isValidEmail, normalizeEmail } from '../../shared/clientIdentity.js'
import type { ClientLifecycle } from '../lifecycle/clientLifecycle.js'
import type { ClientMailer } from '../mail/clientMailer.js'
import type { ClientSettings } from './clientSettings.js'
import { hashToken, issueClientToken, revokeClientTokens } from './clientTokens.js'
import { emailLanguage, linkWithToken, renderEmail } from '../mail/emailTemplates.js'
import { InvalidInputError } from '../core/errors.js'
import { LANGUAGES, type Language, type PluginLogger } from '../core/options.js'
import { LoginCost, MAX_PASSWORD_LENGTH, loginCostKind } from './loginCost.js'
import { hashFormat } from './passwordHasher.js'
import { passwordProblem } from './passwordStrength.js'
import { RateLimiter } from './rateLimiter.js'
import { MASK } from '../core/secrets.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import {
  isRecoveryCodeShape,
  matchRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpUrl,
  verifyTotp,
} from './twoFactor.js'

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
}

export type LoginResult =
  | {
      ok: true
      client: AccountClient
      /** The stored hash was in another format or cost and has just been replaced. */
      rehashed: boolean
      /** A recovery code was used (it is now spent); how many are left. */
      recoveryCodesLeft: number | null
    }
  | { ok: false; reason: LoginRefusal; retryAfter?: Date }

export interface AccountsConfig {
  links: { confirmEmail: string; resetPassword: string }
  language: Language
  twoFactorIssuer: string
  logger: PluginLogger
  /** Limits of anonymous requests; default `DEFAULT_ACCOUNT_LIMITS`. */
  limits?: AccountLimits
  /** Shared with the host (its own login can use them); default: new ones. */
  rateLimiter?: RateLimiter
  loginCost?: LoginCost
}

// What a login or a 2FA step reads besides the public columns (never sent anywhere).
const SECRET_COLUMNS = [
  'c.passwordHash',
  'c.twoFactorSecret',
  'c.twoFactorRecoveryCodes',
  'c.twoFactorLastStep',
]

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

function publicClient(client: Client): AccountClient {
  return {
    id: client.id,
    clientNumber: client.clientNumber,
    lastName: client.lastName,
    firstName: client.firstName,
    email: client.email,
    locale: client.locale,
    status: client.status,
    twoFactorEnabled: client.twoFactorEnabledAt !== null,
  }
}

const STATUS_REFUSAL: Partial<Record<ClientStatus, LoginRefusal>> = {
  pending: 'unconfirmed',
  suspended: 'suspended',
  banned: 'banned',
  deleted: 'deleted',
}

/**
 * The client's own account, for the host's client area (not the panel): registration, email
 * confirmation, login, two-factor authentication and password reset. Every step that changes
 * the account is one transaction with its history entry (actor: the client, with the IP).
 */
export class ClientAccounts {
  private readonly pending = new Set<Promise<unknown>>()
  /** Database counters of failed logins and anonymous requests, shared by every instance. */
  readonly rateLimiter: RateLimiter
  /** Pads refused logins to one duration: the time says nothing about which emails exist. */
  readonly loginCost: LoginCost
  readonly limits: AccountLimits

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: ClientMailer,
    private readonly settings: ClientSettings,
    private readonly lifecycle: ClientLifecycle,
    private readonly config: AccountsConfig,
  ) {
    this.rateLimiter = config.rateLimiter ?? new RateLimiter(dataSource)
    this.loginCost = config.loginCost ?? new LoginCost()
    this.limits = config.limits ?? DEFAULT_ACCOUNT_LIMITS
  }

  // ---- registration -----------------------------------------------------------------------

  /**
   * Creates a client: `pending` with a confirmation email, or `active` at once when the
   * auto-confirm setting is on. Bad input: `InvalidInputError` (field → message key); too many
   * registrations from the IP or for the address: `AccountRefused('rateLimited')`.
   *
   * An address already taken is answered exactly like a new one (`client: null`, the same
   * `confirmationSent`), and its owner gets an email saying someone tried: nobody learns from
   * this form which addresses have an account. Never show the visitor whether `client` is null.
   */
  async register(input: {
    lastName?: unknown
    firstName?: unknown
    email?: unknown
    password?: unknown
    locale?: unknown
    ip?: string | null
  }): Promise<{ client: AccountClient | null; confirmationSent: boolean; emailFailed: boolean }> {
    // Per IP before any work (the strength check costs CPU); per address once valid, before any email.
    await this.limit('register', { ip: input.ip ?? null })
    const settings = await this.settings.current()
    const hasher = this.settings.hasherFor(settings)
    const fields: Record<string, string> = {}
    const lastName = text(input.lastName).trim()
    const firstName = text(input.firstName).trim() || null
    const email = normalizeEmail(text(input.email))
    const password = text(input.password)
    const locale = LANGUAGES.includes(input.locale as Language)
      ? (input.locale as Language)
      : this.config.language
    if (!lastName) fields.lastName = 'fieldRequired'
    else if (lastName.length > 100) fields.lastName = 'tooLong'
    if (firstName && firstName.length > 100) fields.firstName = 'tooLong'
    if (!email) fields.email = 'fieldRequired'
    else if (!isValidEmail(email)) fields.email = 'invalidEmail'
    const problem = await passwordProblem(password, [email, firstName, lastName], settings.hashingDriver)
    if (problem) fields.password = problem
    if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
    await this.limit('register', { email })

    // Hashed whether or not the address is taken: both answers cost the same.
    const passwordHash = await hasher.hash(password)
    const active = settings.autoConfirmRegistration
    const taken = await this.findByEmail(email)
    if (taken) {
      const emailFailed = await this.noticeTakenAddress(taken)
      return { client: null, confirmationSent: !active, emailFailed }
    }
    const actor: Actor = { type: 'client', email, ip: input.ip ?? null }
    let created: { client: Client; token: string | null }
    try {
      created = await inTransaction(this.dataSource, async (manager) => {
        const now = new Date()
        const client = await manager.save(
          manager.create(Client, {
            clientNumber: generateClientNumber(),
            lastName,
            firstName,
            email,
            locale,
            passwordHash,
            status: active ? 'active' : 'pending',
            emailConfirmedAt: active ? now : null,
          }),
        )
        let token: string | null = null
        if (!active) {
          token = await issueClientToken(
            manager,
            client.id,
            'email_confirmation',
            settings.confirmationHours * 3600_000,
          )
        }
        // One change, one history entry: the registration, and whether a confirmation link went out.
        await insertEvents(manager, [
          eventRow(
            actor,
            client.id,
            'created',
            null,
            [
              change('clientNumber', null, client.clientNumber),
              change('lastName', null, lastName),
              ...(firstName ? [change('firstName', null, firstName)] : []),
              change('email', null, email),
              change('status', null, client.status),
              change('passwordHash', null, MASK),
            ],
            { via: 'registration', confirmationSentTo: token ? email : null },
          ),
        ])
        return { client, token }
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // Two registrations of one address at the same moment: the unique index decides, and the
      // loser is answered like the winner (its owner is told, as for any taken address).
      const owner = await this.findByEmail(email)
      if (!owner) throw error
      const emailFailed = await this.noticeTakenAddress(owner)
      return { client: null, confirmationSent: !active, emailFailed }
    }
    let emailFailed = false
    if (created.token) {
      const { client, token } = created
      const row = await this.mailer.deliver({
        clientId: client.id,
        to: email as string,
        ...renderEmail.confirmation(
          emailLanguage(client.locale, this.config.language),
          client,
          linkWithToken(this.config.links.confirmEmail, token),
          token,
          settings.confirmationHours,
        ),
        actor: null,
      })
      await this.mailer.log([row])
      emailFailed = row.status === 'failed'
    }
    return { client: publicClient(created.client), confirmationSent: created.token !== null, emailFailed }
  }

  /** Tells the owner of an address that someone tried to register with it (true: the email failed). */
  private async noticeTakenAddress(owner: Client): Promise<boolean> {
    const row = await this.mailer.deliver({
      clientId: owner.id,
      to: owner.email as string,
      ...renderEmail.accountExists(emailLanguage(owner.locale, this.config.language), owner),
      actor: null,
    })
    await this.mailer.log([row])
    return row.status === 'failed'
  }

  /**
   * Counts one anonymous request per IP and/or per target address; past a limit,
   * `AccountRefused('rateLimited')` with the time it lifts.
   */
  private async limit(
    request: LimitedRequest,
    target: { ip?: string | null; email?: unknown },
  ): Promise<void> {
    const hits = []
    if ('ip' in target)
      hits.push(await this.rateLimiter.hit(`${request}:ip`, [target.ip], this.limits.perIp[request]))
    if ('email' in target) {
      const address = limitAddress(target.email)
      hits.push(await this.rateLimiter.hit(`${request}:address`, [address], this.limits.perAddress[request]))
    }
    const refused = hits.filter((hit) => !hit.allowed)
    if (refused.length > 0) {
      const until = Math.max(...refused.map((hit) => hit.retryAfter.getTime()))
      throw new AccountRefused('rateLimited', new Date(until))
    }
  }

  /** The link of the confirmation email: single use, expires; the account becomes active. */
  async confirmEmail(
    token: unknown,
    ip: string | null = null,
  ): Promise<{ client: AccountClient; alreadyConfirmed: boolean }> {
    return this.useToken(token, 'email_confirmation', async (manager, client, now) => {
      const actor: Actor = { type: 'client', email: client.email, ip }
      if (client.status === 'deleted' || client.status === 'banned') throw new AccountRefused('accountClosed')
      const set: Partial<Client> = {}
      if (client.status === 'pending') set.status = 'active'
      if (!client.emailConfirmedAt) set.emailConfirmedAt = now
      if (Object.keys(set).length === 0) return { client: publicClient(client), alreadyConfirmed: true }
      await manager.update(Client, { id: client.id }, set)
      await revokeClientTokens(manager, [client.id], 'email_confirmation', now)
      await insertEvents(manager, [
        eventRow(
          actor,
          client.id,
          'account_confirmed',
          null,
          Object.entries(set).map(([field, value]) =>
            change(field, (client as unknown as Record<string, unknown>)[field], value),
          ),
        ),
      ])
      return { client: publicClient({ ...client, ...set } as Client), alreadyConfirmed: false }
    })
  }

  /**
   * A new confirmation link for a pending account. Same answer whether or not the email exists;
   * `AccountRefused('rateLimited')` past the limits per IP or per address.
   */
  async requestConfirmationEmail(email: unknown, ip: string | null = null): Promise<void> {
    await this.limit('confirmationResend', { ip, email })
    this.inBackground('requestConfirmationEmail', async () => {
      const client = await this.findByEmail(email)
      if (!client || client.status !== 'pending') return
      await this.lifecycle.resendConfirmation({ type: 'client', email: client.email, ip }, client.id)
    })
  }

  // ---- login ------------------------------------------------------------------------------

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
  async authenticate(input: {
    email?: unknown
    password?: unknown
    totp?: unknown
    ip?: string | null
  }): Promise<LoginResult> {
    const attempt = this.loginCost.begin()
    const settings = await this.settings.current()
    const hasher = this.settings.hasherFor(settings)
    const password = text(input.password)
    const ip = input.ip ?? null
    const address = limitAddress(input.email)
    // Counted before the check (concurrent guesses cannot slip past the limit), taken back on success.
    const perAccount = await this.rateLimiter.hit('login', [address, ip], {
      limit: settings.maxFailedLogins,
      windowMs: settings.throttleMinutes * 60_000,
    })
    const perIp = await this.rateLimiter.hit('login:ip', [ip], this.limits.loginPerIp)
    const forgive = async () => {
      await this.rateLimiter.forgive('login', [address, ip])
      await this.rateLimiter.forgive('login:ip', [ip])
    }
    if (!perAccount.allowed || !perIp.allowed) {
      await attempt.refuse(null)
      const until = Math.max(
        ...[perAccount, perIp].filter((hit) => !hit.allowed).map((hit) => hit.retryAfter.getTime()),
      )
      return { ok: false, reason: 'throttled', retryAfter: new Date(until) }
    }

    const client = await this.findByEmail(input.email, true)
    if (!client) {
      await attempt.check(hasher, null, password)
      await attempt.refuse('unknown')
      return { ok: false, reason: 'invalidCredentials' }
    }
    const actor: Actor = { type: 'client', email: client.email, ip }
    const now = new Date()
    const stored = client.passwordHash ?? null
    const format = hashFormat(stored)
    const checked = await attempt.check(hasher, stored, password)
    if (checked !== 'match') {
      const usable = format !== 'unknown' && checked !== 'unusable'
      if (stored && !usable) {
        // Never the hash itself in a log line: its length and first characters say what it is.
        this.config.logger.warn(
          'adminjs-clients: a client password hash cannot be checked; the client must reset the password',
          { clientId: client.id, length: stored.length, prefix: stored.slice(0, 4) },
        )
      }
      // The visitor sees a wrong password either way (an unusable hash would say the email exists);
      // the history keeps the real reason for the operator.
      const reason: LoginRefusal = stored && !usable ? 'passwordUnusable' : 'invalidCredentials'
      await this.refuseLogin(client, actor, reason, perAccount.count)
      await attempt.refuse(loginCostKind(true, usable ? stored : null, password))
      return { ok: false, reason: 'invalidCredentials' }
    }
    const statusRefusal = STATUS_REFUSAL[client.status]
    if (statusRefusal) {
      await forgive()
      return this.refuseLogin(client, actor, statusRefusal, null)
    }

    let step: number | null = null
    let recoveryIndex = -1
    if (client.twoFactorEnabledAt) {
      const code = text(input.totp).trim()
      if (!code) {
        await forgive()
        return { ok: false, reason: 'totpRequired' }
      }
      if (isRecoveryCodeShape(code))
        recoveryIndex = matchRecoveryCode(client.twoFactorRecoveryCodes ?? [], code)
      else step = await verifyTotp(client.twoFactorSecret ?? '', code, client.twoFactorLastStep)
      if (step === null && recoveryIndex === -1) {
        return this.refuseLogin(client, actor, 'invalidTotp', perAccount.count)
      }
    }

    // Rehashing is slow on purpose: before the transaction, not while holding the row.
    const rehash = hasher.needsRehash(stored) ? await hasher.hash(password) : null
    const result = await inTransaction(this.dataSource, async (manager): Promise<LoginResult> => {
      const locked = await this.lock(manager, client.id)
      const set: Partial<Client> = { lastLoginAt: now, lastLoginIp: ip }
      // A password changed meanwhile (a reset in another tab) must not be overwritten.
      const rehashed = rehash !== null && locked.passwordHash === stored
      if (rehashed) set.passwordHash = rehash
      if (step !== null) {
        // The same code twice within its 30 seconds: the second is a replay.
        if ((locked.twoFactorLastStep ?? -1) >= step)
          return this.refuseLogin(locked, actor, 'invalidTotp', perAccount.count, manager)
        set.twoFactorLastStep = step
      }
      let recoveryCodesLeft: number | null = null
      if (recoveryIndex !== -1) {
        const codes = [...(locked.twoFactorRecoveryCodes ?? [])]
        const index = matchRecoveryCode(codes, text(input.totp))
        if (index === -1) return this.refuseLogin(locked, actor, 'invalidTotp', perAccount.count, manager)
        codes.splice(index, 1)
        set.twoFactorRecoveryCodes = codes
        recoveryCodesLeft = codes.length
      }
      await manager.update(Client, { id: locked.id }, set)
      await insertEvents(manager, [
        eventRow(
          actor,
          locked.id,
          'login',
          null,
          [
            change('lastLoginAt', locked.lastLoginAt, now),
            change('lastLoginIp', locked.lastLoginIp, ip),
            ...(rehashed ? [change('passwordHash', MASK, MASK)] : []),
          ],
          {
            ...(rehashed ? { rehashedFrom: format, rehashedTo: settings.hashingDriver } : {}),
            ...(client.twoFactorEnabledAt
              ? { twoFactor: recoveryIndex !== -1 ? 'recoveryCode' : 'totp' }
              : {}),
          },
        ),
      ])
      return { ok: true, client: publicClient(locked), rehashed, recoveryCodesLeft }
    })
    if (result.ok) await forgive()
    return result
  }

  /**
   * A refused login: `login_failed` with the reason, and with `failures` (this email's failures
   * from this IP in the current window) when it counted. The throttle itself is the rate limiter's.
   */
  private async refuseLogin(
    client: Client,
    actor: Actor,
    reason: LoginRefusal,
    failures: number | null,
    manager?: EntityManager,
  ): Promise<LoginResult> {
    const write = async (m: EntityManager): Promise<LoginResult> => {
      const data: Record<string, unknown> = { reason }
      if (failures !== null) data.failures = failures
      await insertEvents(m, [eventRow(actor, client.id, 'login_failed', null, null, data)])
      return { ok: false, reason }
    }
    return manager ? write(manager) : inTransaction(this.dataSource, write)
  }

  /** The account as the client area shows it, or null if it no longer exists. */
  async profile(clientId: number): Promise<AccountClient | null> {
    if (!Number.isInteger(clientId)) return null
    const client = await this.dataSource.getRepository(Client).findOneBy({ id: clientId })
    return client ? publicClient(client) : null
  }

  // ---- two-factor authentication ----------------------------------------------------------

  /** Starts 2FA: a new secret to scan (not active until `confirmTwoFactor`). */
  async enableTwoFactor(clientId: number): Promise<{ secret: string; otpauthUrl: string }> {
    const client = await this.loadWithSecrets(clientId)
    if (client.twoFactorEnabledAt) throw new AccountRefused('twoFactorAlreadyOn')
    const started = newTotpSecret(this.config.twoFactorIssuer, client.email ?? client.clientNumber)
    // Only the secret is kept until the first code proves the app has it: no history entry yet.
    await this.dataSource.getRepository(Client).update({ id: client.id }, { twoFactorSecret: started.secret })
    return started
  }

  /** The secret being set up (started, not yet confirmed), to show it again after a mistyped code. */
  async pendingTwoFactor(clientId: number): Promise<{ secret: string; otpauthUrl: string } | null> {
    const client = await this.loadWithSecrets(clientId)
    if (client.twoFactorEnabledAt || !client.twoFactorSecret) return null
    return {
      secret: client.twoFactorSecret,
      otpauthUrl: totpUrl(
        this.config.twoFactorIssuer,
        client.email ?? client.clientNumber,
        client.twoFactorSecret,
      ),
    }
  }

  /** The first code from the app turns 2FA on; the recovery codes are returned once, stored hashed. */
  async confirmTwoFactor(input: {
    clientId: number
    code?: unknown
    ip?: string | null
  }): Promise<{ recoveryCodes: string[] }> {
    const client = await this.loadWithSecrets(input.clientId)
    if (client.twoFactorEnabledAt) throw new AccountRefused('twoFactorAlreadyOn')
    if (!client.twoFactorSecret) throw new AccountRefused('twoFactorNotStarted')
    const step = await verifyTotp(client.twoFactorSecret, text(input.code), null)
    if (step === null) throw new InvalidInputError({ code: 'invalidTotpCode' })
    const { codes, hashes } = newRecoveryCodes()
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, client.id)
      if (locked.twoFactorEnabledAt) throw new AccountRefused('twoFactorAlreadyOn')
      if (locked.twoFactorSecret !== client.twoFactorSecret) throw new AccountRefused('twoFactorNotStarted')
      const now = new Date()
      await manager.update(
        Client,
        { id: locked.id },
        { twoFactorEnabledAt: now, twoFactorRecoveryCodes: hashes, twoFactorLastStep: step },
      )
      await insertEvents(manager, [
        eventRow(
          { type: 'client', email: locked.email, ip: input.ip ?? null },
          locked.id,
          'two_factor_enabled',
          null,
          [change('twoFactorSecret', null, MASK), change('twoFactorEnabledAt', null, now)],
        ),
      ])
    })
    return { recoveryCodes: codes }
  }

  /** Turns 2FA off; the client proves it with the password and a current code (or a recovery code). */
  async disableTwoFactor(input: {
    clientId: number
    password?: unknown
    code?: unknown
    ip?: string | null
  }): Promise<void> {
    const client = await this.loadWithSecrets(input.clientId)
    if (!client.twoFactorEnabledAt) throw new AccountRefused('twoFactorOff')
    const hasher = await this.settings.hasher()
    const password = text(input.password)
    if (password.length > MAX_PASSWORD_LENGTH || !(await hasher.verify(client.passwordHash, password))) {
      throw new InvalidInputError({ password: 'wrongPassword' })
    }
    const code = text(input.code).trim()
    const proved = isRecoveryCodeShape(code)
      ? matchRecoveryCode(client.twoFactorRecoveryCodes ?? [], code) !== -1
      : (await verifyTotp(client.twoFactorSecret ?? '', code, client.twoFactorLastStep)) !== null
    if (!proved) throw new InvalidInputError({ code: 'invalidTotpCode' })
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, client.id)
      await manager.update(
        Client,
        { id: locked.id },
        {
          twoFactorSecret: null,
          twoFactorEnabledAt: null,
          twoFactorRecoveryCodes: null,
          twoFactorLastStep: null,
        },
      )
      await insertEvents(manager, [
        eventRow(
          { type: 'client', email: locked.email, ip: input.ip ?? null },
          locked.id,
          'two_factor_disabled',
          null,
          [
            change('twoFactorSecret', MASK, null),
            change('twoFactorEnabledAt', locked.twoFactorEnabledAt, null),
          ],
        ),
      ])
    })
  }

  // ---- password reset ---------------------------------------------------------------------

  /**
   * Sends a reset link if the email belongs to an account that may log in. Answers at once and
   * the same way whether or not it exists: the work goes on in the background (`idle()` waits).
   * `AccountRefused('rateLimited')` past the limits per IP or per address.
   */
  async requestPasswordReset(email: unknown, ip: string | null = null): Promise<void> {
    await this.limit('passwordReset', { ip, email })
    this.inBackground('requestPasswordReset', async () => {
      const client = await this.findByEmail(email)
      if (!client || client.status === 'deleted' || client.status === 'banned') return
      await this.lifecycle.sendPasswordReset({ type: 'client', email: client.email, ip }, client.id)
    })
  }

  /** The reset link's form: sets the new password, spends the token and kills the other reset links. */
  async resetPassword(input: {
    token?: unknown
    password?: unknown
    passwordConfirmation?: unknown
    ip?: string | null
  }): Promise<{ client: AccountClient }> {
    const settings = await this.settings.current()
    const hasher = this.settings.hasherFor(settings)
    const owner = await this.tokenOwner(input.token, 'password_reset')
    const password = text(input.password)
    const problem = await passwordProblem(
      password,
      [owner.email, owner.firstName, owner.lastName, owner.clientNumber],
      settings.hashingDriver,
    )
    if (problem) throw new InvalidInputError({ password: problem })
    if (input.passwordConfirmation !== undefined && input.passwordConfirmation !== password) {
      throw new InvalidInputError({ passwordConfirmation: 'passwordsDiffer' })
    }
    const passwordHash = await hasher.hash(password)
    return this.useToken(input.token, 'password_reset', async (manager, client, now) => {
      if (client.status === 'deleted' || client.status === 'banned') throw new AccountRefused('accountClosed')
      await manager.update(Client, { id: client.id }, { passwordHash })
      await revokeClientTokens(manager, [client.id], 'password_reset', now)
      await insertEvents(manager, [
        eventRow(
          { type: 'client', email: client.email, ip: input.ip ?? null },
          client.id,
          'password_changed',
          null,
          [change('passwordHash', MASK, MASK)],
          { via: 'resetLink' },
        ),
      ])
      return { client: publicClient(client) }
    })
  }

  /** Resolves once the background work started by earlier calls (emails of reset requests) is done. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  // ---- building blocks --------------------------------------------------------------------

  private inBackground(what: string, work: () => Promise<unknown>): void {
    const running = work()
      .catch((error: unknown) =>
        this.config.logger.error(`adminjs-clients: ${what} failed`, {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => this.pending.delete(running))
    this.pending.add(running)
  }

  private async findByEmail(email: unknown, withSecrets = false): Promise<Client | null> {
    const normalized = normalizeEmail(text(email))
    if (!normalized || normalized.length > 255) return null
    const qb = this.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where('c.email = :email', { email: normalized })
    if (withSecrets) qb.addSelect(SECRET_COLUMNS)
    return qb.getOne()
  }

  private async loadWithSecrets(clientId: number): Promise<Client> {
    const client = Number.isInteger(clientId)
      ? await this.dataSource
          .getRepository(Client)
          .createQueryBuilder('c')
          .addSelect([
            'c.passwordHash',
            'c.twoFactorSecret',
            'c.twoFactorRecoveryCodes',
            'c.twoFactorLastStep',
          ])
          .where('c.id = :clientId', { clientId })
          .getOne()
      : null
    if (!client) throw new AccountRefused('notFound')
    return client
  }

  private async lock(manager: EntityManager, id: number): Promise<Client> {
    const qb = manager.createQueryBuilder(Client, 'c').addSelect(SECRET_COLUMNS).where('c.id = :id', { id })
    if (isMysqlFamily(this.dataSource)) qb.setLock('pessimistic_write')
    const client = await qb.getOne()
    if (!client) throw new AccountRefused('notFound')
    return client
  }

  /** The client a token belongs to, if it is unused and not expired. */
  private async tokenOwner(token: unknown, purpose: TokenPurpose): Promise<Client> {
    const row = await this.findToken(this.dataSource.manager, token, purpose)
    const client = await this.dataSource.getRepository(Client).findOneBy({ id: row.clientId })
    if (!client) throw new AccountRefused('tokenInvalid')
    return client
  }

  private async findToken(
    manager: EntityManager,
    token: unknown,
    purpose: TokenPurpose,
  ): Promise<ClientToken> {
    const raw = text(token).trim()
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) throw new AccountRefused('tokenInvalid')
    const row = await manager.getRepository(ClientToken).findOneBy({ tokenHash: hashToken(raw), purpose })
    if (!row || row.usedAt) throw new AccountRefused('tokenInvalid')
    if (row.expiresAt.getTime() <= Date.now()) throw new AccountRefused('tokenExpired')
    return row
  }

  /** Spends a token (once, even with two clicks at the same moment) and runs the change in the same transaction. */
  private async useToken<T>(
    token: unknown,
    purpose: TokenPurpose,
    work: (manager: EntityManager, client: Client, now: Date) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.findToken(manager, token, purpose)
      const now = new Date()
      const spent = await manager.update(ClientToken, { id: row.id, usedAt: IsNull() }, { usedAt: now })
      if (!spent.affected) throw new AccountRefused('tokenInvalid')
      const client = await this.lock(manager, row.clientId)
      return work(manager, client, now)
    })
  }
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } }
  const code = e?.driverError?.code ?? e?.code
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT'
}
