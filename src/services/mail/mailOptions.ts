import type { Transporter } from 'nodemailer'
import { isObject } from '../core/configError.js'
import { isValidEmail } from '../../shared/clientIdentity.js'
import { checkOutboxOptions, resolveOutboxOptions, type OutboxOptions } from './outboxOptions.js'

/** The options of `createClientManagement` that the mail room reads. */
export interface MailOptionsInput {
  /** A nodemailer transport (`nodemailer.createTransport(...)`): every email to a client goes through it. */
  mailer: Pick<Transporter, 'sendMail'>
  /** Sender of emails to clients, e.g. `"Acme" <no-reply@acme.test>`. */
  mailFrom: string
  /** The `{{companyName}}` of the email templates. Default: the mailFrom display name, else empty. */
  companyName?: string
  /** The mail outbox's delivery worker: attempts, delays, concurrency, lease (see OutboxOptions). */
  outbox?: Partial<OutboxOptions>
}

export interface MailOptions {
  mailer: Pick<Transporter, 'sendMail'>
  mailFrom: string
  companyName: string
  outbox: OutboxOptions
}

function mailFromAddress(mailFrom: string): string {
  const angle = /<([^>]+)>\s*$/.exec(mailFrom)
  return (angle ? angle[1] : mailFrom).trim()
}

/** The display name of `"Acme" <no-reply@acme.test>` (`Acme`), or null. */
export function mailFromName(mailFrom: string): string | null {
  const name = /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom)
  return name ? name[1].trim() : null
}

export function checkMailOptions(options: MailOptionsInput): string[] {
  const problems: string[] = []
  if (!isObject(options.mailer) || typeof options.mailer.sendMail !== 'function') {
    problems.push('mailer is required: pass a nodemailer transport (nodemailer.createTransport(...))')
  }
  if (typeof options.mailFrom !== 'string' || !isValidEmail(mailFromAddress(options.mailFrom))) {
    problems.push('mailFrom must be an email address, e.g. "Acme <no-reply@acme.test>"')
  }
  if (
    options.companyName !== undefined &&
    (typeof options.companyName !== 'string' || options.companyName.length > 200)
  ) {
    problems.push('companyName must be a string of at most 200 characters')
  }
  problems.push(...checkOutboxOptions(options.outbox))
  return problems
}

/** The options with their defaults; call after `checkMailOptions` found nothing. */
export function resolveMailOptions(options: MailOptionsInput): MailOptions {
  return {
    mailer: options.mailer,
    mailFrom: options.mailFrom,
    companyName: options.companyName ?? mailFromName(options.mailFrom) ?? '',
    outbox: resolveOutboxOptions(options.outbox),
  }
}
