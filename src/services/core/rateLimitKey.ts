import { createHash } from 'node:crypto'

/**
 * The stored key of a rate-limit bucket and its parts: a SHA-256, so no email or IP sits in the
 * table in clear. Here rather than in accounts/ because an anonymisation computes the keys that
 * held the client's email to delete them.
 */
export function rateLimitKey(bucket: string, parts: readonly (string | null | undefined)[]): string {
  return createHash('sha256')
    .update(JSON.stringify([bucket, ...parts.map((p) => p ?? '')]))
    .digest('hex')
}
