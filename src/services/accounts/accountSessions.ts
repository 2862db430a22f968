import { registerClientSession, sessionState } from '../core/clientSessions.js'
import type { AccountContext } from './accountContext.js'
import { publicClient, type AccountClient } from './accountClient.js'

/** Rows of `client_sessions` older than this are forgotten at the client's next login. Default 30 days. */
const DEFAULT_SESSION_KEEP_DAYS = 30

/**
 * What the host's client area keeps in its session at login (`authenticate`) or at an admin's
 * "log in as this client" (`startImpersonation`), and hands back on every request.
 */
export interface ClientSessionStamp {
  clientId: number
  sessionGeneration: number
}

/**
 * The account behind a client-area session, or null when the session must end: the client is
 * gone (removed for good), anonymised, banned or deleted, or its sessions were ended since the
 * stamp was made (a ban, a suspension, a password set by an admin or a reset link, 2FA removed…).
 * One read by primary key; holds across instances, since the generation is in the database.
 */
export async function sessionAccount(ctx: AccountContext, stamp: unknown): Promise<AccountClient | null> {
  if (!stamp || typeof stamp !== 'object') return null
  const { clientId, sessionGeneration } = stamp as Record<string, unknown>
  if (!Number.isSafeInteger(clientId) || !Number.isSafeInteger(sessionGeneration)) return null
  const state = await sessionState(ctx.dataSource, clientId as number)
  if (!state || state.generation !== sessionGeneration) return null
  const { client } = state
  if (client.anonymisedAt || client.status === 'banned' || client.status === 'deleted') return null
  return publicClient(client)
}

/**
 * Records that the host's session `sessionId` is the client's (after a login or an admin's "log
 * in as this client"), so that ending the client's sessions destroys it in the host's store.
 */
export async function registerSession(
  ctx: AccountContext,
  clientId: number,
  sessionId: unknown,
): Promise<void> {
  if (!Number.isSafeInteger(clientId) || typeof sessionId !== 'string') return
  if (sessionId.length === 0 || sessionId.length > 255) return
  await registerClientSession(
    ctx.dataSource,
    clientId,
    sessionId,
    ctx.config.sessionKeepDays ?? DEFAULT_SESSION_KEEP_DAYS,
  )
}
