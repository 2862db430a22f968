import { DEFAULT_OUTBOX_OPTIONS } from './outboxOptions.js'

/** The three timeouts of a nodemailer SMTP transport, in milliseconds. */
export interface SmtpTimeouts {
  connectionTimeout: number
  greetingTimeout: number
  socketTimeout: number
}

/** nodemailer's own (smtp-connection): 2 minutes, 30 s, 10 minutes: the last alone is twice our default lease. */
const NODEMAILER_DEFAULTS: SmtpTimeouts = {
  connectionTimeout: 2 * 60_000,
  greetingTimeout: 30_000,
  socketTimeout: 10 * 60_000,
}

/**
 * Timeouts for the SMTP transport of an outbox whose lease is `leaseMs`: one whole attempt ends
 * well before its claim does (30 s, 30 s and 60 s for the default 5-minute lease; a tenth, a tenth
 * and a fifth of a shorter one). Spread them into `nodemailer.createTransport({ ...smtp, ...these })`.
 */
export function outboxSmtpTimeouts(leaseMs: number = DEFAULT_OUTBOX_OPTIONS.leaseMs): SmtpTimeouts {
  return {
    connectionTimeout: Math.min(30_000, Math.floor(leaseMs / 10)),
    greetingTimeout: Math.min(30_000, Math.floor(leaseMs / 10)),
    socketTimeout: Math.min(60_000, Math.floor(leaseMs / 5)),
  }
}

const positive = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback

/** The timeouts a nodemailer SMTP transport (single or pool) will use; null for any other mailer. */
export function readSmtpTimeouts(mailer: unknown): SmtpTimeouts | null {
  const transporter = (mailer as { transporter?: { name?: unknown; options?: unknown } } | null)?.transporter
  if (typeof transporter?.name !== 'string' || !transporter.name.startsWith('SMTP')) return null
  const options = (transporter.options ?? {}) as Record<string, unknown>
  return {
    connectionTimeout: positive(options.connectionTimeout, NODEMAILER_DEFAULTS.connectionTimeout),
    greetingTimeout: positive(options.greetingTimeout, NODEMAILER_DEFAULTS.greetingTimeout),
    socketTimeout: positive(options.socketTimeout, NODEMAILER_DEFAULTS.socketTimeout),
  }
}

/**
 * Why one attempt through `mailer` may outlast its claim (then another worker sends the email
 * again), or null when it cannot, or when the mailer's timeouts cannot be read.
 */
export function timeoutsAboveLease(mailer: unknown, leaseMs: number): string | null {
  const timeouts = readSmtpTimeouts(mailer)
  if (!timeouts) return null
  const total = timeouts.connectionTimeout + timeouts.greetingTimeout + timeouts.socketTimeout
  if (total < leaseMs) return null
  const s = (ms: number) => `${Math.round(ms / 100) / 10} s`
  return (
    `the mailer's timeouts (connection ${s(timeouts.connectionTimeout)}, greeting ${s(timeouts.greetingTimeout)}, ` +
    `socket ${s(timeouts.socketTimeout)}) add up to more than outbox.leaseMs (${s(leaseMs)}): an email still on ` +
    `the wire when its claim runs out may be sent twice. Build the transport with outboxSmtpTimeouts(leaseMs), ` +
    `or raise outbox.leaseMs`
  )
}
