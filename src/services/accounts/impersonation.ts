import { IsNull, Not, type EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientToken } from '../../entities/ClientToken.js'
import { MAX_REASON_LENGTH } from '../../shared/limits.js'
import type { Actor } from '../core/requestValues.js'
import { eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import type { AccountContext } from './accountContext.js'
import { publicClient } from './accountClient.js'
import { formText, lockClient } from './accountLookup.js'
import { AccountRefused } from './accountRefused.js'
import { issueClientToken } from './clientTokens.js'
import { readMark, type ImpersonationStart } from './impersonationMark.js'
import { consumeToken } from './consumeToken.js'

/** The admin's link works once, within this time: long enough to open a tab, too short to pass on. */
const IMPERSONATION_LINK_SECONDS = 60
const DEFAULT_IMPERSONATION_MAX_MINUTES = 60

const closed = (client: Client) =>
  client.status === 'banned' || client.status === 'deleted' || client.anonymisedAt !== null

/** The client's row, locked; a missing one is the panel's `notFound` notice, an anonymised one `isAnonymised`. */
const lockedClient = (ctx: AccountContext, manager: EntityManager, id: number): Promise<Client> =>
  lockClient(ctx.dataSource, manager, id).catch((error: unknown) => {
    if (!(error instanceof AccountRefused)) throw error
    throw new ClientActionRefused(error.reason === 'accountClosed' ? 'isAnonymised' : 'notFound')
  })

/**
 * The panel's "Log in as this client": a single-use link (60 s, stored hashed) into the host's
 * client area, and the `impersonation_started` event with the admin, the IP and the reason, in
 * one transaction. Refused for a banned, deleted or anonymised client, and when the host gave no
 * `links.impersonate`. Returns the link, for the admin's browser only.
 */
export async function beginImpersonation(
  ctx: AccountContext,
  actor: Actor,
  clientId: number,
  input: { reason?: unknown },
): Promise<{ url: string }> {
  const link = ctx.config.links.impersonate
  if (!link) throw new ClientActionRefused('impersonationUnavailable')
  const reason = formText(input.reason).trim()
  if (!reason) throw new InvalidInputError({ reason: 'fieldRequired' })
  if (reason.length > MAX_REASON_LENGTH) throw new InvalidInputError({ reason: 'tooLong' })
  return inTransaction(ctx.dataSource, async (manager) => {
    const client = await lockedClient(ctx, manager, clientId)
    if (client.status === 'banned') throw new ClientActionRefused('isBanned', client.clientNumber)
    if (client.status === 'deleted') throw new ClientActionRefused('isDeleted', client.clientNumber)
    const now = new Date()
    const token = await issueClientToken(
      manager,
      client.id,
      'impersonation',
      IMPERSONATION_LINK_SECONDS * 1000,
      now,
      actor.email,
    )
    await insertEvents(manager, [eventRow(actor, client.id, 'impersonation_started', reason, null)])
    return { url: link.split('{token}').join(encodeURIComponent(token)) }
  })
}

/**
 * The client area's side: spends the admin's link and says who is logged in as whom, until
 * when. Refused (`AccountRefused`): `tokenInvalid` (unknown or used), `tokenExpired`,
 * `accountClosed` (banned, deleted or anonymised since the link was made).
 */
export async function startImpersonation(ctx: AccountContext, token: unknown): Promise<ImpersonationStart> {
  const minutes = ctx.config.impersonationMaxMinutes ?? DEFAULT_IMPERSONATION_MAX_MINUTES
  return consumeToken(ctx.dataSource, token, 'impersonation', async (manager, client, now, row) => {
    if (closed(client)) throw new AccountRefused('accountClosed')
    // From now on the row is the impersonation itself: it ends at `expiresAt`.
    const expiresAt = new Date(now.getTime() + minutes * 60_000)
    await manager.update(ClientToken, { id: row.id }, { expiresAt })
    return {
      id: row.id,
      admin: row.issuedBy ?? '',
      client: publicClient(client),
      startedAt: now,
      expiresAt,
      sessionGeneration: client.sessionGeneration ?? 0,
    }
  })
}

/**
 * Ends an impersonation (the admin went back to the panel, logged out, or its time is up) and
 * records `impersonation_ended` under the admin, once: a second call, or a mark the plugin
 * never made, changes nothing and answers false.
 */
export async function endImpersonation(
  ctx: AccountContext,
  mark: unknown,
  ip: string | null,
): Promise<boolean> {
  const impersonation = readMark(mark)
  if (!impersonation) return false
  return inTransaction(ctx.dataSource, async (manager) => {
    const row = await manager.findOneBy(ClientToken, {
      id: impersonation.id,
      purpose: 'impersonation',
      usedAt: Not(IsNull()),
    })
    if (!row) return false
    // Ended means `expiresAt = usedAt`: one conditional UPDATE, so two calls record one event.
    const ended = await manager
      .createQueryBuilder()
      .update(ClientToken)
      .set({ expiresAt: () => 'usedAt' })
      .where('id = :id', { id: row.id })
      .andWhere('expiresAt > usedAt')
      .execute()
    if (!ended.affected) return false
    const expired = row.expiresAt.getTime() <= Date.now()
    await insertEvents(manager, [
      eventRow({ type: 'admin', email: row.issuedBy, ip }, row.clientId, 'impersonation_ended', null, null, {
        expired,
      }),
    ])
    return true
  })
}
