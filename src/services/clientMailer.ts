import type { DataSource, EntityManager } from 'typeorm'
import type { Transporter } from 'nodemailer'
import { EmailLog } from '../entities/EmailLog.js'

export interface ClientEmail {
  clientId: number | null
  to: string
  subject: string
  /** Plain text body; it is also what the EmailLog keeps. */
  text: string
  html?: string
  /** Template name, when the email comes from one. */
  template?: string | null
  /** Email of the admin who had it sent, or null for the system. */
  actor?: string | null
}

const MAX_ERROR_LENGTH = 2000

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

  async send(email: ClientEmail, manager: EntityManager = this.dataSource.manager): Promise<EmailLog> {
    let messageId: string | null = null
    let error: string | null = null
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
    return manager.getRepository(EmailLog).save({
      clientId: email.clientId,
      to: email.to,
      subject: email.subject,
      template: email.template ?? null,
      body: email.text,
      status: error ? 'failed' : 'sent',
      error,
      messageId,
      actor: email.actor ?? null,
    })
  }
}
