import { randomInt } from 'node:crypto'

// Crockford's base 32 without I, L, O, U: nothing an admin can misread over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A client number such as `C7K2M9QX4`: random rather than sequential, so two app servers never
 * hand out the same one and nobody learns the client count from it. 32^8 values; the unique
 * index catches the rare collision.
 */
export function generateClientNumber(): string {
  return `C${randomCode(8)}`
}

/** Random characters of that alphabet (client numbers, 2FA recovery codes). */
export function randomCode(length: number): string {
  let out = ''
  for (let i = 0; i < length; i += 1) out += ALPHABET[randomInt(ALPHABET.length)]
  return out
}

export function normalizeEmail(email: string | null | undefined): string | null {
  if (email === null || email === undefined) return null
  const trimmed = String(email).trim().toLowerCase()
  return trimmed === '' ? null : trimmed
}

// Deliberately loose (one @, a dot in the domain, no spaces): the confirmation email is the real check.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function isValidEmail(email: string): boolean {
  return email.length <= 255 && EMAIL_PATTERN.test(email)
}
