import type { EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import type { ClientStatus } from '../../entities/columns.js'
import type { Actor } from '../core/requestValues.js'
import { change, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { MASK } from '../core/secrets.js'
import type { AccountContext } from './accountContext.js'
import { publicClient, type AccountClient } from './accountClient.js'
import { limitAddress } from './accountLimits.js'
import { findClientByEmail, formText, lockClient } from './accountLookup.js'
import type { LoginRefusal } from './accountRefused.js'
import type { SecuritySettings } from './clientSettings.js'
import { loginCostKind } from './loginCost.js'
import { hashFormat } from './passwordHasher.js'
import type { RateLimitResult } from './rateLimiter.js'
import { isRecoveryCodeShape, matchRecoveryCode, verifyTotp } from './twoFactor.js'

export type LoginResult =
  | {
      ok: true
      client: AccountClient
      /** The stored hash was in another format or cost and has just been replaced. */
      rehashed: boolean
      /** A recovery code was used (it is now spent); how many are left. */
      recoveryCodesLeft: number | null
      /** Keep it in the session with the client's id: `sessionAccount` checks it on each request. */
      sessionGeneration: number
    }
  | { ok: false; reason: LoginRefusal; retryAfter?: Date }

export interface LoginInput {
  email?: unknown
  password?: unknown
  totp?: unknown
  ip?: string | null
}

const STATUS_REFUSAL: Partial<Record<ClientStatus, LoginRefusal>> = {
  pending: 'unconfirmed',
  suspended: 'suspended',
  banned: 'banned',
  deleted: 'deleted',
}

interface LoginCount {
  perAccount: RateLimitResult
  perIp: RateLimitResult
  /** Takes the attempt back (a right password does not count). */
  forgive: () => Promise<void>
}

/** Counts the attempt before the check (concurrent guesses cannot slip past the limit). */
async function countLoginAttempt(
  ctx: AccountContext,
  settings: SecuritySettings,
  email: unknown,
  ip: string | null,
): Promise<LoginCount> {
  const address = limitAddress(email)
  const perAccount = await ctx.rateLimiter.hit('login', [address, ip], {
    limit: settings.maxFailedLogins,
    windowMs: settings.throttleMinutes * 60_000,
  })
  const perIp = await ctx.rateLimiter.hit('login:ip', [ip], ctx.limits.loginPerIp)
  const forgive = async () => {
    await ctx.rateLimiter.forgive('login', [address, ip])
    await ctx.rateLimiter.forgive('login:ip', [ip])
  }
  return { perAccount, perIp, forgive }
}

/**
 * A refused login: `login_failed` with the reason, and with `failures` (this email's failures
 * from this IP in the current window) when it counted. The throttle itself is the rate limiter's.
 */
async function refuseLogin(
  ctx: AccountContext,
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
  return manager ? write(manager) : inTransaction(ctx.dataSource, write)
}

/** The code typed for 2FA: a TOTP step, a recovery code's index, or missing. */
type SecondFactor = { step: number | null; recoveryIndex: number } | 'missing'

async function checkSecondFactor(client: Client, totp: unknown): Promise<SecondFactor> {
  if (!client.twoFactorEnabledAt) return { step: null, recoveryIndex: -1 }
  const code = formText(totp).trim()
  if (!code) return 'missing'
  if (isRecoveryCodeShape(code)) {
    return { step: null, recoveryIndex: matchRecoveryCode(client.twoFactorRecoveryCodes ?? [], code) }
  }
  return {
    step: await verifyTotp(client.twoFactorSecret ?? '', code, client.twoFactorLastStep),
    recoveryIndex: -1,
  }
}

/**
 * The login itself, on the locked row: last login, a rehash, the TOTP step or the spent recovery
 * code, and the `login` history entry. A replayed code or a recovery code spent meanwhile is refused.
 */
async function recordLogin(
  ctx: AccountContext,
  login: {
    client: Client
    actor: Actor
    stored: string | null
    rehash: string | null
    second: { step: number | null; recoveryIndex: number }
    totp: unknown
    failures: number
    now: Date
    /** The stored hash's format and the configured driver, for the history of a rehash. */
    rehashedFrom: string
    rehashedTo: string
  },
): Promise<LoginResult> {
  const { client, actor, stored, rehash, totp, failures, now } = login
  const { step, recoveryIndex } = login.second
  const ip = actor.ip
  return inTransaction(ctx.dataSource, async (manager): Promise<LoginResult> => {
    const locked = await lockClient(ctx.dataSource, manager, client.id)
    const set: Partial<Client> = { lastLoginAt: now, lastLoginIp: ip }
    // A password changed meanwhile (a reset in another tab) must not be overwritten.
    const rehashed = rehash !== null && locked.passwordHash === stored
    if (rehashed) set.passwordHash = rehash
    if (step !== null) {
      // The same code twice within its 30 seconds: the second is a replay.
      if ((locked.twoFactorLastStep ?? -1) >= step)
        return refuseLogin(ctx, locked, actor, 'invalidTotp', failures, manager)
      set.twoFactorLastStep = step
    }
    let recoveryCodesLeft: number | null = null
    if (recoveryIndex !== -1) {
      const codes = [...(locked.twoFactorRecoveryCodes ?? [])]
      const index = matchRecoveryCode(codes, formText(totp))
      if (index === -1) return refuseLogin(ctx, locked, actor, 'invalidTotp', failures, manager)
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
          ...(rehashed ? { rehashedFrom: login.rehashedFrom, rehashedTo: login.rehashedTo } : {}),
          ...(client.twoFactorEnabledAt ? { twoFactor: recoveryIndex !== -1 ? 'recoveryCode' : 'totp' } : {}),
        },
      ),
    ])
    return {
      ok: true,
      client: publicClient(locked),
      rehashed,
      recoveryCodesLeft,
      sessionGeneration: locked.sessionGeneration ?? 0,
    }
  })
}

