import { randomUUID } from 'node:crypto'

/** The domain of a sender such as `Acme <no-reply@acme.example>`; `localhost` when there is none. */
function senderDomain(from: string): string {
  const angle = /<([^>]+)>\s*$/.exec(from)
  const address = (angle ? angle[1] : from).trim()
  const at = address.lastIndexOf('@')
  const domain = at === -1 ? '' : address.slice(at + 1).toLowerCase()
  return /^[a-z0-9.-]+$/.test(domain) ? domain : 'localhost'
}

/** A Message-ID of our own, fixed when the email is queued: `<uuid@sender's domain>`. */
export const newMessageId = (from: string) => `<${randomUUID()}@${senderDomain(from)}>`
