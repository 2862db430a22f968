import type { SessionData, Store as StoreBase } from 'express-session'
import { LessThan, type DataSource } from 'typeorm'
import { AdminSession } from '../entities/AdminSession.js'

type Callback<T = void> = (error?: unknown, value?: T) => void
type StoreClass = typeof StoreBase

export interface DatabaseSessionStoreOptions {
  /** A session's life without a cookie expiry of its own (default eight hours). */
  ttlMs?: number
  /** Expired sessions removed at each write, at most (default 2: a few at a time, never a sweep). */
  cleanupLimit?: number
}

const DEFAULT_TTL_MS = 8 * 3600 * 1000

/**
 * The panel's sessions in the plugin's `client_admin_sessions` table, for express-session: every
 * instance sees the same sessions, a logout is gone for all of them once `destroy` answers.
 * `Store` is express-session's base class (the host's copy: `(await import('express-session')).Store`).
 */
export function databaseSessionStore(
  Store: StoreClass,
  dataSource: DataSource,
  { ttlMs = DEFAULT_TTL_MS, cleanupLimit = 2 }: DatabaseSessionStoreOptions = {},
): StoreBase {
  const sessions = () => dataSource.getRepository(AdminSession)
  const expiry = (session: SessionData) => {
    const expires = session.cookie?.expires
    return expires ? new Date(expires).getTime() : Date.now() + ttlMs
  }
  const answer = <T>(work: Promise<T>, callback?: Callback<T>) => {
    work.then(
      (value) => callback?.(undefined, value),
      (error: unknown) => callback?.(error),
    )
  }

  class DatabaseSessionStore extends Store {
    override get(sid: string, callback: Callback<SessionData | null>): void {
      answer(
        sessions()
          .findOneBy({ id: sid })
          .then((row) =>
            row && Number(row.expiresAt) > Date.now() ? (JSON.parse(row.data) as SessionData) : null,
          ),
        callback,
      )
    }

    override set(sid: string, session: SessionData, callback?: Callback): void {
      answer(
        (async () => {
          await sessions().upsert({ id: sid, expiresAt: expiry(session), data: JSON.stringify(session) }, [
            'id',
          ])
          const stale = await sessions().find({
            select: { id: true },
            where: { expiresAt: LessThan(Date.now()) },
            take: cleanupLimit,
          })
          if (stale.length > 0) await sessions().delete(stale.map((row) => row.id))
        })(),
        callback,
      )
    }

    override destroy(sid: string, callback?: Callback): void {
      answer(
        sessions()
          .delete({ id: sid })
          .then(() => undefined),
        callback,
      )
    }

    override touch(sid: string, session: SessionData, callback?: Callback): void {
      answer(
        sessions()
          .update({ id: sid }, { expiresAt: expiry(session) })
          .then(() => undefined),
        callback,
      )
    }
  }
  return new DatabaseSessionStore()
}
