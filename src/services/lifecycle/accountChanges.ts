// Changes to a client's account: its confirmation forced, its second factor removed, its
// password, its balance, a note on it.
import { Client } from '../../entities/Client.js'
import { ClientNote } from '../../entities/ClientNote.js'
import type { AddNoteInput } from '../../shared/actionInputs/addNote.js'
import type { AdjustBalanceInput } from '../../shared/actionInputs/adjustBalance.js'
import type { ChangePasswordInput } from '../../shared/actionInputs/changePassword.js'
import { revokeClientTokens } from '../accounts/clientTokens.js'
import { passwordProblem } from '../accounts/passwordStrength.js'
import { throwIfInvalid, type Actor, type FieldErrors } from '../core/requestValues.js'
import { change, eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import { MAX_BALANCE_CENTS, fromCents, toCents } from '../core/money.js'
import { MASK } from '../core/secrets.js'
import { BUMP_SESSION_GENERATION, endClientSessions } from '../core/clientSessions.js'
import {
  frozenRefusal,
  lifecycleResult,
  lockClient,
  runTransition,
  updateClients,
  type LifecycleResult,
} from './statusTransitions.js'
import type { LifecycleDeps } from './lifecycleDeps.js'

export async function changePassword(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  { password, passwordConfirmation: confirmation }: ChangePasswordInput,
): Promise<LifecycleResult> {
  const current = await deps.dataSource.getRepository(Client).findOneBy({ id })
  if (!current) throw new ClientActionRefused('notFound')
  const frozen = frozenRefusal(current) ?? (current.status === 'deleted' ? 'isDeleted' : null)
  if (frozen) throw new ClientActionRefused(frozen, current.clientNumber)
  const fields: FieldErrors = {}
  const hasher = await deps.security.hasher()
  const problem = await passwordProblem(
    password,
    [current.email, current.firstName, current.lastName, current.clientNumber],
    hasher.options.driver,
  )
  if (problem) fields.password = problem
  if (!problem && password !== confirmation) fields.passwordConfirmation = 'passwordsDiffer'
  throwIfInvalid(fields)
  // Hashing is slow on purpose: do it before the transaction, not while holding the row.
  const passwordHash = await hasher.hash(password)
  const outcome = await inTransaction(deps.dataSource, async (manager) => {
    const client = await lockClient(deps.dataSource, manager, id)
    if (client.status === 'deleted') throw new ClientActionRefused('isDeleted', client.clientNumber)
    // Whoever is logged in with the old password is out (the generation bumped with it).
    await updateClients(manager, [client], { passwordHash, ...BUMP_SESSION_GENERATION })
    await endClientSessions(manager, [client.id], { bumped: true })
    // Reset links sent before the change must not undo it.
    await revokeClientTokens(manager, [client.id], 'password_reset')
    await insertEvents(manager, [
      eventRow(actor, client.id, 'password_changed', null, [change('passwordHash', MASK, MASK)]),
    ])
    return { changed: [client], skipped: [] }
  })
  return lifecycleResult(outcome)
}

export async function adjustBalance(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  { amount, reason }: AdjustBalanceInput,
): Promise<LifecycleResult & { balance: string }> {
  let balance = ''
  const outcome = await inTransaction(deps.dataSource, async (manager) => {
    const client = await lockClient(deps.dataSource, manager, id)
    if (client.status === 'deleted') throw new ClientActionRefused('isDeleted', client.clientNumber)
    const next = toCents(client.balance) + amount
    if (next > MAX_BALANCE_CENTS || next < -MAX_BALANCE_CENTS) {
      throw new InvalidInputError({ amount: 'balanceOutOfRange' })
    }
    balance = fromCents(next)
    await updateClients(manager, [client], { balance })
    await insertEvents(manager, [
      eventRow(actor, client.id, 'balance_changed', reason, [change('balance', client.balance, balance)], {
        amount: fromCents(amount),
      }),
    ])
    return { changed: [client], skipped: [] }
  })
  return { ...lifecycleResult(outcome), balance }
}

export async function addNote(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  { body }: AddNoteInput,
): Promise<LifecycleResult> {
  const outcome = await inTransaction(deps.dataSource, async (manager) => {
    const client = await lockClient(deps.dataSource, manager, id)
    const note = await manager.getRepository(ClientNote).save({
      clientId: client.id,
      author: actor.email ?? 'system',
      body,
    })
    await insertEvents(manager, [eventRow(actor, client.id, 'note_added', null, null, { noteId: note.id })])
    return { changed: [client], skipped: [] }
  })
  return lifecycleResult(outcome)
}

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
