/**
 * Property names that hold secrets. They never leave the server: no API body, no log line, no
 * history diff. Matched against the last segment of a flattened AdminJS path, so
 * `client.passwordHash` and `populated.client.params.passwordHash` are caught too.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'password',
  'passwordConfirmation',
  'passwordHash',
  'twoFactorSecret',
  'twoFactorRecoveryCodes',
  'tokenHash',
  'token',
  'stripeSecretKey',
  // A queued email's real text (a confirmation or reset link with its token in it).
  'pendingContent',
])

export const MASK = '••••••'

export function isSecretKey(path: string): boolean {
  // Called for every value of every record sent: no array built per call.
  const dot = path.lastIndexOf('.')
  return SECRET_KEYS.has(dot === -1 ? path : path.slice(dot + 1))
}

/** A copy of `params` without secret keys (flattened or nested). */
export function withoutSecrets<T extends Record<string, unknown>>(params: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    if (isSecretKey(key)) continue
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
        ? withoutSecrets(value as Record<string, unknown>)
        : value
  }
  return out as T
}
