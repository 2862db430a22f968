import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { MAX_PASSWORD_LENGTH } from '../../shared/limits.js'
import { hashFormat, type HashFormat, type PasswordHasher } from './passwordHasher.js'

// Recent durations kept per kind of refused login; the median of each resists one slow outlier.
const SAMPLES = 15

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * What a refused login did: `unknown` (no such account: the decoy checked), `decoy` (an account
 * checked against the decoy: no password, a too long one), or the format of the hash checked.
 */
export type LoginCostKind = 'unknown' | 'decoy' | Exclude<HashFormat, 'unknown'>

/** The kind of a refused login, from whether the account exists and what it stores. */
export function loginCostKind(
  exists: boolean,
  stored: string | null | undefined,
  password: string,
): LoginCostKind {
  if (!exists) return 'unknown'
  const format = hashFormat(stored)
  return format === 'unknown' || password.length > MAX_PASSWORD_LENGTH ? 'decoy' : format
}

/**
 * Makes every refused login cost the same time, whatever happened behind it: an unknown email,
 * an account without a password, a bcrypt hash cheaper than the configured argon2, a throttled
 * attempt. Each refusal is padded up to the slowest kind's median duration, measured on this
 * process as it runs (so it holds at the real hashing cost as in a test's low one).
 *
 * ```ts
 * const attempt = loginCost.begin()
 * const result = await attempt.check(hasher, user?.passwordHash, password) // a decoy when null
 * if (result !== 'match') await attempt.refuse(loginCostKind(Boolean(user), user?.passwordHash, password))
 * ```
 */
export class LoginCost {
  private readonly samples = new Map<LoginCostKind, number[]>()
  private readonly decoys = new Map<string, Promise<string>>()

  /** A valid hash of a random password for this hasher's configuration: what unknown emails are checked against. */
  decoyHash(hasher: PasswordHasher): Promise<string> {
    const key = JSON.stringify(hasher.options)
    let decoy = this.decoys.get(key)
    if (!decoy) {
      decoy = (async () => {
        const hash = await hasher.hash(randomBytes(16).toString('hex'))
        // One timed check seeds the floor: the first refusals are padded too.
        const start = performance.now()
        await hasher.check(hash, randomBytes(8).toString('hex'))
        this.record('unknown', performance.now() - start)
        return hash
      })()
      this.decoys.set(key, decoy)
    }
    return decoy
  }

  /** The time every refused login takes at least: the slowest kind's median. */
  floor(): number {
    let floor = 0
    for (const values of this.samples.values()) floor = Math.max(floor, median(values))
    return floor
  }

  /** Starts timing one login attempt. */
  begin(): LoginAttempt {
    return new LoginAttempt(this, performance.now())
  }

  /** @internal */
  record(kind: LoginCostKind, ms: number): void {
    const values = this.samples.get(kind) ?? []
    values.push(ms)
    if (values.length > SAMPLES) values.shift()
    this.samples.set(kind, values)
  }
}

/** One timed login attempt of `LoginCost`. */
export class LoginAttempt {
  constructor(
    private readonly cost: LoginCost,
    private readonly start: number,
  ) {}

  /**
   * Checks a password against the stored hash; without a usable one (unknown email, no password,
   * a hash in no format we know, a password over MAX_PASSWORD_LENGTH), against the decoy, and
   * never a match then (a hash in no format we know answers `unusable`).
   */
  async check(
    hasher: PasswordHasher,
    stored: string | null | undefined,
    password: string,
  ): Promise<'match' | 'mismatch' | 'unusable'> {
    const tooLong = password.length > MAX_PASSWORD_LENGTH
    const unknownFormat = Boolean(stored) && hashFormat(stored) === 'unknown'
    if (!stored || tooLong || unknownFormat) {
      await hasher.check(await this.cost.decoyHash(hasher), password.slice(0, MAX_PASSWORD_LENGTH))
      return unknownFormat ? 'unusable' : 'mismatch'
    }
    return hasher.check(stored, password)
  }

  /**
   * A refusal: records what this kind of attempt cost (when it did the whole work) and waits until
   * the floor, so that the answer comes no sooner than any other refusal's.
   */
  async refuse(kind: LoginCostKind | null): Promise<void> {
    const spent = performance.now() - this.start
    if (kind) this.cost.record(kind, spent)
    const wait = this.cost.floor() - spent
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
}
