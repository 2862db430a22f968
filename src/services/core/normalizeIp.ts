import { isIP } from 'node:net'

/**
 * The address a request came from, as history and login records keep it: an IPv4-mapped IPv6
 * address (`::ffff:127.0.0.1`, what Node gives on a dual-stack socket) written as IPv4, anything
 * that is not an IP address dropped (null). One helper for the panel and every account entry point,
 * so the same caller reads the same everywhere.
 */
export function normalizeIp(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const text = raw.trim()
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text)
  const ip = mapped ? mapped[1] : text
  return isIP(ip) ? ip : null
}
