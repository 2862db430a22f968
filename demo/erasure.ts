import type { ErasureEntry } from '../src/index.js'
import { Ticket } from './entities/Ticket.js'

/**
 * The demo's own tables in the plugin's erasure map (the `erasure` option), read by the panel's
 * anonymisation and by the retention CLI alike. A ticket's subject can name a client; invoices
 * hold a number, dates and amounts (accounting keeps them); admin users are staff; sessions end
 * with the account.
 */
export const demoErasure: ErasureEntry[] = [
  { entity: Ticket, clientColumn: 'clientId', columns: { subject: { linked: 'redact', byValue: true } } },
]
