import { randomBytes } from 'node:crypto'
import { IsNull, type DataSource, type EntityManager } from 'typeorm'
import { Client } from '../entities/Client.js'
import { ClientToken } from '../entities/ClientToken.js'
import type { ClientStatus, TokenPurpose } from '../entities/columns.js'
import type { Actor } from './actor.js'
import { change, eventRow, insertEvents } from './clientEvents.js'
import { generateClientNumber, isValidEmail, normalizeEmail } from './clientIdentity.js'
import type { ClientLifecycle } from './clientLifecycle.js'
import type { ClientMailer } from './clientMailer.js'
import type { ClientSettings, SecuritySettings } from './clientSettings.js'
import { hashToken, issueClientToken, revokeClientTokens } from './clientTokens.js'
import { emailLanguage, linkWithToken, renderEmail } from './emailTemplates.js'
import { InvalidInputError } from './lifecycleErrors.js'
import { LANGUAGES, type Language, type PluginLogger } from './options.js'
import { hashFormat, type PasswordHasher } from './passwordHasher.js'
import { passwordProblem } from './passwordStrength.js'
import { MASK } from './secrets.js'
import { inTransaction, isMysqlFamily } from './transaction.js'
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
] as const
export type AccountRefusal = (typeof ACCOUNT_REFUSALS)[number]

/** A refusal the client area shows to the client (`accounts.<reason>`); nothing was changed. */
export class AccountRefused extends Error {
  constructor(readonly reason: AccountRefusal) {
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
  private readonly decoys = new Map<string, Promise<string>>()

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: ClientMailer,
    private readonly settings: ClientSettings,
    private readonly lifecycle: ClientLifecycle,
    private readonly config: AccountsConfig,
  ) {}

  // ---- registration -----------------------------------------------------------------------

  /**
   * Creates a client: `pending` with a confirmation email, or `active` at once when the
   * auto-confirm setting is on. Bad input: `InvalidInputError` (field → message key).
   */
  async register(input: {
    lastName?: unknown
    firstName?: unknown
    email?: unknown
    password?: unknown
    locale?: unknown
    ip?: string | null
  }): Promise<{ client: AccountClient; confirmationSent: boolean; emailFailed: boolean }> {
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
    else if (await this.dataSource.getRepository(Client).existsBy({ email })) fields.email = 'alreadyTaken'
    const problem = await passwordProblem(password, [email, firstName, lastName], settings.hashingDriver)
    if (problem) fields.password = problem
    if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)

    const passwordHash = await hasher.hash(password)
    const active = settings.autoConfirmRegistration
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
      // Two registrations of one address at the same moment: the unique index decides.
      if (isDuplicateKey(error)) throw new InvalidInputError({ email: 'alreadyTaken' })
      throw error
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

