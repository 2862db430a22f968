import { EventEmitter } from 'node:events'
import type { Request } from 'express'
// Types only: express-session is the host's (the plugin does not depend on it at run time).
import type { Session, SessionData, Store } from 'express-session'
import { isConnectionLost } from '../services/core/databaseFaults.js'
import { DatabaseUnavailableError } from '../services/core/errors.js'

export interface ResilientSessionStoreOptions {
  /** Tries after the first when the connection was lost (each gets a new one from the pool). Default 2. */
  retries?: number
  /** The wait before each new try. Default 50 ms. */
  retryDelayMs?: number
  /** A call the store has not answered by then is answered "unavailable". Default 5000 ms. */
  timeoutMs?: number
  /**
   * A touch (express-session's expiry renewal, sent at the end of every request that did not
   * change its session) is sent only when it moves the session's expiry by this much or more
   * since this process last wrote it: the stored expiry lags the exact one by less than this.
   * Default 60,000 ms; 0 sends every touch.
   */
  touchEveryMs?: number
}

/** The sessions whose expiry this process wrote last, at most (the oldest forgotten first). */
const TOUCHES_KEPT = 10_000

type Done<T> = (error?: unknown, value?: T) => void

/**
 * Any express-session store, made to outlive its database. express-session stops using a store
 * for good once it emits `disconnect` (connect-typeorm does on one failed query): every visitor
 * is then logged out until the process restarts. This store never emits it; a call whose
 * connection was lost is tried again on a new connection, and one that still fails (or does not
 * answer in time) is answered DatabaseUnavailableError, which express-session hands to the
 * error handler (a 503 "try again", not a logout). Any other error is passed on as it is. Each
 * call is answered once (connect-typeorm's `touch` may call back twice). It is a store as
 * express-session reads one (an EventEmitter with its methods), without extending its class.
 * Fewer round trips per request (issue 30): express-session touches an unchanged session at the
 * end of every request and waits for it; a touch is sent only when it moves the stored expiry by
 * `touchEveryMs` or more (a session ends at most that much earlier than it would), and requests
 * of one session in flight together share one read. Every read still asks the store: a logout or
 * a closed account's session destroyed on another instance is refused at the next request.
 *
 * ```ts
 * store: resilientSessionStore(new TypeormStore({ ttl }).connect(dataSource.getRepository(Session)))
 * ```
 */
export class ResilientSessionStore<Inner extends Store = Store> extends EventEmitter {
  private readonly retries: number
  private readonly retryDelayMs: number
  private readonly timeoutMs: number
  private readonly touchEveryMs: number
  /** Per session id, the expiry this process last wrote (set or touch), in ms. */
  private readonly written = new Map<string, number>()
  /** Per session id, the read in flight and those waiting for it (one query for them all). */
  private readonly reading = new Map<string, Done<SessionData | null>[]>()

  constructor(
    /** The wrapped store (for what only it offers). */
    readonly inner: Inner,
    options: ResilientSessionStoreOptions = {},
  ) {
    super()
    this.retries = options.retries ?? 2
    this.retryDelayMs = options.retryDelayMs ?? 50
    this.timeoutMs = options.timeoutMs ?? 5000
    this.touchEveryMs = options.touchEveryMs ?? 60_000
  }

  /** Set by express-session on the store it is given (used by `regenerate`). */
  generate?: (req: Request) => void

  /** A session object from stored data: the wrapped store's own (express-session's base class). */
  createSession(req: Request, data: SessionData): Session & SessionData {
    return this.inner.createSession(req, data)
  }

  regenerate(req: Request, callback: (err?: unknown) => void): void {
    this.destroy(req.sessionID, (error) => {
      this.generate?.(req)
      callback(error)
    })
  }

  load(sid: string, callback: (err: unknown, session?: SessionData) => void): void {
    this.get(sid, (error, data) => {
      if (error) return callback(error)
      if (!data) return callback(null)
      callback(null, this.createSession({ sessionID: sid, sessionStore: this } as unknown as Request, data))
    })
  }

