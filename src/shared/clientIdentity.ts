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
  // 32 letters: a random byte's low five bits pick one uniformly (Web Crypto, in Node and browsers).
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length))
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte & 31]
  return out
}

export function normalizeEmail(email: string | null | undefined): string | null {
  if (email === null || email === undefined) return null
  const trimmed = String(email).trim().toLowerCase()
  return trimmed === '' ? null : trimmed
}

/** RFC 5321's limit on a whole address (a mailbox). */
export const MAX_EMAIL_LENGTH = 254
// Local part: printable ASCII without spaces, quotes, commas, brackets or the like; no dot at
// either end nor two in a row. One address only: no display name (`"A" <a@b.fr>`), no list.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
// Internationalised domains are accepted in their ASCII (punycode, `xn--`) form only: a Unicode
// domain can be converted by whoever types it, and a look-alike cannot hide in plain ASCII.
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/
const TOP_LEVEL = /^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/

/**
 * One e-mail address as a mailbox (`local@domain`), the only check every entry point uses
 * (panel forms, client area, import, mailer). Anything a mail library would read as several
 * recipients or a display name is refused.
 */
export function isValidEmail(email: string): boolean {
  if (typeof email !== 'string' || email.length > MAX_EMAIL_LENGTH) return false
  const at = email.lastIndexOf('@')
  if (at <= 0 || email.indexOf('@') !== at) return false
  const local = email.slice(0, at)
  const labels = email.slice(at + 1).split('.')
  return (
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1])
  )
}