  /** A new confirmation link for a pending account. Same answer whether or not the email exists. */
  async requestConfirmationEmail(email: unknown, ip: string | null = null): Promise<void> {
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
   * it is not in the configured driver and cost. Unknown emails cost the same time as known ones.
   */
  async authenticate(input: {
    email?: unknown
    password?: unknown
    totp?: unknown
    ip?: string | null
  }): Promise<LoginResult> {
    const settings = await this.settings.current()
    const hasher = this.settings.hasherFor(settings)
    const password = text(input.password)
    const ip = input.ip ?? null
    const client = await this.findByEmail(input.email, true)
    if (!client) {
      // Spend the time a real check takes: no way to tell unknown emails by the delay.
      await hasher.verify(await this.decoyHash(hasher), password)
      return { ok: false, reason: 'invalidCredentials' }
    }
    const actor: Actor = { type: 'client', email: client.email, ip }
    const now = new Date()
    if (client.loginThrottledUntil && client.loginThrottledUntil > now) {
      await hasher.verify(await this.decoyHash(hasher), password)
      return { ok: false, reason: 'throttled', retryAfter: client.loginThrottledUntil }
    }

    const stored = client.passwordHash ?? null
    const format = hashFormat(stored)
    // An account without a password (imported, say) is checked against the decoy: same time, no match.
    const checked = stored
      ? await hasher.check(format === 'unknown' ? await this.decoyHash(hasher) : stored, password)
      : null
    if (!stored) return this.refuseLogin(client, actor, settings, 'invalidCredentials', true)
    if (format === 'unknown' || checked === 'unusable') {
      // Never the hash itself in a log line: its length and first characters say what it is.
      this.config.logger.warn(
        'adminjs-clients: a client password hash cannot be checked; the client must reset the password',
        {
          clientId: client.id,
          length: stored.length,
          prefix: stored.slice(0, 4),
        },
      )
      return this.refuseLogin(client, actor, settings, 'passwordUnusable', false)
    }
    if (checked !== 'match') return this.refuseLogin(client, actor, settings, 'invalidCredentials', true)
    const statusRefusal = STATUS_REFUSAL[client.status]
    if (statusRefusal) return this.refuseLogin(client, actor, settings, statusRefusal, false)

    let step: number | null = null
    let recoveryIndex = -1
    if (client.twoFactorEnabledAt) {
      const code = text(input.totp).trim()
      if (!code) return { ok: false, reason: 'totpRequired' }
      if (isRecoveryCodeShape(code))
        recoveryIndex = matchRecoveryCode(client.twoFactorRecoveryCodes ?? [], code)
      else step = await verifyTotp(client.twoFactorSecret ?? '', code, client.twoFactorLastStep)
      if (step === null && recoveryIndex === -1) {
        return this.refuseLogin(client, actor, settings, 'invalidTotp', true)
      }
    }

    // Rehashing is slow on purpose: before the transaction, not while holding the row.
    const rehash = hasher.needsRehash(stored) ? await hasher.hash(password) : null
    return inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, client.id)
      const set: Partial<Client> = {
        lastLoginAt: now,
        lastLoginIp: ip,
        failedLoginCount: 0,
        loginThrottledUntil: null,
      }
      // A password changed meanwhile (a reset in another tab) must not be overwritten.
      const rehashed = rehash !== null && locked.passwordHash === stored
      if (rehashed) set.passwordHash = rehash
      if (step !== null) {
        // The same code twice within its 30 seconds: the second is a replay.
        if ((locked.twoFactorLastStep ?? -1) >= step)
          return this.refuseLogin(locked, actor, settings, 'invalidTotp', true, manager)
        set.twoFactorLastStep = step
      }
      let recoveryCodesLeft: number | null = null
      if (recoveryIndex !== -1) {
        const codes = [...(locked.twoFactorRecoveryCodes ?? [])]
        const index = matchRecoveryCode(codes, text(input.totp))
        if (index === -1) return this.refuseLogin(locked, actor, settings, 'invalidTotp', true, manager)
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
  }

  /**
   * A refused login: `login_failed` with the reason. Wrong passwords and codes count towards the
   * throttle; the attempt that reaches the limit locks logins for the configured minutes.
   */
  private async refuseLogin(
    client: Client,
    actor: Actor,
    settings: SecuritySettings,
    reason: LoginRefusal,
    counts: boolean,
    manager?: EntityManager,
  ): Promise<LoginResult> {
    const write = async (m: EntityManager): Promise<LoginResult> => {
      const locked = manager ? client : await this.lock(m, client.id)
      const data: Record<string, unknown> = { reason }
      let throttledUntil: Date | null = null
      if (counts) {
        const failures = locked.failedLoginCount + 1
        data.failures = failures
        if (failures >= settings.maxFailedLogins) {
          throttledUntil = new Date(Date.now() + settings.throttleMinutes * 60_000)
          data.throttledUntil = throttledUntil.toISOString()
          await m.update(
            Client,
            { id: locked.id },
            { failedLoginCount: 0, loginThrottledUntil: throttledUntil },
          )
        } else {
          await m.update(Client, { id: locked.id }, { failedLoginCount: failures })
        }
      }
      await insertEvents(m, [eventRow(actor, locked.id, 'login_failed', null, null, data)])
      return throttledUntil
        ? { ok: false, reason: 'throttled', retryAfter: throttledUntil }
        : { ok: false, reason }
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
    if (!(await hasher.verify(client.passwordHash, text(input.password)))) {
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
   */
  async requestPasswordReset(email: unknown, ip: string | null = null): Promise<void> {
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
      await manager.update(
        Client,
        { id: client.id },
        { passwordHash, failedLoginCount: 0, loginThrottledUntil: null },
      )
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

  /** A valid hash of a random password, per hasher configuration: what unknown emails are checked against. */
  private decoyHash(hasher: PasswordHasher): Promise<string> {
    const key = JSON.stringify(hasher.options)
    let decoy = this.decoys.get(key)
    if (!decoy) {
      decoy = hasher.hash(randomBytes(16).toString('hex'))
      this.decoys.set(key, decoy)
    }
    return decoy
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
