import { createHash, randomBytes } from 'node:crypto'
import { IsNull, type EntityManager } from 'typeorm'
import { ClientToken } from '../../entities/ClientToken.js'
import type { TokenPurpose } from '../../entities/columns.js'

/** Tokens are stored as SHA-256 only: a database leak gives nobody a working link. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/**
 * A new single-use token for a client: the previous unused tokens of the same purpose die, so
 * only the newest link works. Returns the token in clear, for the email (or the admin's link) only.
 * `issuedBy`: the admin who asked for it (an impersonation link).
 */
export async function issueClientToken(
  manager: EntityManager,
  clientId: number,
  purpose: TokenPurpose,
  lifetimeMs: number,
  now = new Date(),
  issuedBy: string | null = null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await manager.update(ClientToken, { clientId, purpose, usedAt: IsNull() }, { usedAt: now })
  await manager.insert(ClientToken, {
    clientId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + lifetimeMs),
    usedAt: null,
    issuedBy,
  })
  return token
}

/** Kills every unused token of a purpose for these clients (e.g. reset links after a password change). */
export async function revokeClientTokens(
  manager: EntityManager,
  clientIds: number[],
  purpose: TokenPurpose,
  now = new Date(),
): Promise<void> {
  if (clientIds.length === 0) return
  await manager
    .createQueryBuilder()
    .update(ClientToken)
    .set({ usedAt: now })
    .where('clientId IN (:...clientIds)', { clientIds })
    .andWhere('purpose = :purpose', { purpose })
    .andWhere('usedAt IS NULL')
    .execute()
}
