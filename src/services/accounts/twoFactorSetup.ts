import { Client } from '../../entities/Client.js'
import { change, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { InvalidInputError } from '../core/errors.js'
import { MASK } from '../core/secrets.js'
import type { AccountContext } from './accountContext.js'
import { formText, loadWithSecrets, lockClient } from './accountLookup.js'
import { AccountRefused } from './accountRefused.js'
import { clientAreaActor, refuseWhileImpersonating } from './impersonationMark.js'
import { MAX_PASSWORD_LENGTH } from '../../shared/limits.js'
import {
  isRecoveryCodeShape,
  matchRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpUrl,
  verifyTotp,
} from './twoFactor.js'

export interface TwoFactorStart {
  secret: string
  otpauthUrl: string
}

/** Starts 2FA: a new secret to scan (not active until `confirmTwoFactor`). Refused while impersonating. */
export async function enableTwoFactor(
  ctx: AccountContext,
  clientId: number,
  impersonation?: unknown,
): Promise<TwoFactorStart> {
  refuseWhileImpersonating(impersonation)
  const client = await loadWithSecrets(ctx.dataSource, clientId)
  if (client.twoFactorEnabledAt) throw new AccountRefused('twoFactorAlreadyOn')
  const started = newTotpSecret(ctx.config.twoFactorIssuer, client.email ?? client.clientNumber)
  // Only the secret is kept until the first code proves the app has it: no history entry yet.
  await ctx.dataSource.getRepository(Client).update({ id: client.id }, { twoFactorSecret: started.secret })
  return started
}

/** The secret being set up (started, not yet confirmed), to show it again after a mistyped code. */
export async function pendingTwoFactor(
  ctx: AccountContext,
  clientId: number,
): Promise<TwoFactorStart | null> {
  const client = await loadWithSecrets(ctx.dataSource, clientId)
  if (client.twoFactorEnabledAt || !client.twoFactorSecret) return null
  return {
    secret: client.twoFactorSecret,
    otpauthUrl: totpUrl(
      ctx.config.twoFactorIssuer,
      client.email ?? client.clientNumber,
      client.twoFactorSecret,
    ),
  }
}

/** The first code from the app turns 2FA on; the recovery codes are returned once, stored hashed. */
export async function confirmTwoFactor(
  ctx: AccountContext,
  input: { clientId: number; code?: unknown; ip?: string | null; impersonation?: unknown },
): Promise<{ recoveryCodes: string[] }> {
  refuseWhileImpersonating(input.impersonation)
  const client = await loadWithSecrets(ctx.dataSource, input.clientId)
  if (client.twoFactorEnabledAt) throw new AccountRefused('twoFactorAlreadyOn')
  if (!client.twoFactorSecret) throw new AccountRefused('twoFactorNotStarted')
  const step = await verifyTotp(client.twoFactorSecret, formText(input.code), null)
  if (step === null) throw new InvalidInputError({ code: 'invalidTotpCode' })
  const { codes, hashes } = newRecoveryCodes()
  await inTransaction(ctx.dataSource, async (manager) => {
    const locked = await lockClient(ctx.dataSource, manager, client.id)
    if (locked.twoFactorEnabledAt) throw new AccountRefused('twoFactorAlreadyOn')
    if (locked.twoFactorSecret !== client.twoFactorSecret) throw new AccountRefused('twoFactorNotStarted')
    const now = new Date()
    await manager.update(
      Client,
      { id: locked.id },
      { twoFactorEnabledAt: now, twoFactorRecoveryCodes: hashes, twoFactorLastStep: step },
    )
    const { actor, data } = clientAreaActor(locked.email, input.ip, input.impersonation)
    await insertEvents(manager, [
      eventRow(
        actor,
        locked.id,
        'two_factor_enabled',
        null,
        [change('twoFactorSecret', null, MASK), change('twoFactorEnabledAt', null, now)],
        data,
      ),
    ])
  })
  return { recoveryCodes: codes }
}

/** Turns 2FA off; the client proves it with the password and a current code (or a recovery code). */
export async function disableTwoFactor(
  ctx: AccountContext,
  input: {
    clientId: number
    password?: unknown
    code?: unknown
    ip?: string | null
    impersonation?: unknown
  },
): Promise<void> {
  refuseWhileImpersonating(input.impersonation)
  const client = await loadWithSecrets(ctx.dataSource, input.clientId)
  if (!client.twoFactorEnabledAt) throw new AccountRefused('twoFactorOff')
  const hasher = await ctx.settings.hasher()
  const password = formText(input.password)
  if (password.length > MAX_PASSWORD_LENGTH || !(await hasher.verify(client.passwordHash, password))) {
    throw new InvalidInputError({ password: 'wrongPassword' })
  }
  const code = formText(input.code).trim()
  const proved = isRecoveryCodeShape(code)
    ? matchRecoveryCode(client.twoFactorRecoveryCodes ?? [], code) !== -1
    : (await verifyTotp(client.twoFactorSecret ?? '', code, client.twoFactorLastStep)) !== null
  if (!proved) throw new InvalidInputError({ code: 'invalidTotpCode' })
  await inTransaction(ctx.dataSource, async (manager) => {
    const locked = await lockClient(ctx.dataSource, manager, client.id)
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
    const { actor, data } = clientAreaActor(locked.email, input.ip, input.impersonation)
    await insertEvents(manager, [
      eventRow(
        actor,
        locked.id,
        'two_factor_disabled',
        null,
        [
          change('twoFactorSecret', MASK, null),
          change('twoFactorEnabledAt', locked.twoFactorEnabledAt, null),
        ],
        data,
      ),
    ])
  })
}
