import type { DataSource, EntityManager } from 'typeorm'
import type { Transporter } from 'nodemailer'
import { EmailLog } from '../../entities/EmailLog.js'
import { isValidEmail } from '../../shared/clientIdentity.js'

export interface ClientEmail {
  clientId: number | null
  to: string
  subject: string
  /** Plain text body. */
  text: string
  /** What the EmailLog keeps instead of `text` (a token in a link masked). Default: `text`. */
  logText?: string
  html?: string
  /** Template name, when the email comes from one. */
  template?: string | null
  /** Email of the admin who had it sent, or null for the system. */
  actor?: string | null
}

const MAX_ERROR_LENGTH = 2000
const MAX_LOGGED_TO_LENGTH = 255

/** Why an email was not handed to the transport at all (kept in its EmailLog row). */
export const INVALID_RECIPIENT_ERROR = 'refused: the recipient is not one valid e-mail address'

/**
 * Sends an email to a client through the host's transport and always leaves an EmailLog row:
 * `sent` with the message id, or `failed` with the error. A transport failure is an answer
 * (the row says failed, the email can be sent again), never an exception.
 */
export class ClientMailer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: Pick<Transporter, 'sendMail'>,
    private readonly from: string,
  ) {}

  /** Sends one email and returns its EmailLog row, not yet saved. Never throws for a transport failure. */
  async deliver(email: ClientEmail): Promise<Partial<EmailLog>> {
    let messageId: string | null = null
    let error: string | null = null
    // Defence in depth: callers validate, but a list or a display name must never reach the
    // transport, which would send to every address it finds in `to`.
    if (typeof email.to !== 'string' || !isValidEmail(email.to)) {
      return this.row(email, null, INVALID_RECIPIENT_ERROR)
    }
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
      })
      messageId = typeof info?.messageId === 'string' ? info.messageId : null
    } catch (caught) {
      error = (caught instanceof Error ? caught.message : String(caught)).slice(0, MAX_ERROR_LENGTH)
    }
    return this.row(email, messageId, error)
  }

  private row(email: ClientEmail, messageId: string | null, error: string | null): Partial<EmailLog> {
    return {
      clientId: email.clientId,
      to: String(email.to).slice(0, MAX_LOGGED_TO_LENGTH),
      subject: email.subject,
      template: email.template ?? null,
      body: email.logText ?? email.text,
      status: error ? 'failed' : 'sent',
      error,
      messageId,
      actor: email.actor ?? null,
    }
  }

  /** Sends many, a few at a time (a mail server throttles a flood), in the order given. */
  async deliverAll(emails: ClientEmail[], concurrency = 4): Promise<Partial<EmailLog>[]> {
    const rows: Partial<EmailLog>[] = new Array(emails.length)
    let next = 0
    const worker = async () => {
      while (next < emails.length) {
        const index = next
        next += 1
        rows[index] = await this.deliver(emails[index])
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, emails.length) }, worker))
    return rows
  }

  /** Sends one email and saves its EmailLog row. */
  async send(email: ClientEmail, manager: EntityManager = this.dataSource.manager): Promise<EmailLog> {
    return manager.getRepository(EmailLog).save(await this.deliver(email))
  }

  /** Saves the rows of `deliverAll` in one multi-row INSERT. */
  async log(rows: Partial<EmailLog>[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (rows.length === 0) return
    await manager.createQueryBuilder().insert().into(EmailLog).values(rows).updateEntity(false).execute()
  }
}
