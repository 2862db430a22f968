import { TypeormStore } from 'connect-typeorm'
import type { Repository } from 'typeorm'
import type { ISession } from 'connect-typeorm'

/**
 * connect-typeorm's store, with a `destroy` that answers once the session row is gone.
 * connect-typeorm 2.0 calls back before its delete has run (its `map` drops the promise), so a
 * logout's redirect could reach the browser, or another instance, while the session still worked.
 */
export class SessionStore extends TypeormStore {
  private sessions: Repository<ISession> | null = null

  override connect(repository: Repository<ISession>): this {
    this.sessions = repository
    return super.connect(repository)
  }

  override destroy = (sid: string | string[], callback?: (error?: unknown) => void): void => {
    const ids = Array.isArray(sid) ? sid : [sid]
    const sessions = this.sessions
    if (!sessions) {
      callback?.(new Error('session store used before connect()'))
      return
    }
    Promise.all(ids.map((id) => sessions.softDelete({ id }))).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    )
  }
}

/** The demo's sessions: in the database, eight hours, a few expired ones cleaned at each write. */
export function databaseSessionStore(repository: Repository<ISession>): SessionStore {
  // limitSubquery off: MariaDB/MySQL refuse LIMIT inside an IN subquery.
  return new SessionStore({ cleanupLimit: 2, limitSubquery: false, ttl: 8 * 3600 }).connect(repository)
}
