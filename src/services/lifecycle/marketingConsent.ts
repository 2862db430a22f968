import type { DataSource, EntityManager } from 'typeorm'
import type { ConsentSource, MarketingConsent } from '../../entities/columns.js'
import type { MarketingConsentInput } from '../../shared/actionInputs/marketingConsent.js'
import type { Actor } from '../core/requestValues.js'
import { change, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import type { LifecycleDeps } from './lifecycleDeps.js'
import {
  findClients,
  lifecycleResult,
  partitionByRefusal,
  updateClients,
  type ChangeOutcome,
  type LifecycleResult,
} from './statusTransitions.js'

/**
 * Sets the marketing consent of these clients (given `in` or withdrawn `out`) with its date and
 * source, in the caller's transaction: one `marketing_consent_changed` event per client whose
 * consent changed (none for a client that already had it, whatever the source). Campaigns skip
 * `out`; the lifecycle and account emails ignore it. Anonymised clients are skipped.
 */
export async function setConsentIn(
  dataSource: DataSource,
  manager: EntityManager,
  actor: Actor,
  ids: number[],
  consent: MarketingConsent,
  source: ConsentSource,
  data: Record<string, unknown> = {},
): Promise<ChangeOutcome> {
  const clients = await findClients(dataSource, manager, ids, true)
  const { eligible, skipped } = partitionByRefusal(ids, clients, () => null)
  const changing = eligible.filter((c) => c.marketingConsent !== consent)
  if (changing.length === 0) return { changed: [], skipped }
  const at = new Date()
  await updateClients(manager, changing, {
    marketingConsent: consent,
    marketingConsentAt: at,
    marketingConsentSource: source,
  })
  await insertEvents(
    manager,
    changing.map((c) =>
      eventRow(
        actor,
        c.id,
        'marketing_consent_changed',
        null,
        [change('marketingConsent', c.marketingConsent, consent)],
        { source, ...data },
      ),
    ),
  )
  return { changed: changing, skipped }
}

/** The panel's "Marketing consent" action on one client (source `panel`). */
export async function setMarketingConsent(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  { consent }: MarketingConsentInput,
): Promise<LifecycleResult> {
  const outcome = await inTransaction(deps.dataSource, (manager) =>
    setConsentIn(deps.dataSource, manager, actor, [id], consent, 'panel'),
  )
  return lifecycleResult(outcome)
}

/**
 * A consent given or withdrawn elsewhere than the panel (the client area: source `client_area`),
 * in its own transaction; the same rules and event as the panel's.
 */
export async function recordMarketingConsent(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  consent: MarketingConsent,
  source: ConsentSource,
  data: Record<string, unknown> = {},
): Promise<LifecycleResult> {
  const outcome = await inTransaction(deps.dataSource, (manager) =>
    setConsentIn(deps.dataSource, manager, actor, [id], consent, source, data),
  )
  return lifecycleResult(outcome)
}
