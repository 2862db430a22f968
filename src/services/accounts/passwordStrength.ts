import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as zxcvbnCommon from '@zxcvbn-ts/language-common'
import { MAX_PASSWORD_LENGTH } from '../../shared/limits.js'
import type { HashingDriver } from './passwordHasher.js'

// zxcvbn-ts (a maintained port of Dropbox's zxcvbn) knows common passwords, keyboard walks,
// dates and l33t: far better than "one digit, one capital" rules we would write.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
})

const MIN_PASSWORD_LENGTH = 10
/** 0 (guessable in seconds) … 4 (very hard); 3 resists an offline attack on a slow hash. */
const MIN_PASSWORD_SCORE = 3

export type PasswordProblem = 'fieldRequired' | 'passwordTooShort' | 'passwordTooLong' | 'passwordTooWeak'

/**
 * Why a password is not acceptable, or null. `hints` are what the account is known by (names,
 * email): a password built from them is weak whatever its length. bcrypt ignores bytes after the
 * 72nd, so with bcrypt a longer password would be silently cut: refuse it instead.
 */
export async function passwordProblem(
  password: string,
  hints: (string | null | undefined)[],
  driver: HashingDriver,
): Promise<PasswordProblem | null> {
  if (!password) return 'fieldRequired'
  // Before anything else: the strength check of a long password costs seconds of CPU.
  if (password.length > MAX_PASSWORD_LENGTH) return 'passwordTooLong'
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'passwordTooShort'
  const maxBytes = driver === 'bcrypt' ? 72 : 1024
  if (Buffer.byteLength(password, 'utf8') > maxBytes) return 'passwordTooLong'
  const words = hints.flatMap((hint) =>
    hint
      ? String(hint)
          .toLowerCase()
          .split(/[\s@._-]+/)
      : [],
  )
  const { score } = await zxcvbn.checkAsync(
    password,
    words.filter((w) => w.length >= 3),
  )
  return score < MIN_PASSWORD_SCORE ? 'passwordTooWeak' : null
}
