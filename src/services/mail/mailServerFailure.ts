/**
 * Codes of a failure of the mail server itself, not of one message: it cannot be reached, does not
 * answer in time, greets with an error, drops the connection, or refuses our credentials. Those of
 * nodemailer's SMTP transport (`err.code`), and Node's own network codes for other transports.
 */
const SERVER_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'EPROTOCOL',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
])

/**
 * True when a send failed because of the server, whoever the recipient: the outbox then pauses as a
 * whole instead of spending this email's attempts. A refusal of this message's sender, recipient
 * or content (nodemailer's `EENVELOPE`, `EMESSAGE`: a 4xx/5xx answer to MAIL FROM, RCPT TO or
 * DATA) is the email's own, and so is any error this does not know (another transport's).
 * A 421 answers "service not available, closing the channel" at whatever step it comes.
 */
export function isServerFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown }
  if (responseCode === 421) return true
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return false
  return typeof code === 'string' && SERVER_CODES.has(code)
}
