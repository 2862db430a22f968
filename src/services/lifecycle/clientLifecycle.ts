import type { DataSource } from 'typeorm'
import type { ClientSettings } from '../accounts/clientSettings.js'
import type { Actor } from '../core/actor.js'
import type { ClientMailer } from '../mail/clientMailer.js'
import { addNote, adjustBalance, changePassword } from './accountChanges.js'
import { resendConfirmation, sendEmail, sendPasswordReset, type SendEmailInput } from './clientEmails.js'
import type { LifecycleDeps, LifecycleSettings } from './lifecycleDeps.js'
import type { LifecycleResult } from './lifecycleResult.js'
import { createClient, updateProfile } from './profileChanges.js'
import { restore, softDelete } from './softDeletion.js'
import { ban, forceConfirm, reactivate, removeTwoFactor, suspend } from './statusTransitions.js'

export type { LifecycleSettings } from './lifecycleDeps.js'
export type { EmailOutcome, LifecycleResult, Skipped } from './lifecycleResult.js'

/**
 * What an admin does to client accounts. Each method is one state change: one transaction that
 * locks the clients, changes those the action applies to, and writes one ClientEvent per client
 * changed (actor, IP, reason, field changes with secrets masked). Bulk and single actions share
 * the code: a fixed number of queries whatever the number of clients. Emails are queued in the
 * same transaction and sent by the outbox after the commit; a failed one never undoes the
 * change. The steps live in this folder, one file per kind of change; this class only hands
 * them their dependencies.
 */
export class ClientLifecycle {
  private readonly deps: LifecycleDeps

  constructor(
    dataSource: DataSource,
    mailer: ClientMailer,
    /** Hashing driver and token lifetimes, as set in the panel. */
    security: ClientSettings,
    settings: LifecycleSettings,
  ) {
    this.deps = { dataSource, mailer, security, settings }
  }

  // ---- status changes (statusTransitions.ts, softDeletion.ts) ----------------------------

  forceConfirm(actor: Actor, ids: number[]): Promise<LifecycleResult> {
    return forceConfirm(this.deps, actor, ids)
  }

  suspend(
    actor: Actor,
    ids: number[],
    input: { reason?: unknown; contracts?: unknown; contractIds?: unknown; notify?: unknown },
  ): Promise<LifecycleResult> {
    return suspend(this.deps, actor, ids, input)
  }

  reactivate(
    actor: Actor,
    ids: number[],
    input: { contracts?: unknown; reason?: unknown; notify?: unknown },
  ): Promise<LifecycleResult> {
    return reactivate(this.deps, actor, ids, input)
  }

  ban(
    actor: Actor,
    ids: number[],
    input: { reason?: unknown; contracts?: unknown; contractIds?: unknown; notify?: unknown },
  ): Promise<LifecycleResult> {
    return ban(this.deps, actor, ids, input)
  }

  removeTwoFactor(actor: Actor, ids: number[]): Promise<LifecycleResult> {
    return removeTwoFactor(this.deps, actor, ids)
  }

  /** Soft delete: the client is kept (status `deleted`, `deletedAt`) and can be restored. */
  softDelete(actor: Actor, ids: number[], input: { reason?: unknown } = {}): Promise<LifecycleResult> {
    return softDelete(this.deps, actor, ids, input)
  }

  /** A soft-deleted client back to the status (and reason) it had before. */
  restore(actor: Actor, id: number): Promise<LifecycleResult> {
    return restore(this.deps, actor, id)
  }

  // ---- account (accountChanges.ts) -------------------------------------------------------

  changePassword(
    actor: Actor,
    id: number,
    input: { password?: unknown; passwordConfirmation?: unknown },
  ): Promise<LifecycleResult> {
    return changePassword(this.deps, actor, id, input)
  }

  adjustBalance(
    actor: Actor,
    id: number,
    input: { amount?: unknown; reason?: unknown },
  ): Promise<LifecycleResult & { balance: string }> {
    return adjustBalance(this.deps, actor, id, input)
  }

  addNote(actor: Actor, id: number, input: { body?: unknown }): Promise<LifecycleResult> {
    return addNote(this.deps, actor, id, input)
  }

  // ---- profile (profileChanges.ts) -------------------------------------------------------

  /** Saves an admin's edit of profile fields; `profile_updated` with what changed, if anything. */
  updateProfile(
    actor: Actor,
    id: number,
    values: Record<string, unknown>,
    editable: readonly string[],
  ): Promise<LifecycleResult> {
    return updateProfile(this.deps, actor, id, values, editable)
  }

  /** Creates a client from the panel's form and records `created`; returns its id. */
  createClient(actor: Actor, values: Record<string, unknown>, editable: readonly string[]): Promise<number> {
    return createClient(this.deps, actor, values, editable)
  }

  // ---- emails (clientEmails.ts) ----------------------------------------------------------

  /** A new confirmation link for a client who has not confirmed yet (older links stop working). */
  resendConfirmation(actor: Actor, id: number, data?: Record<string, unknown>): Promise<LifecycleResult> {
    return resendConfirmation(this.deps, actor, id, data)
  }

  /** `data`: more for the event (`asClient` when an admin logged in as the client asked). */
  sendPasswordReset(actor: Actor, id: number, data?: Record<string, unknown>): Promise<LifecycleResult> {
    return sendPasswordReset(this.deps, actor, id, data)
  }

  /** An email written by the admin to one or many clients: EmailLog and `email_sent` for each. */
  sendEmail(actor: Actor, ids: number[], input: SendEmailInput): Promise<LifecycleResult> {
    return sendEmail(this.deps, actor, ids, input)
  }
}
