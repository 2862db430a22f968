import { dueNow } from './dueNow.js'
import type { DataSource, EntityManager } from 'typeorm'
import { EmailLog } from '../../entities/EmailLog.js'
import { isValidEmail } from '../../shared/clientIdentity.js'
import type { Actor } from '../core/requestValues.js'
import type { Language } from '../../shared/language.js'
import { inTransaction } from '../core/transaction.js'
import { newMessageId } from './messageId.js'
import { writePendingContent } from './pendingContent.js'
import { resendEmail } from './resendEmail.js'
import { TemplateStore, type TestSendLimit } from './templateStore.js'

export interface ClientEmail {
  clientId: number | null
  to: string
  subject: string
  /** Plain text body, as it is sent. */
  text: string
  /** What the EmailLog shows instead of `text` (a token in a link masked). Default: `text`. */
  logText?: string
  /** Language of the HTML part; default the panel's. */
  language?: Language
  /** A link of `text` to make clickable in the HTML part. */
  link?: string | null
  /** The HTML part as a template wrote it; without it the outbox builds it from `text`. */
  htmlBody?: string | null
  /** Template name, when the email comes from one. */
  template?: string | null
  /** Email of the admin who had it sent, or null for the system. */
  actor?: string | null
}

/** What queuing did: rows queued, rows refused at once (not one valid address) and why. */
export interface QueuedEmails {
  queued: number
  failed: number
  error: string | null
}

const MAX_LOGGED_TO_LENGTH = 255
// One multi-row INSERT per chunk: far below the placeholder limits of every driver.
const INSERT_CHUNK = 200
// A template's own HTML is kept only while the content fits its TEXT column; past that, built from the text.
const MAX_PENDING_BYTES = 60_000

// Whole seconds: MySQL rounds a DATETIME's fraction (up, sometimes), which would delay the first claim.
/** Why an email was not queued at all (kept in its EmailLog row). */
const INVALID_RECIPIENT_ERROR = 'refused: the recipient is not one valid e-mail address'

/**
 * The outbox's writer. An email is an EmailLog row `queued`, written in the transaction of the
 * change that causes it; the delivery worker (`Outbox`) sends it later. Nothing is sent here.
 */
export class ClientMailer {
  private readonly listeners = new Set<() => void>()
  /** The email templates (shipped and edited in the panel) every email is rendered with. */
  readonly templates: TemplateStore

  constructor(
    private readonly dataSource: DataSource,
    private readonly from: string,
    private readonly language: Language,
    /** The `{{companyName}}` of the templates. */
    companyName = '',
    /** Counts an admin's "send me a test" (default: no limit). */
    limitTests?: TestSendLimit,
  ) {
    this.templates = new TemplateStore(dataSource, companyName, this, limitTests)
  }

  private pending(email: ClientEmail): string {
    const content = {
      text: email.text,
      language: email.language ?? this.language,
      link: email.link ?? null,
    }
    const withHtml = email.htmlBody ? writePendingContent({ ...content, html: email.htmlBody }) : null
    return withHtml && Buffer.byteLength(withHtml, 'utf8') <= MAX_PENDING_BYTES
      ? withHtml
      : writePendingContent(content)
  }

  private row(email: ClientEmail): Partial<EmailLog> {
    // Defence in depth: callers validate, but a list or a display name must never reach the
    // transport, which would send to every address it finds in `to`.
    const valid = typeof email.to === 'string' && isValidEmail(email.to)
    return {
      clientId: email.clientId,
      to: String(email.to).slice(0, MAX_LOGGED_TO_LENGTH),
      subject: email.subject,
      template: email.template ?? null,
      body: email.logText ?? email.text,
      status: valid ? 'queued' : 'failed',
      error: valid ? null : INVALID_RECIPIENT_ERROR,
      messageId: newMessageId(this.from),
      actor: email.actor ?? null,
      attempts: 0,
      nextAttemptAt: valid ? dueNow() : null,
      pendingContent: valid ? this.pending(email) : null,
    }
  }

  /**
   * Queues emails in the caller's transaction (pass its manager). Call `wake()` after the commit
   * so that a worker in this process sends them at once.
   */
  async queue(manager: EntityManager, emails: ClientEmail[]): Promise<QueuedEmails> {
    const rows = emails.map((email) => this.row(email))
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(EmailLog)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .updateEntity(false)
        .execute()
    }
    const failed = rows.filter((r) => r.status === 'failed')
    return { queued: rows.length - failed.length, failed: failed.length, error: failed[0]?.error ?? null }
  }

  /** Queues one email in a transaction of its own, wakes the worker and returns the row (without its content). */
  async send(email: ClientEmail): Promise<EmailLog> {
    const saved = await inTransaction(this.dataSource, (manager) =>
      manager.getRepository(EmailLog).save(manager.create(EmailLog, this.row(email))),
    )
    this.wake()
    delete (saved as Partial<EmailLog>).pendingContent
    return saved
  }

  /**
   * Queues a failed email again (fresh attempts, same Message-ID), recorded in the client's
   * history; `EmailResendRefused` when it is not failed or its content is gone.
   */
  async resend(actor: Actor, id: number): Promise<void> {
    await resendEmail(this.dataSource, actor, id)
    this.wake()
  }

  /** Tells the delivery worker of this process that emails were queued (after the commit). */
  wake(): void {
    for (const listener of this.listeners) listener()
  }

  /** Called by the worker: `listener` runs on every `wake()`. Returns the unsubscribe. */
  onQueued(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