  /**
   * Requests of one session that arrive while its read is in flight share that read (each gets
   * its own copy): under load a panel's parallel requests cost one query, never a stale one, as
   * a write or a destroy of the session by this process starts the next read afresh.
   */
  get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    const waiting = this.reading.get(sid)
    if (waiting) {
      waiting.push((error, data) => callback(error, data ? structuredClone(data) : data))
      return
    }
    const mine: Done<SessionData | null>[] = [callback as Done<SessionData | null>]
    this.reading.set(sid, mine)
    this.call<SessionData | null>(
      (done) => this.inner.get(sid, done),
      (error, data) => {
        if (this.reading.get(sid) === mine) this.reading.delete(sid)
        for (const waiter of mine) waiter(error, data)
      },
    )
  }

  set(sid: string, session: SessionData, callback?: (err?: unknown) => void): void {
    this.changed(sid)
    const expiry = this.expiryOf(session)
    this.call(
      (done) => this.inner.set(sid, session, done),
      (error) => {
        if (!error) this.wrote(sid, expiry)
        callback?.(error)
      },
    )
  }

  destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.changed(sid)
    this.call((done) => this.inner.destroy(sid, done), callback)
  }

  touch(sid: string, session: SessionData, callback?: (err?: unknown) => void): void {
    const touch = this.inner.touch?.bind(this.inner)
    if (!touch) return callback?.()
    const expiry = this.expiryOf(session)
    const last = this.written.get(sid)
    if (last !== undefined && expiry >= last && expiry - last < this.touchEveryMs) return callback?.()
    this.reading.delete(sid)
    // express-session's type says `() => void`; the stores (and express-session) pass an error.
    this.call(
      (done) => touch(sid, session, done as () => void),
      (error) => {
        if (!error) this.wrote(sid, expiry)
        callback?.(error)
      },
    )
  }

  all(callback: (err: unknown, obj?: SessionData[] | { [sid: string]: SessionData } | null) => void): void {
    const all = this.inner.all?.bind(this.inner)
    if (!all) return callback(null, null)
    this.call<SessionData[] | { [sid: string]: SessionData } | null>((done) => all(done), callback)
  }

  length(callback: (err: unknown, length?: number) => void): void {
    const length = this.inner.length?.bind(this.inner)
    if (!length) return callback(null, undefined)
    this.call<number>((done) => length(done), callback)
  }

  clear(callback?: (err?: unknown) => void): void {
    const clear = this.inner.clear?.bind(this.inner)
    if (!clear) return callback?.()
    this.call((done) => clear(done), callback)
  }

  /** The session's expiry as express-session sets it (the cookie's), else now. */
  private expiryOf(session: SessionData): number {
    const expires = session?.cookie?.expires
    const at = expires ? new Date(expires).getTime() : NaN
    return Number.isFinite(at) ? at : Date.now()
  }

  /** A write or destroy on its way: no later read joins one in flight, no touch is skipped. */
  private changed(sid: string): void {
    this.reading.delete(sid)
    this.written.delete(sid)
  }

  private wrote(sid: string, expiry: number): void {
    this.written.delete(sid)
    this.written.set(sid, expiry)
    if (this.written.size > TOUCHES_KEPT) this.written.delete(this.written.keys().next().value as string)
  }

  /** Runs `operation`, again after a lost connection, and answers `callback` once. */
  private call<T>(operation: (done: Done<T>) => void, callback?: (error: unknown, value?: T) => void): void {
    let answered = false
    const answer = (error: unknown, value?: T) => {
      if (answered) return
      answered = true
      clearTimeout(timer)
      callback?.(error ?? null, value)
    }
    const timer = setTimeout(() => answer(new DatabaseUnavailableError()), this.timeoutMs)
    timer.unref()
    const attempt = (left: number) => {
      let settled = false
      const done: Done<T> = (error, value) => {
        if (settled || answered) return
        settled = true
        if (!error) return answer(null, value)
        if (!isConnectionLost(error)) return answer(error)
        if (left > 0) return void setTimeout(() => attempt(left - 1), this.retryDelayMs)
        answer(new DatabaseUnavailableError({ cause: error }))
      }
      try {
        operation(done)
      } catch (error) {
        done(error)
      }
    }
    attempt(this.retries)
  }
}

/** `new ResilientSessionStore(store, options)`. */
export function resilientSessionStore<Inner extends Store>(
  store: Inner,
  options?: ResilientSessionStoreOptions,
): ResilientSessionStore<Inner> & Store {
  return new ResilientSessionStore(store, options) as ResilientSessionStore<Inner> & Store
}