/** See `ClientAccounts.authenticate`. */
export async function authenticateClient(ctx: AccountContext, input: LoginInput): Promise<LoginResult> {
  const attempt = ctx.loginCost.begin()
  const settings = await ctx.settings.current()
  const hasher = ctx.settings.hasherFor(settings)
  const password = formText(input.password)
  const ip = input.ip ?? null
  const { perAccount, perIp, forgive } = await countLoginAttempt(ctx, settings, input.email, ip)
  if (!perAccount.allowed || !perIp.allowed) {
    await attempt.refuse(null)
    const until = Math.max(
      ...[perAccount, perIp].filter((hit) => !hit.allowed).map((hit) => hit.retryAfter.getTime()),
    )
    return { ok: false, reason: 'throttled', retryAfter: new Date(until) }
  }

  const client = await findClientByEmail(ctx.dataSource, input.email, true)
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
      ctx.config.logger.warn(
        'adminjs-clients: a client password hash cannot be checked; the client must reset the password',
        { clientId: client.id, length: stored.length, prefix: stored.slice(0, 4) },
      )
    }
    // The visitor sees a wrong password either way (an unusable hash would say the email exists);
    // the history keeps the real reason for the operator.
    const reason: LoginRefusal = stored && !usable ? 'passwordUnusable' : 'invalidCredentials'
    await refuseLogin(ctx, client, actor, reason, perAccount.count)
    await attempt.refuse(loginCostKind(true, usable ? stored : null, password))
    return { ok: false, reason: 'invalidCredentials' }
  }
  const statusRefusal = STATUS_REFUSAL[client.status]
  if (statusRefusal) {
    await forgive()
    return refuseLogin(ctx, client, actor, statusRefusal, null)
  }

  const second = await checkSecondFactor(client, input.totp)
  if (second === 'missing') {
    await forgive()
    return { ok: false, reason: 'totpRequired' }
  }
  if (client.twoFactorEnabledAt && second.step === null && second.recoveryIndex === -1) {
    return refuseLogin(ctx, client, actor, 'invalidTotp', perAccount.count)
  }

  // Rehashing is slow on purpose: before the transaction, not while holding the row.
  const rehash = hasher.needsRehash(stored) ? await hasher.hash(password) : null
  const result = await recordLogin(ctx, {
    client,
    actor,
    stored,
    rehash,
    second,
    totp: input.totp,
    failures: perAccount.count,
    now,
    rehashedFrom: format,
    rehashedTo: settings.hashingDriver,
  })
  if (result.ok) await forgive()
  return result
}
