import { Client } from '../../entities/Client.js'
import { change, eventRow, insertEvents } from '../core/transaction.js'
import type { AccountContext } from './accountContext.js'
import { publicClient, type AccountClient } from './accountClient.js'
import { findClientByEmail } from './accountLookup.js'
import { AccountRefused } from './accountRefused.js'
import { revokeClientTokens } from './clientTokens.js'
import { clientAreaActor } from './impersonationMark.js'
import { limitAnonymous } from './limitAnonymous.js'
import { consumeToken } from './consumeToken.js'

/** The link of the confirmation email: single use, expires; the account becomes active. */
export async function confirmEmail(
  ctx: AccountContext,
  token: unknown,
  ip: string | null,
  impersonation?: unknown,
): Promise<{ client: AccountClient; alreadyConfirmed: boolean }> {
  return consumeToken(ctx.dataSource, token, 'email_confirmation', async (manager, client, now) => {
    // Opened by an admin logged in as a client: recorded under the admin.
    const { actor, data } = clientAreaActor(client.email, ip, impersonation)
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
        data,
      ),
    ])
    return { client: publicClient({ ...client, ...set } as Client), alreadyConfirmed: false }
  })
}

/**
 * A new confirmation link for a pending account. Same answer whether or not the email exists;
 * `AccountRefused('rateLimited')` past the limits per IP or per address.
 */
export async function requestConfirmationEmail(
  ctx: AccountContext,
  email: unknown,
  ip: string | null,
  impersonation?: unknown,
): Promise<void> {
  await limitAnonymous(ctx, 'confirmationResend', { ip, email })
  ctx.background.run('requestConfirmationEmail', async () => {
    const client = await findClientByEmail(ctx.dataSource, email)
    if (!client || client.status !== 'pending') return
    const { actor, data } = clientAreaActor(client.email, ip, impersonation)
    await ctx.lifecycle.resendConfirmation(actor, client.id, data ?? undefined)
  })
}
