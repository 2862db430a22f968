import { createHmac, timingSafeEqual } from 'node:crypto'

/** What an unsubscribe link names: one client, one campaign. */
export interface UnsubscribeTarget {
  campaignId: number
  clientId: number
}

const sign = (secret: string, { campaignId, clientId }: UnsubscribeTarget) =>
  createHmac('sha256', secret).update(`unsubscribe:${campaignId}:${clientId}`).digest('base64url')

/**
 * The token of an unsubscribe link: `<campaign>.<client>.<HMAC-SHA256 of both>`, signed with the
 * plugin's campaign secret. Nothing is stored: the signature is the proof, and changing either
 * number (another client's link) breaks it.
 */
export const unsubscribeToken = (secret: string, target: UnsubscribeTarget) =>
  `${target.campaignId}.${target.clientId}.${sign(secret, target)}`

const TOKEN = /^([1-9]\d{0,9})\.([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/

/** The campaign and client of a token whose signature holds; null for anything else. */
export function readUnsubscribeToken(secret: string, token: unknown): UnsubscribeTarget | null {
  if (typeof token !== 'string' || token.length > 100) return null
  const match = TOKEN.exec(token)
  if (!match) return null
  const target = { campaignId: Number(match[1]), clientId: Number(match[2]) }
  const expected = Buffer.from(sign(secret, target))
  const given = Buffer.from(match[3])
  return expected.length === given.length && timingSafeEqual(expected, given) ? target : null
}
