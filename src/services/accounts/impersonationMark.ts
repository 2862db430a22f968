import type { Actor } from '../core/requestValues.js'
import type { AccountClient } from './accountClient.js'
import { AccountRefused } from './accountRefused.js'

/**
 * What the host's client area keeps in its session while an admin is logged in as the client
 * (from `startImpersonation`) and hands back to every account method: `id` names the
 * impersonation, `admin` the admin's email.
 */
export interface ImpersonationMark {
  id: number
  admin: string
}

/** What `startImpersonation` gives the host: the client, the admin, and until when the mark holds. */
export interface ImpersonationStart extends ImpersonationMark {
  client: AccountClient
  startedAt: Date
  expiresAt: Date
  /** Keep it in the session with the client's id: `sessionAccount` checks it on each request. */
  sessionGeneration: number
}

/** A mark as the host's session gives it back: anything else (missing, malformed) is no mark. */
export function readMark(mark: unknown): ImpersonationMark | null {
  if (!mark || typeof mark !== 'object') return null
  const { id, admin } = mark as Record<string, unknown>
  return Number.isSafeInteger(id) && (id as number) > 0 && typeof admin === 'string'
    ? { id: id as number, admin }
    : null
}

/**
 * The password, the email address and 2FA stay the client's own: an admin logged in as the
 * client is refused them (`AccountRefused('impersonating')`), whatever the host's pages show.
 */
export function refuseWhileImpersonating(mark: unknown): void {
  if (mark !== undefined && mark !== null) throw new AccountRefused('impersonating')
}

/**
 * Who a client-area change is recorded under: the client, or, while an admin is logged in as
 * the client, that admin (the event's `data.asClient` says it was done as the client).
 */
export function clientAreaActor(
  clientEmail: string | null,
  ip: string | null | undefined,
  mark: unknown,
): { actor: Actor; data: Record<string, unknown> | null } {
  const impersonation = readMark(mark)
  return impersonation
    ? {
        actor: { type: 'admin', email: impersonation.admin, ip: ip ?? null },
        data: { asClient: true, impersonationId: impersonation.id },
      }
    : { actor: { type: 'client', email: clientEmail, ip: ip ?? null }, data: null }
}
