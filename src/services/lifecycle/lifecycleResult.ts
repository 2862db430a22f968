import type { Client } from '../../entities/Client.js'
import type { RefusalReason } from '../core/errors.js'

export interface Skipped {
  id: number
  clientNumber: string | null
  reason: RefusalReason
}

/** The emails a change queued in its transaction (the outbox sends them), and those refused at once. */
export interface EmailOutcome {
  queued: number
  failed: number
  /** Why the first refused one was refused, for the notice. */
  error: string | null
}

export interface LifecycleResult {
  /** Ids of the clients changed (one ClientEvent each). */
  changed: number[]
  /** Clients the action does not apply to, and why; they were left as they were. */
  skipped: Skipped[]
  emails: EmailOutcome
}

/** What a change did inside its transaction: the clients changed, those left as they were. */
export interface ChangeOutcome {
  changed: Client[]
  skipped: Skipped[]
}

export const NO_EMAILS: EmailOutcome = { queued: 0, failed: 0, error: null }

/** The answer to the caller: ids rather than the rows read inside the transaction. */
export function lifecycleResult(outcome: ChangeOutcome, emails: EmailOutcome = NO_EMAILS): LifecycleResult {
  return { changed: outcome.changed.map((c) => c.id), skipped: outcome.skipped, emails }
}
