import { Client } from '../../entities/Client.js'
import { BUMP_SESSION_GENERATION, endClientSessions } from '../core/clientSessions.js'
import { change, eventRow, insertEvents } from '../core/transaction.js'
import { MASK } from '../core/secrets.js'
import type { AccountContext } from './accountContext.js'
import { publicClient, type AccountClient } from './accountClient.js'
import { findClientByEmail } from './accountLookup.js'
import { AccountRefused } from './accountRefused.js'
import { revokeClientTokens } from './clientTokens.js'
import { clientAreaActor, refuseWhileImpersonating } from './impersonationMark.js'
import { limitAnonymous } from './limitAnonymous.js'
import { newPasswordHash } from './passwordChange.js'
import { tokenOwner, consumeToken } from './consumeToken.js'

/**
 * Sends a reset link if the email belongs to an account that may log in. Answers at once and
 * the same way whether or not it exists: the work goes on in the background.
 */
export async function requestPasswordReset(
  ctx: AccountContext,
  email: unknown,
  ip: string | null,
  impersonation?: unknown,
): Promise<void> {
  await limitAnonymous(ctx, 'passwordReset', { ip, email })
  ctx.background.run('requestPasswordReset', async () => {
    const client = await findClientByEmail(ctx.dataSource, email)
    if (!client || client.status === 'deleted' || client.status === 'banned') return
    // Asked by an admin logged in as a client: recorded under the admin, as done as the client.
    const { actor, data } = clientAreaActor(client.email, ip, impersonation)
    await ctx.lifecycle.sendPasswordReset(actor, client.id, data ?? undefined)
  })
}

export interface PasswordResetInput {
  token?: unknown
  password?: unknown
  passwordConfirmation?: unknown
  ip?: string | null
  /** The session's impersonation mark, if an admin is logged in as a client: then refused. */
  impersonation?: unknown
}

/** The reset link's form: sets the new password, spends the token and kills the other reset links. */
export async function resetPassword(
  ctx: AccountContext,
  input: PasswordResetInput,
): Promise<{ client: AccountClient }> {
  // The password stays the client's own, whatever link an admin logged in as a client opens.
  refuseWhileImpersonating(input.impersonation)
  // The token is checked (not spent) first: the strength check compares with the owner's names.
  const owner = await tokenOwner(ctx.dataSource, input.token, 'password_reset')
  const passwordHash = await newPasswordHash(ctx, owner, input)
  return consumeToken(ctx.dataSource, input.token, 'password_reset', async (manager, client, now) => {
    if (client.status === 'deleted' || client.status === 'banned') throw new AccountRefused('accountClosed')
    // Whoever was logged in with the old password is out, on every instance.
    await manager.update(Client, { id: client.id }, { passwordHash, ...BUMP_SESSION_GENERATION })
    await endClientSessions(manager, [client.id], { bumped: true })
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
