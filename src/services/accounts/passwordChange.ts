import { Client } from '../../entities/Client.js'
import { MAX_PASSWORD_LENGTH } from '../../shared/limits.js'
import { change, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { InvalidInputError } from '../core/errors.js'
import { MASK } from '../core/secrets.js'
import type { AccountContext } from './accountContext.js'
import { formText, loadWithSecrets, lockClient } from './accountLookup.js'
import { AccountRefused } from './accountRefused.js'
import { revokeClientTokens } from './clientTokens.js'
import { clientAreaActor, refuseWhileImpersonating } from './impersonationMark.js'
import { passwordProblem } from './passwordStrength.js'

/**
 * A new password checked (strength, against what the account is known by; the confirmation when
 * given) and hashed with the configured driver: `InvalidInputError` with the field otherwise.
 */
export async function newPasswordHash(
  ctx: AccountContext,
  owner: Pick<Client, 'email' | 'firstName' | 'lastName' | 'clientNumber'>,
  input: { password?: unknown; passwordConfirmation?: unknown },
): Promise<string> {
  const settings = await ctx.settings.current()
  const password = formText(input.password)
  const problem = await passwordProblem(
    password,
    [owner.email, owner.firstName, owner.lastName, owner.clientNumber],
    settings.hashingDriver,
  )
  if (problem) throw new InvalidInputError({ password: problem })
  if (input.passwordConfirmation !== undefined && input.passwordConfirmation !== password) {
    throw new InvalidInputError({ passwordConfirmation: 'passwordsDiffer' })
  }
  return ctx.settings.hasherFor(settings).hash(password)
}

export interface PasswordChangeInput {
  clientId: number
  currentPassword?: unknown
  password?: unknown
  passwordConfirmation?: unknown
  ip?: string | null
  /** The session's impersonation mark, if an admin is logged in as the client: then refused. */
  impersonation?: unknown
}

/**
 * The logged-in client changes the password, proving the current one; the reset links die.
 * Refused while an admin is logged in as the client (`AccountRefused('impersonating')`).
 */
export async function changeOwnPassword(ctx: AccountContext, input: PasswordChangeInput): Promise<void> {
  refuseWhileImpersonating(input.impersonation)
  const client = await loadWithSecrets(ctx.dataSource, input.clientId)
  if (client.status === 'deleted' || client.status === 'banned') throw new AccountRefused('accountClosed')
  const hasher = await ctx.settings.hasher()
  const current = formText(input.currentPassword)
  if (current.length > MAX_PASSWORD_LENGTH || !(await hasher.verify(client.passwordHash, current))) {
    throw new InvalidInputError({ currentPassword: 'wrongPassword' })
  }
  const passwordHash = await newPasswordHash(ctx, client, input)
  await inTransaction(ctx.dataSource, async (manager) => {
    const locked = await lockClient(ctx.dataSource, manager, client.id)
    const now = new Date()
    await manager.update(Client, { id: locked.id }, { passwordHash })
    await revokeClientTokens(manager, [locked.id], 'password_reset', now)
    const { actor, data } = clientAreaActor(locked.email, input.ip, input.impersonation)
    await insertEvents(manager, [
      eventRow(actor, locked.id, 'password_changed', null, [change('passwordHash', MASK, MASK)], {
        via: 'clientArea',
        ...data,
      }),
    ])
  })
}
