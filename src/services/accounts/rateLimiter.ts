import type { DataSource, EntityManager } from 'typeorm'
import { RateLimitCounter } from '../../entities/RateLimitCounter.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import { tableOf } from '../core/tableNames.js'
import { rateLimitKey } from '../core/rateLimitKey.js'

/** How many hits a bucket allows per window. */
export interface RateLimitRule {
  limit: number
  windowMs: number
}

/** The counter after a hit: `allowed` is false once `count` passes the limit, until `retryAfter`. */
export interface RateLimitResult {
  allowed: boolean
  count: number
  retryAfter: Date
}

// A cheap sweep of expired counters every so many hits: no timer, no job.
const SWEEP_EVERY = 200

/**
 * Fixed-window rate limits kept in the database, so that every app instance sharing it counts
 * together. A counter is keyed by a bucket name and parts (an email, an IP), stored as a SHA-256
 * of them. Increments are one atomic upsert (`ON DUPLICATE KEY UPDATE` on MySQL/MariaDB,
 * `ON CONFLICT` on SQLite): concurrent hits are never lost.
 *
 * ```ts
 * const hit = await clients.rateLimiter.hit('register:ip', [req.ip], { limit: 10, windowMs: 3600_000 })
 * if (!hit.allowed) res.status(429)
 * ```
 */
export class RateLimiter {
  private hits = 0

  constructor(private readonly dataSource: DataSource) {}

  /** The stored key of a bucket and its parts (exposed for tests and operators: no clear values). */
  static key(bucket: string, parts: readonly (string | null | undefined)[]): string {
    return rateLimitKey(bucket, parts)
  }

  /** Counts one hit and says whether it is within the limit. */
  async hit(
    bucket: string,
    parts: readonly (string | null | undefined)[],
    rule: RateLimitRule,
  ): Promise<RateLimitResult> {
    const key = RateLimiter.key(bucket, parts)
    const now = Date.now()
    const expires = now + rule.windowMs
    // MySQL assigns left to right and later expressions see new values: `expiresAt` goes last, so
    // every condition reads the old one. SQLite reads old values throughout.
    const TABLE = tableOf(this.dataSource, RateLimitCounter)
    const sql = isMysqlFamily(this.dataSource)
      ? `INSERT INTO ${TABLE} (\`key\`, \`count\`, windowStart, expiresAt) VALUES (?, 1, ?, ?)
         ON DUPLICATE KEY UPDATE
           \`count\` = IF(expiresAt <= VALUES(windowStart), 1, \`count\` + 1),
           windowStart = IF(expiresAt <= VALUES(windowStart), VALUES(windowStart), windowStart),
           expiresAt = IF(expiresAt <= VALUES(windowStart), VALUES(expiresAt), expiresAt)`
      : `INSERT INTO ${TABLE} ("key", "count", windowStart, expiresAt) VALUES (?, 1, ?, ?)
         ON CONFLICT("key") DO UPDATE SET
           "count" = CASE WHEN expiresAt <= excluded.windowStart THEN 1 ELSE "count" + 1 END,
           windowStart = CASE WHEN expiresAt <= excluded.windowStart THEN excluded.windowStart ELSE windowStart END,
           expiresAt = CASE WHEN expiresAt <= excluded.windowStart THEN excluded.expiresAt ELSE expiresAt END`
    const row = await this.write(async (manager) => {
      await manager.query(sql, [key, now, expires])
      return this.read(manager, key)
    })
    this.hits += 1
    if (this.hits % SWEEP_EVERY === 0) await this.sweep()
    const count = row?.count ?? 1
    return { allowed: count <= rule.limit, count, retryAfter: new Date(row?.expiresAt ?? expires) }
  }

  /** The counter as it stands, without counting: whether one more hit would still be allowed. */
  async peek(bucket: string, parts: readonly (string | null | undefined)[], rule: RateLimitRule) {
    const row = await this.read(this.dataSource.manager, RateLimiter.key(bucket, parts))
    const live = row && row.expiresAt > Date.now() ? row : null
    return {
      allowed: (live?.count ?? 0) < rule.limit,
      count: live?.count ?? 0,
      retryAfter: new Date(live?.expiresAt ?? Date.now()),
    }
  }

  /** Takes one hit back (a login that turned out right must not count as a failure). */
  async forgive(bucket: string, parts: readonly (string | null | undefined)[]): Promise<void> {
    const key = RateLimiter.key(bucket, parts)
    const TABLE = tableOf(this.dataSource, RateLimitCounter)
    await this.write((manager) =>
      manager.query(
        isMysqlFamily(this.dataSource)
          ? `UPDATE ${TABLE} SET \`count\` = \`count\` - 1 WHERE \`key\` = ? AND \`count\` > 0`
          : `UPDATE ${TABLE} SET "count" = "count" - 1 WHERE "key" = ? AND "count" > 0`,
        [key],
      ),
    )
  }

  /** Forgets a counter (after a password reset, say). */
  async reset(bucket: string, parts: readonly (string | null | undefined)[]): Promise<void> {
    const key = RateLimiter.key(bucket, parts)
    await this.write((manager) => manager.delete(RateLimitCounter, { key }))
  }

  /** Deletes expired counters (uses the index on expiresAt); also runs by itself every few hundred hits. */
  async sweep(): Promise<number> {
    const result = await this.write((manager) =>
      manager
        .createQueryBuilder()
        .delete()
        .from(RateLimitCounter)
        .where('expiresAt <= :now', { now: Date.now() })
        .execute(),
    )
    return result.affected ?? 0
  }

  private async read(manager: EntityManager, key: string) {
    const row = await manager.findOne(RateLimitCounter, { where: { key } })
    return row ? { count: Number(row.count), expiresAt: Number(row.expiresAt) } : null
  }

  /**
   * Through the one transaction helper: queued on SQLite, and a deadlock or a Galera conflict
   * between two instances counting the same key is run again there, so a counter does not fail a login.
   */
  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, work)
  }
}
