// argon2 and bcrypt are native addons: loaded at the first hash or check, not with the module
// (the lifecycle and the options import this file without ever hashing; test/lazyHashers.test.ts).
const loadArgon2 = () => import('argon2').then((m) => m.default)
const loadBcrypt = () => import('bcrypt').then((m) => m.default)

export const HASHING_DRIVERS = ['bcrypt', 'argon2id', 'argon2i'] as const
export type HashingDriver = (typeof HASHING_DRIVERS)[number]

export interface HashingOptions {
  driver: HashingDriver
  /** bcrypt cost (log2 rounds, 4–31). Default 12. */
  bcryptCost?: number
  /** argon2 memory in KiB. Default 65536 (64 MiB), PHP's default. */
  argon2MemoryCost?: number
  /** argon2 iterations. Default 4, PHP's default. */
  argon2TimeCost?: number
  /** argon2 parallelism. Default 1, PHP's default. */
  argon2Parallelism?: number
}

export type HashFormat = 'bcrypt' | 'argon2id' | 'argon2i' | 'argon2d' | 'unknown'

const BCRYPT_PATTERN = /^\$2[abxy]\$(\d{2})\$[./A-Za-z0-9]{53}$/
// PHC string; PHP writes `m=,t=,p=`, node's argon2 `m=,p=,t=`: any order is accepted.
// A salt of 8 bytes or more and a digest of 16 or more (PHP and node write 16 and 32): a shorter
// one is a hash cut by a too-small column, not a real one.
const ARGON2_PATTERN =
  /^\$(argon2(?:id|i|d))\$v=\d+\$([a-z]=\d+(?:,[a-z]=\d+){2})\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$/

function argon2Params(hash: string): { m: number; t: number; p: number } | null {
  const match = ARGON2_PATTERN.exec(hash)
  if (!match) return null
  const params = Object.fromEntries(match[2].split(',').map((kv) => kv.split('=')))
  const [m, t, p] = [params.m, params.t, params.p].map(Number)
  return Number.isFinite(m) && Number.isFinite(t) && Number.isFinite(p) ? { m, t, p } : null
}

export function hashFormat(hash: string | null | undefined): HashFormat {
  if (!hash) return 'unknown'
  if (BCRYPT_PATTERN.test(hash)) return 'bcrypt'
  const argon = ARGON2_PATTERN.exec(hash)
  if (argon && argon2Params(hash)) return argon[1] as HashFormat
  return 'unknown'
}

export class PasswordHasher {
  readonly options: Required<HashingOptions>

  constructor(options: HashingOptions) {
    this.options = {
      bcryptCost: 12,
      argon2MemoryCost: 65536,
      argon2TimeCost: 4,
      argon2Parallelism: 1,
      ...options,
    }
  }

  /** Hashes with the configured driver and cost. */
  async hash(password: string): Promise<string> {
    const o = this.options
    if (o.driver === 'bcrypt') return (await loadBcrypt()).hash(password, o.bcryptCost)
    const argon2 = await loadArgon2()
    return argon2.hash(password, {
      type: o.driver === 'argon2i' ? argon2.argon2i : argon2.argon2id,
      memoryCost: o.argon2MemoryCost,
      timeCost: o.argon2TimeCost,
      parallelism: o.argon2Parallelism,
    })
  }

  /**
   * Verifies a password against a hash of any supported format, whatever the configured driver.
   * An unknown or malformed hash is a refusal (false), never an exception.
   */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    return (await this.check(hash, password)) === 'match'
  }

  /**
   * Like `verify`, but tells a wrong password (`mismatch`) from a hash we cannot check at all
   * (`unusable`: empty, truncated, another algorithm), which needs an operator, not a retry.
   */
  async check(hash: string | null | undefined, password: string): Promise<'match' | 'mismatch' | 'unusable'> {
    const format = hashFormat(hash)
    try {
      if (format === 'bcrypt') {
        // PHP writes $2y$, node's bcrypt reads $2a$/$2b$: the algorithms are the same.
        const bcrypt = await loadBcrypt()
        const ok = await bcrypt.compare(password, (hash as string).replace(/^\$2[xy]\$/, '$2b$'))
        return ok ? 'match' : 'mismatch'
      }
      if (format === 'argon2id' || format === 'argon2i' || format === 'argon2d') {
        return (await (await loadArgon2()).verify(hash as string, password)) ? 'match' : 'mismatch'
      }
    } catch {
      return 'unusable'
    }
    return 'unusable'
  }

  /** True when a hash is not of the configured driver and cost: rehash it at the next successful login. */
  needsRehash(hash: string | null | undefined): boolean {
    const format = hashFormat(hash)
    const o = this.options
    if (format !== o.driver) return true
    if (format === 'bcrypt') return Number((hash as string).slice(4, 6)) !== o.bcryptCost
    const params = argon2Params(hash as string)
    if (!params) return true
    return (
      params.m !== o.argon2MemoryCost || params.t !== o.argon2TimeCost || params.p !== o.argon2Parallelism
    )
  }
}
