import type { ReactivateInput } from '../../shared/actionInputs/reactivate.js'
import type { StatusChangeInput } from '../../shared/actionInputs/statusChange.js'
import { revokeClientTokens } from '../accounts/clientTokens.js'
import type { Actor } from '../core/requestValues.js'
import { change } from '../core/clientEvents.js'
import { notifyClients } from './clientEmails.js'
import { reactivateSuspendedContracts, setContractStatus } from './contractEffects.js'
import type { LifecycleDeps } from './lifecycleDeps.js'
import { NO_EMAILS, lifecycleResult, type LifecycleResult } from './lifecycleResult.js'
import { runTransition, statusChanges } from './runTransition.js'

/** Contract ids per client, as each client's event keeps them. */
const contractIdsOf = (byClient: Map<number, number[]>, id: number) => byClient.get(id) ?? []

export async function forceConfirm(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
): Promise<LifecycleResult> {
  const now = new Date()
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'account_confirmed',
    refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status !== 'pending' ? 'notPending' : null),
    set: { status: 'active', emailConfirmedAt: now },
    changes: (c) => [change('status', c.status, 'active'), change('emailConfirmedAt', null, now)],
    sideEffects: async (manager, clients) => {
      await revokeClientTokens(
        manager,
        clients.map((c) => c.id),
        'email_confirmation',
        now,
      )
      return new Map()
    },
  })
  return lifecycleResult(outcome)
}

export async function suspend(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
  { reason, contracts, contractIds: chosen, notify }: StatusChangeInput,
): Promise<LifecycleResult> {
  // The form's ticked contracts; without a list, the bulk checkbox's "all active ones".
  const withContracts = chosen ? chosen.length > 0 : contracts
  let emails = NO_EMAILS
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'suspended',
    reason,
    refuse: (c) =>
      c.status === 'deleted'
        ? 'isDeleted'
        : c.status === 'banned'
          ? 'isBanned'
          : c.status !== 'active'
            ? 'notActive'
            : null,
    set: { status: 'suspended', statusReason: reason },
    endsSessions: true,
    changes: (c) => statusChanges(c, 'suspended', reason),
    sideEffects: async (manager, clients) => {
      // The contract ids go into the event: reactivation gives back exactly these.
      const suspended = withContracts
        ? await setContractStatus(deps.dataSource, manager, clients, ['active'], 'suspended', chosen)
        : new Map<number, number[]>()
      // The emails are queued with the change: both commit, or neither.
      if (notify) {
        emails = await notifyClients(deps, manager, actor, clients, (c, lang, templates) =>
          templates.suspended(lang, c, reason),
        )
      }
      return new Map(
        clients.map((c) => [c.id, { contractIds: contractIdsOf(suspended, c.id), notified: notify }]),
      )
    },
  })
  if (emails.queued > 0) deps.mailer.wake()
  return lifecycleResult(outcome, emails)
}

export async function reactivate(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
  { contracts: withContracts, reason, notify }: ReactivateInput,
): Promise<LifecycleResult> {
  let emails = NO_EMAILS
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'reactivated',
    reason,
    refuse: (c) =>
      c.status === 'deleted'
        ? 'isDeleted'
        : c.status !== 'suspended' && c.status !== 'banned'
          ? 'notSuspendedOrBanned'
          : null,
    set: { status: 'active', statusReason: null },
    changes: (c) => statusChanges(c, 'active', null),
    sideEffects: async (manager, clients) => {
      const reactivated = withContracts
        ? await reactivateSuspendedContracts(deps.dataSource, manager, clients)
        : new Map<number, number[]>()
      if (notify) {
        emails = await notifyClients(deps, manager, actor, clients, (c, lang, templates) =>
          templates.reactivated(lang, c),
        )
      }
      return new Map(clients.map((c) => [c.id, { contractIds: contractIdsOf(reactivated, c.id) }]))
    },
  })
  if (emails.queued > 0) deps.mailer.wake()
  return lifecycleResult(outcome, emails)
}

export async function ban(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
  { reason, contracts, contractIds: chosen, notify }: StatusChangeInput,
): Promise<LifecycleResult> {
  const withContracts = chosen ? chosen.length > 0 : contracts
  let emails = NO_EMAILS
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'banned',
    reason,
    refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status === 'banned' ? 'alreadyBanned' : null),
    set: { status: 'banned', statusReason: reason },
    endsSessions: true,
    changes: (c) => statusChanges(c, 'banned', reason),
    sideEffects: async (manager, clients) => {
      const terminated = withContracts
        ? await setContractStatus(
            deps.dataSource,
            manager,
            clients,
            ['active', 'suspended'],
            'terminated',
            chosen,
          )
        : new Map<number, number[]>()
      if (notify) {
        emails = await notifyClients(deps, manager, actor, clients, (c, lang, templates) =>
          templates.banned(lang, c, reason),
        )
      }
      return new Map(clients.map((c) => [c.id, { contractIds: contractIdsOf(terminated, c.id) }]))
    },
  })
  if (emails.queued > 0) deps.mailer.wake()
  return lifecycleResult(outcome, emails)
}

export async function removeTwoFactor(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
): Promise<LifecycleResult> {
  const outcome = await runTransition(deps.dataSource, actor, ids, {
    type: 'two_factor_disabled',
    withSecrets: true,
    refuse: (c) =>
      c.status === 'deleted'
        ? 'isDeleted'
        : !c.twoFactorSecret && !c.twoFactorEnabledAt
          ? 'noTwoFactor'
          : null,
    set: { twoFactorSecret: null, twoFactorEnabledAt: null },
    endsSessions: true,
    changes: (c) => [
      change('twoFactorSecret', c.twoFactorSecret, null),
      change('twoFactorEnabledAt', c.twoFactorEnabledAt, null),
    ],
  })
  return lifecycleResult(outcome)
}
