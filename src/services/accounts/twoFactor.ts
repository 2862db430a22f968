import { timingSafeEqual } from 'node:crypto'
import { generateSecret, generateURI, verify } from 'otplib'
import { randomCode } from '../../shared/clientIdentity.js'
import { hashToken } from './clientTokens.js'

const RECOVERY_CODE_COUNT = 10

/** A new TOTP secret (20 random bytes, Base32) and the otpauth:// link authenticator apps read. */
export function newTotpSecret(issuer: string, label: string): { secret: string; otpauthUrl: string } {
  const secret = generateSecret()
  return { secret, otpauthUrl: totpUrl(issuer, label, secret) }
}

export const totpUrl = (issuer: string, label: string, secret: string): string =>
  generateURI({ issuer, label, secret })

/**
 * Checks a 6-digit code against the secret, one time step (30 s) either side for clock drift.
 * Returns the time step used, or null; a step at or before `lastStep` is refused (no replay).
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastStep: number | null | undefined,
): Promise<number | null> {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  try {
    const result = await verify({
      secret,
      token,
      epochTolerance: 30,
      ...(typeof lastStep === 'number' ? { afterTimeStep: lastStep } : {}),
    })
    // The functional API types HOTP and TOTP results alike; a TOTP result carries its time step.
    return result.valid && 'timeStep' in result ? (result.timeStep as number) : null
  } catch {
    // A secret otplib cannot read is a refusal, not a crash.
    return null
  }
}

/** Ten recovery codes such as `K7P2M-9QX4T` (50 bits each), in clear for the client, and their hashes. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = randomCode(10)
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
  return { codes, hashes: codes.map((c) => hashToken(normalizeRecoveryCode(c))) }
}

const normalizeRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '')

/** Looks like a recovery code rather than a TOTP code. */
export const isRecoveryCodeShape = (code: string): boolean => normalizeRecoveryCode(code).length === 10

/** The index of the stored hash a recovery code matches, or -1; compared in constant time. */
export function matchRecoveryCode(hashes: readonly string[], code: string): number {
  const candidate = Buffer.from(hashToken(normalizeRecoveryCode(code)), 'hex')
  let found = -1
  hashes.forEach((hash, index) => {
    const stored = Buffer.from(hash, 'hex')
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate) && found === -1)
      found = index
  })
  return found
}
