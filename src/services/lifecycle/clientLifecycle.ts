import type { DataSource, EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js'
import { Advisor } from '../../entities/Advisor.js'
import { Client } from '../../entities/Client.js'
import { ClientEvent, type FieldChange } from '../../entities/ClientEvent.js'
import { ClientNote } from '../../entities/ClientNote.js'
import { Contract } from '../../entities/Contract.js'
import type { EmailLog } from '../../entities/EmailLog.js'
import type { ClientEventType, ClientStatus, ContractStatus } from '../../entities/columns.js'
import type { Actor } from '../core/actor.js'
import type { ClientEmail, ClientMailer } from '../mail/clientMailer.js'
import { change, chunks, eventRow, insertEvents } from '../core/clientEvents.js'
import { issueClientToken, revokeClientTokens } from '../accounts/clientTokens.js'
import { emailLanguage, linkWithToken, renderEmail, type RenderedEmail } from '../mail/emailTemplates.js'
import {
  ClientActionRefused,
  ConcurrentChangeError,
  InvalidInputError,
  type RefusalReason,
} from '../core/errors.js'
import { MAX_BALANCE_CENTS, fromCents, parseAmount, toCents } from '../core/money.js'
import type { Language } from '../core/options.js'
import type { ClientSettings } from '../accounts/clientSettings.js'
import { passwordProblem } from '../accounts/passwordStrength.js'
import {
  MAX_EMAIL_BODY_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_REASON_LENGTH,
  MAX_SUBJECT_LENGTH,
} from '../../shared/limits.js'
import { MASK } from '../core/secrets.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'

export interface LifecycleSettings {
  /** Link templates for emails; `{token}` is replaced by the token. */
  links: { confirmEmail: string; resetPassword: string }
  /** Language of emails to clients whose locale we do not have. */
  language: Language
}

export interface Skipped {
  id: number
  clientNumber: string | null
  reason: RefusalReason
}

export interface EmailOutcome {
  sent: number
  failed: number
  /** The first transport error, for the notice. */
  error: string | null
}

export interface LifecycleResult {
  /** Ids of the clients changed (one ClientEvent each). */
  changed: number[]
  /** Clients the action does not apply to, and why; they were left as they were. */
  skipped: Skipped[]
  emails: EmailOutcome
}

const NO_EMAILS: EmailOutcome = { sent: 0, failed: 0, error: null }

function requiredText(
  fields: Record<string, string>,
  name: string,
  value: unknown,
  max: number,
  optional = false,
): string | null {
  const text = value === undefined || value === null ? '' : String(value).trim()
  if (text === '') {
    if (!optional) fields[name] = 'fieldRequired'
    return null
  }
  if (text.length > max) fields[name] = 'tooLong'
  return text
}

function check(fields: Record<string, string>): void {
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
}

const isTrue = (value: unknown) => value === true || value === 'true' || value === 'on' || value === '1'

const statusChanges = (client: Client, status: ClientStatus, reason: string | null): FieldChange[] => [
  change('status', client.status, status),
  ...(client.statusReason !== reason ? [change('statusReason', client.statusReason, reason)] : []),
]

interface Transition {
  type: ClientEventType
  /** Why the action does not apply to this client, or null. */
  refuse: (client: Client) => RefusalReason | null
  /** Columns set on every client it applies to, in one UPDATE. */
  set: QueryDeepPartialEntity<Client>
  changes: (client: Client) => FieldChange[]
  reason?: string | null
  /** Further work in the same transaction, once for all clients; returns each client's event data. */
  also?: (manager: EntityManager, clients: Client[]) => Promise<Map<number, Record<string, unknown>>>
  withSecrets?: boolean
}

interface TransitionOutcome {
  changed: Client[]
  skipped: Skipped[]
}

/**
 * What an admin does to client accounts. Each method is one state change: one transaction that
 * locks the clients, changes those the action applies to, and writes one ClientEvent per client
 * changed (actor, IP, reason, field changes with secrets masked). Bulk and single actions share
 * the code: a fixed number of queries whatever the number of clients. Emails go out after the
 * commit; a failed email never undoes the change and is logged as failed.
 */
export class ClientLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: ClientMailer,
    /** Hashing driver and token lifetimes, as set in the panel. */
    private readonly security: ClientSettings,
    private readonly settings: LifecycleSettings,
  ) {}

  // ---- status changes -------------------------------------------------------------------

  async forceConfirm(actor: Actor, ids: number[]): Promise<LifecycleResult> {
    const now = new Date()
    const outcome = await this.transition(actor, ids, {
      type: 'account_confirmed',
      refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status !== 'pending' ? 'notPending' : null),
      set: { status: 'active', emailConfirmedAt: now },
      changes: (c) => [change('status', c.status, 'active'), change('emailConfirmedAt', null, now)],
      also: async (manager, clients) => {
        await revokeClientTokens(
          manager,
          clients.map((c) => c.id),
          'email_confirmation',
          now,
        )
        return new Map()
      },
    })
    return this.result(outcome)
  }

  async suspend(
    actor: Actor,
    ids: number[],
    input: { reason?: unknown; contracts?: unknown; notify?: unknown },
  ): Promise<LifecycleResult> {
    const fields: Record<string, string> = {}
    const reason = requiredText(fields, 'reason', input.reason, MAX_REASON_LENGTH) as string
    check(fields)
    const withContracts = isTrue(input.contracts)
    const notify = isTrue(input.notify)
    const outcome = await this.transition(actor, ids, {
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
      changes: (c) => statusChanges(c, 'suspended', reason),
      also: async (manager, clients) => {
        // The contract ids go into the event: reactivation gives back exactly these.
        const suspended = withContracts
          ? await this.setContractStatus(manager, clients, ['active'], 'suspended')
          : new Map<number, number[]>()
        return new Map(
          clients.map((c) => [c.id, { contractIds: suspended.get(c.id) ?? [], notified: notify }]),
        )
      },
    })
    const emails = notify
      ? await this.notify(actor, outcome.changed, (c, lang) => renderEmail.suspended(lang, c, reason))
      : NO_EMAILS
    return this.result(outcome, emails)
  }

  async reactivate(
    actor: Actor,
    ids: number[],
    input: { contracts?: unknown; reason?: unknown },
  ): Promise<LifecycleResult> {
    const fields: Record<string, string> = {}
    const reason = requiredText(fields, 'reason', input.reason, MAX_REASON_LENGTH, true)
    check(fields)
    const withContracts = isTrue(input.contracts)
    const outcome = await this.transition(actor, ids, {
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
      also: async (manager, clients) => {
        const reactivated = withContracts
          ? await this.reactivateSuspendedContracts(manager, clients)
          : new Map<number, number[]>()
        return new Map(clients.map((c) => [c.id, { contractIds: reactivated.get(c.id) ?? [] }]))
      },
    })
    return this.result(outcome)
  }

  async ban(
    actor: Actor,
    ids: number[],
    input: { reason?: unknown; contracts?: unknown },
  ): Promise<LifecycleResult> {
    const fields: Record<string, string> = {}
    const reason = requiredText(fields, 'reason', input.reason, MAX_REASON_LENGTH) as string
    check(fields)
    const withContracts = isTrue(input.contracts)
    const outcome = await this.transition(actor, ids, {
      type: 'banned',
      reason,
      refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status === 'banned' ? 'alreadyBanned' : null),
      set: { status: 'banned', statusReason: reason },
      changes: (c) => statusChanges(c, 'banned', reason),
      also: async (manager, clients) => {
        const terminated = withContracts
          ? await this.setContractStatus(manager, clients, ['active', 'suspended'], 'terminated')
          : new Map<number, number[]>()
        return new Map(clients.map((c) => [c.id, { contractIds: terminated.get(c.id) ?? [] }]))
      },
    })
    return this.result(outcome)
  }

  async removeTwoFactor(actor: Actor, ids: number[]): Promise<LifecycleResult> {
    const outcome = await this.transition(actor, ids, {
      type: 'two_factor_disabled',
      withSecrets: true,
      refuse: (c) =>
        c.status === 'deleted'
          ? 'isDeleted'
          : !c.twoFactorSecret && !c.twoFactorEnabledAt
            ? 'noTwoFactor'
            : null,
      set: { twoFactorSecret: null, twoFactorEnabledAt: null },
      changes: (c) => [
        change('twoFactorSecret', c.twoFactorSecret, null),
        change('twoFactorEnabledAt', c.twoFactorEnabledAt, null),
      ],
    })
    return this.result(outcome)
  }

  /** Soft delete: the client is kept (status `deleted`, `deletedAt`) and can be restored. */
  async softDelete(actor: Actor, ids: number[], input: { reason?: unknown } = {}): Promise<LifecycleResult> {
    const fields: Record<string, string> = {}
    const reason = requiredText(fields, 'reason', input.reason, MAX_REASON_LENGTH, true)
    check(fields)
    const now = new Date()
    const outcome = await this.transition(actor, ids, {
      type: 'deleted',
      reason,
      refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : null),
      set: { status: 'deleted', statusReason: reason, deletedAt: now },
      changes: (c) => [...statusChanges(c, 'deleted', reason), change('deletedAt', null, now)],
      // What restore gives back.
      also: async (_manager, clients) =>
        new Map(clients.map((c) => [c.id, { previousStatus: c.status, previousReason: c.statusReason }])),
    })
    return this.result(outcome)
  }

  /** A soft-deleted client back to the status (and reason) it had before. */
  async restore(actor: Actor, id: number): Promise<LifecycleResult> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const client = await this.lockOne(manager, id)
      if (client.status !== 'deleted') throw new ClientActionRefused('notDeleted', client.clientNumber)
      const last = await manager
        .createQueryBuilder(ClientEvent, 'e')
        .where('e.clientId = :id AND e.type = :type', { id, type: 'deleted' })
        .orderBy('e.id', 'DESC')
        .getOne()
      const fallback: ClientStatus = client.emailConfirmedAt ? 'active' : 'pending'
      const previous = (last?.data?.previousStatus as ClientStatus | undefined) ?? fallback
      const status: ClientStatus = previous === 'deleted' ? fallback : previous
      const reason = (last?.data?.previousReason as string | null | undefined) ?? null
      await this.updateClients(manager, [client], { status, statusReason: reason, deletedAt: null })
      await insertEvents(manager, [
        eventRow(actor, client.id, 'restored', null, [
          ...statusChanges(client, status, reason),
          change('deletedAt', client.deletedAt, null),
        ]),
      ])
      return { changed: [client], skipped: [] }
    })
    return this.result(outcome)
  }

  /**
   * Removes a soft-deleted client for good. Its contracts, commissions, emails, notes and history
   * stay, unlinked (the foreign keys set them to NULL); a `removed` event says who did it and
   * keeps the client's number and name, since its link is cut with the row.
   */
  async removeForGood(actor: Actor, id: number): Promise<LifecycleResult> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const client = await this.lockOne(manager, id)
      if (client.status !== 'deleted') throw new ClientActionRefused('notDeleted', client.clientNumber)
      await insertEvents(manager, [
        eventRow(actor, client.id, 'removed', client.statusReason, null, {
          clientNumber: client.clientNumber,
          lastName: client.lastName,
          firstName: client.firstName,
          removedClientId: client.id,
        }),
      ])
      await manager.delete(Client, { id: client.id })
      return { changed: [client], skipped: [] }
    })
    return this.result(outcome)
  }

  // ---- account ----------------------------------------------------------------------------

  async changePassword(
    actor: Actor,
    id: number,
    input: { password?: unknown; passwordConfirmation?: unknown },
  ): Promise<LifecycleResult> {
    const password = typeof input.password === 'string' ? input.password : ''
    const confirmation = typeof input.passwordConfirmation === 'string' ? input.passwordConfirmation : ''
    const current = await this.dataSource.getRepository(Client).findOneBy({ id })
    if (!current) throw new ClientActionRefused('notFound')
    if (current.status === 'deleted') throw new ClientActionRefused('isDeleted', current.clientNumber)
    const fields: Record<string, string> = {}
    const hasher = await this.security.hasher()
    const problem = await passwordProblem(
      password,
      [current.email, current.firstName, current.lastName, current.clientNumber],
      hasher.options.driver,
    )
    if (problem) fields.password = problem
    if (!problem && password !== confirmation) fields.passwordConfirmation = 'passwordsDiffer'
    check(fields)
    // Hashing is slow on purpose: do it before the transaction, not while holding the row.
    const passwordHash = await hasher.hash(password)
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const client = await this.lockOne(manager, id)
      if (client.status === 'deleted') throw new ClientActionRefused('isDeleted', client.clientNumber)
      await this.updateClients(manager, [client], { passwordHash })
      // Reset links sent before the change must not undo it.
      await revokeClientTokens(manager, [client.id], 'password_reset')
      await insertEvents(manager, [
        eventRow(actor, client.id, 'password_changed', null, [change('passwordHash', MASK, MASK)]),
      ])
      return { changed: [client], skipped: [] }
    })
    return this.result(outcome)
  }

  async adjustBalance(
    actor: Actor,
    id: number,
    input: { amount?: unknown; reason?: unknown },
  ): Promise<LifecycleResult & { balance: string }> {
    const fields: Record<string, string> = {}
    const parsed = parseAmount(input.amount)
    if ('error' in parsed) fields.amount = parsed.error
    const reason = requiredText(fields, 'reason', input.reason, MAX_REASON_LENGTH)
    check(fields)
    const amount = (parsed as { cents: bigint }).cents
    let balance = ''
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const client = await this.lockOne(manager, id)
      if (client.status === 'deleted') throw new ClientActionRefused('isDeleted', client.clientNumber)
      const next = toCents(client.balance) + amount
      if (next > MAX_BALANCE_CENTS || next < -MAX_BALANCE_CENTS) {
        throw new InvalidInputError({ amount: 'balanceOutOfRange' })
      }
      balance = fromCents(next)
      await this.updateClients(manager, [client], { balance })
      await insertEvents(manager, [
        eventRow(actor, client.id, 'balance_changed', reason, [change('balance', client.balance, balance)], {
          amount: fromCents(amount),
        }),
      ])
      return { changed: [client], skipped: [] }
    })
    return { ...this.result(outcome), balance }
  }

  async addNote(actor: Actor, id: number, input: { body?: unknown }): Promise<LifecycleResult> {
    const fields: Record<string, string> = {}
    const body = requiredText(fields, 'body', input.body, MAX_NOTE_LENGTH) as string
    check(fields)
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const client = await this.lockOne(manager, id)
      const note = await manager.getRepository(ClientNote).save({
        clientId: client.id,
        author: actor.email ?? 'system',
        body,
      })
      await insertEvents(manager, [eventRow(actor, client.id, 'note_added', null, null, { noteId: note.id })])
      return { changed: [client], skipped: [] }
    })
    return this.result(outcome)
  }

  /**
   * Saves an admin's edit of profile fields and records `profile_updated` with what changed
   * (old → new). `values` are the form's, already validated; no change, no event.
   */
  async updateProfile(
    actor: Actor,
    id: number,
    values: Record<string, unknown>,
    editable: readonly string[],
  ): Promise<LifecycleResult> {
    const patch = await this.profilePatch(values, editable)
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const client = await this.lockOne(manager, id)
      const before = { ...client } as Record<string, unknown>
      Object.assign(client, patch)
      const saved = await manager.save(client)
      const changes = Object.keys(patch)
        .filter(
          (field) =>
            String(before[field] ?? '') !==
            String((saved as unknown as Record<string, unknown>)[field] ?? ''),
        )
        .map((field) => change(field, before[field], (saved as unknown as Record<string, unknown>)[field]))
      if (changes.length === 0) return { changed: [], skipped: [] }
      await insertEvents(manager, [eventRow(actor, client.id, 'profile_updated', null, changes)])
      return { changed: [client], skipped: [] }
    })
    return this.result(outcome)
  }

  /**
   * Creates a client from the panel's form (`pending` until its email is confirmed) and records
   * `created` with the fields given, in one transaction. Returns its id.
   */
  async createClient(
    actor: Actor,
    values: Record<string, unknown>,
    editable: readonly string[],
  ): Promise<number> {
    const patch = await this.profilePatch(values, editable)
    return inTransaction(this.dataSource, async (manager) => {
      const client = await manager.save(manager.create(Client, patch as Partial<Client>))
      const changes = Object.entries(patch)
        .filter(([, value]) => value !== null)
        .map(([field, value]) =>
          change(field, null, (client as unknown as Record<string, unknown>)[field] ?? value),
        )
      await insertEvents(manager, [
        eventRow(actor, client.id, 'created', null, [
          change('clientNumber', null, client.clientNumber),
          ...changes,
        ]),
      ])
      return client.id
    })
  }

  /** Form values as column values (numbers for int columns, '' as null), the advisor checked. */
  private async profilePatch(values: Record<string, unknown>, editable: readonly string[]) {
    const metadata = this.dataSource.getMetadata(Client)
    const patch: Record<string, unknown> = {}
    for (const field of editable) {
      if (!(field in values)) continue
      const column = metadata.findColumnWithPropertyName(field)
      if (!column) continue
      const raw = values[field]
      const numeric = column.type === 'int' || column.type === Number
      patch[field] =
        raw === null || raw === undefined || raw === '' ? null : numeric ? Number(raw) : String(raw)
    }
    if (typeof patch.advisorId === 'number') {
      const exists =
        Number.isInteger(patch.advisorId) &&
        (await this.dataSource.getRepository(Advisor).existsBy({ id: patch.advisorId }))
      if (!exists) throw new InvalidInputError({ advisorId: 'unknownRecord' })
    }
    return patch
  }

  // ---- emails -----------------------------------------------------------------------------

  /** A new confirmation link for a client who has not confirmed yet (older links stop working). */
  async resendConfirmation(actor: Actor, id: number): Promise<LifecycleResult> {
    const hours = (await this.security.current()).confirmationHours
    return this.sendTokenEmail(actor, id, {
      type: 'confirmation_sent',
      refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status !== 'pending' ? 'notPending' : null),
      purpose: 'email_confirmation',
      lifetimeMs: hours * 3600_000,
      render: (c, lang, token) =>
        renderEmail.confirmation(
          lang,
          c,
          linkWithToken(this.settings.links.confirmEmail, token),
          token,
          hours,
        ),
    })
  }

  async sendPasswordReset(actor: Actor, id: number): Promise<LifecycleResult> {
    const minutes = (await this.security.current()).passwordResetMinutes
    return this.sendTokenEmail(actor, id, {
      type: 'password_reset_requested',
      refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status === 'banned' ? 'isBanned' : null),
      purpose: 'password_reset',
      lifetimeMs: minutes * 60_000,
      render: (c, lang, token) =>
        renderEmail.passwordReset(
          lang,
          c,
          linkWithToken(this.settings.links.resetPassword, token),
          token,
          minutes,
        ),
    })
  }

  /** An email written by the admin to one or many clients: EmailLog and `email_sent` for each. */
  async sendEmail(
    actor: Actor,
    ids: number[],
    input: { subject?: unknown; body?: unknown },
  ): Promise<LifecycleResult> {
    const fields: Record<string, string> = {}
    const subject = requiredText(fields, 'subject', input.subject, MAX_SUBJECT_LENGTH) as string
    const body = requiredText(fields, 'body', input.body, MAX_EMAIL_BODY_LENGTH) as string
    check(fields)
    const unique = [...new Set(ids)]
    const clients = await this.findClients(this.dataSource.manager, unique, false)
    const { eligible, skipped } = this.sort(unique, clients, (c) =>
      c.status === 'deleted' ? 'isDeleted' : !c.email ? 'noEmail' : null,
    )
    if (eligible.length === 0) return { changed: [], skipped, emails: NO_EMAILS }
    // Sent first, then recorded: the history says what really happened to each email.
    const rows = await this.mailer.deliverAll(
      eligible.map((c) => this.email(actor, c, renderEmail.custom(this.languageOf(c), c, subject, body))),
    )
    await inTransaction(this.dataSource, async (manager) => {
      await this.mailer.log(rows, manager)
      await insertEvents(
        manager,
        eligible.map((c, i) =>
          eventRow(actor, c.id, 'email_sent', null, null, {
            subject,
            delivered: rows[i].status === 'sent',
          }),
        ),
      )
    })
    return { changed: eligible.map((c) => c.id), skipped, emails: this.emailOutcome(rows) }
  }

  // ---- building blocks --------------------------------------------------------------------

  private languageOf(client: Client): Language {
    return emailLanguage(client.locale, this.settings.language)
  }

  private email(actor: Actor, client: Client, rendered: RenderedEmail): ClientEmail {
    return {
      clientId: client.id,
      to: client.email as string,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      logText: rendered.logText,
      template: rendered.template,
      actor: actor.email,
    }
  }

  private emailOutcome(rows: Partial<EmailLog>[]): EmailOutcome {
    const failed = rows.filter((r) => r.status === 'failed')
    return { sent: rows.length - failed.length, failed: failed.length, error: failed[0]?.error ?? null }
  }

  /** Emails the clients a change was made to (those with an address), after the commit. */
  private async notify(
    actor: Actor,
    clients: Client[],
    render: (client: Client, language: Language) => RenderedEmail,
  ): Promise<EmailOutcome> {
    const reachable = clients.filter((c) => c.email)
    if (reachable.length === 0) return NO_EMAILS
    const rows = await this.mailer.deliverAll(
      reachable.map((c) => this.email(actor, c, render(c, this.languageOf(c)))),
    )
    await this.mailer.log(rows)
    return this.emailOutcome(rows)
  }

  private async sendTokenEmail(
    actor: Actor,
    id: number,
    spec: {
      type: ClientEventType
      refuse: (client: Client) => RefusalReason | null
      purpose: 'email_confirmation' | 'password_reset'
      lifetimeMs: number
      render: (client: Client, language: Language, token: string) => RenderedEmail
    },
  ): Promise<LifecycleResult> {
    const { client, token } = await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lockOne(manager, id)
      const refusal = spec.refuse(locked) ?? (locked.email ? null : 'noEmail')
      if (refusal) throw new ClientActionRefused(refusal, locked.clientNumber)
      const issued = await issueClientToken(manager, locked.id, spec.purpose, spec.lifetimeMs)
      await insertEvents(manager, [eventRow(actor, locked.id, spec.type, null, null, { to: locked.email })])
      return { client: locked, token: issued }
    })
    const row = await this.mailer.deliver(
      this.email(actor, client, spec.render(client, this.languageOf(client), token)),
    )
    await this.mailer.log([row])
    return { changed: [client.id], skipped: [], emails: this.emailOutcome([row]) }
  }

  private result(outcome: TransitionOutcome, emails: EmailOutcome = NO_EMAILS): LifecycleResult {
    return { changed: outcome.changed.map((c) => c.id), skipped: outcome.skipped, emails }
  }

  private async findClients(manager: EntityManager, ids: number[], lock: boolean, withSecrets = false) {
    const found: Client[] = []
    for (const part of chunks(ids)) {
      const qb = manager.createQueryBuilder(Client, 'c').where('c.id IN (:...ids)', { ids: part })
      if (withSecrets) qb.addSelect('c.twoFactorSecret')
      // SQLite has no row locks: its single writer and snapshot reads give the same guarantee.
      if (lock && isMysqlFamily(this.dataSource)) qb.setLock('pessimistic_write')
      found.push(...(await qb.orderBy('c.id', 'ASC').getMany()))
    }
    return found
  }

  private async lockOne(manager: EntityManager, id: number): Promise<Client> {
    const [client] = Number.isInteger(id) ? await this.findClients(manager, [id], true) : []
    if (!client) throw new ClientActionRefused('notFound')
    return client
  }

  private sort(ids: number[], clients: Client[], refuse: (client: Client) => RefusalReason | null) {
    const byId = new Map(clients.map((c) => [c.id, c]))
    const eligible: Client[] = []
    const skipped: Skipped[] = []
    for (const id of ids) {
      const client = byId.get(id)
      const reason = client ? refuse(client) : 'notFound'
      if (reason) skipped.push({ id, clientNumber: client?.clientNumber ?? null, reason })
      else eligible.push(client as Client)
    }
    return { eligible, skipped }
  }

  private async transition(actor: Actor, ids: number[], spec: Transition): Promise<TransitionOutcome> {
    const unique = [...new Set(ids.filter((id) => Number.isInteger(id)))]
    return inTransaction(this.dataSource, async (manager) => {
      const clients = await this.findClients(manager, unique, true, spec.withSecrets)
      const { eligible, skipped } = this.sort(unique, clients, spec.refuse)
      if (eligible.length === 0) return { changed: [], skipped }
      const data = spec.also ? await spec.also(manager, eligible) : new Map()
      await this.updateClients(manager, eligible, spec.set)
      await insertEvents(
        manager,
        eligible.map((c) =>
          eventRow(actor, c.id, spec.type, spec.reason ?? null, spec.changes(c), data.get(c.id)),
        ),
      )
      return { changed: eligible, skipped }
    })
  }

  /**
   * One UPDATE per chunk, guarded by the status each client had when read: if another writer
   * changed one in between, fewer rows match, and the whole transaction is undone.
   */
  private async updateClients(
    manager: EntityManager,
    clients: Client[],
    set: QueryDeepPartialEntity<Client>,
  ) {
    for (const part of chunks(clients)) {
      const statuses = [...new Set(part.map((c) => c.status))]
      const result = await manager
        .createQueryBuilder()
        .update(Client)
        .set(set)
        .where('id IN (:...ids)', { ids: part.map((c) => c.id) })
        .andWhere('status IN (:...statuses)', { statuses })
        .execute()
      if (result.affected !== undefined && result.affected !== part.length) throw new ConcurrentChangeError()
    }
  }

  /** Sets `to` on the clients' contracts now in one of `from`; returns the contract ids per client. */
  private async setContractStatus(
    manager: EntityManager,
    clients: Client[],
    from: ContractStatus[],
    to: ContractStatus,
  ): Promise<Map<number, number[]>> {
    const byClient = new Map<number, number[]>()
    for (const part of chunks(clients.map((c) => c.id))) {
      const qb = manager
        .createQueryBuilder(Contract, 'k')
        .select(['k.id', 'k.clientId'])
        .where('k.clientId IN (:...ids)', { ids: part })
        .andWhere('k.status IN (:...from)', { from })
      if (isMysqlFamily(this.dataSource)) qb.setLock('pessimistic_write')
      for (const contract of await qb.getMany()) {
        byClient.set(contract.clientId as number, [
          ...(byClient.get(contract.clientId as number) ?? []),
          contract.id,
        ])
      }
    }
    await this.updateContracts(manager, [...byClient.values()].flat(), from, to)
    return byClient
  }

  private async updateContracts(
    manager: EntityManager,
    ids: number[],
    from: ContractStatus[],
    to: ContractStatus,
  ) {
    for (const part of chunks(ids)) {
      await manager
        .createQueryBuilder()
        .update(Contract)
        .set({ status: to })
        .where('id IN (:...ids)', { ids: part })
        .andWhere('status IN (:...from)', { from })
        .execute()
    }
  }

  /**
   * The contracts each client's latest suspension suspended and that are still suspended: not
   * one suspended by hand or by an earlier suspension.
   */
  private async reactivateSuspendedContracts(
    manager: EntityManager,
    clients: Client[],
  ): Promise<Map<number, number[]>> {
    const candidates: number[] = []
    for (const part of chunks(clients.map((c) => c.id))) {
      const latest = manager
        .createQueryBuilder(ClientEvent, 'l')
        .select('MAX(l.id)')
        .where('l.type = :type')
        .andWhere('l.clientId IN (:...ids)')
        .groupBy('l.clientId')
      const events = await manager
        .createQueryBuilder(ClientEvent, 'e')
        .where(`e.id IN (${latest.getQuery()})`)
        .setParameters({ type: 'suspended', ids: part })
        .getMany()
      for (const event of events) {
        const ids = event.data?.contractIds
        if (Array.isArray(ids)) candidates.push(...ids.filter((id): id is number => Number.isInteger(id)))
      }
    }
    const byClient = new Map<number, number[]>()
    const clientIds = new Set(clients.map((c) => c.id))
    for (const part of chunks(candidates)) {
      const qb = manager
        .createQueryBuilder(Contract, 'k')
        .select(['k.id', 'k.clientId'])
        .where('k.id IN (:...ids)', { ids: part })
        .andWhere('k.status = :status', { status: 'suspended' })
      if (isMysqlFamily(this.dataSource)) qb.setLock('pessimistic_write')
      for (const contract of await qb.getMany()) {
        // A contract moved to another client since is not this client's to take back.
        if (!clientIds.has(contract.clientId as number)) continue
        byClient.set(contract.clientId as number, [
          ...(byClient.get(contract.clientId as number) ?? []),
          contract.id,
        ])
      }
    }
    await this.updateContracts(manager, [...byClient.values()].flat(), ['suspended'], 'active')
    return byClient
  }
}
