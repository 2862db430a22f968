import type { Transporter } from 'nodemailer'
import type { DataSource } from 'typeorm'
import { EmailLog } from '../../entities/EmailLog.js'
import { inTransaction } from '../core/transaction.js'
import { emailHtml } from './emailTemplates.js'
import type { ClaimedEmail } from './outboxClaim.js'
import { retryDelayMs, type OutboxOptions } from './outboxOptions.js'
import { readPendingContent } from './pendingContent.js'

const MAX_ERROR_LENGTH = 2000

export interface DeliveryContext {
  dataSource: DataSource
  transport: Pick<Transporter, 'sendMail'>
  from: string
  options: OutboxOptions
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'lost'

const errorText = (caught: unknown) =>
  (caught instanceof Error ? caught.message : String(caught)).slice(0, MAX_ERROR_LENGTH)

/**
 * Writes the outcome of one send, only if the row is still this claim's: if the lease ran out
 * and another worker took the row meanwhile, that worker owns it now ('lost').
 */
async function record(
  ctx: DeliveryContext,
  email: ClaimedEmail,
  values: Partial<Record<keyof EmailLog, unknown>>,
): Promise<boolean> {
  const result = await inTransaction(ctx.dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .update(EmailLog)
      .set(values as never)
      .where({ id: email.id, status: 'sending', claimedBy: email.claimedBy })
      .execute(),
  )
  return (result.affected ?? 0) > 0
}

/** Sends one claimed email through the host's transport and records what happened. */
export async function deliverClaimed(ctx: DeliveryContext, email: ClaimedEmail): Promise<DeliveryOutcome> {
  const content = readPendingContent(email.pendingContent)
  const done = { leaseUntil: null, nextAttemptAt: null }
  if (!content) {
    return (await record(ctx, email, {
      ...done,
      status: 'failed',
      error: 'nothing to send: no content kept',
    }))
      ? 'failed'
      : 'lost'
  }
  // A claim counts as an attempt even when its worker dies: past the last one, never sent again.
  if (email.attempts > ctx.options.maxAttempts) {
    const error = email.error ?? 'the worker stopped during the last attempt'
    return (await record(ctx, email, { ...done, status: 'failed', error })) ? 'failed' : 'lost'
  }
  try {
    const info = await ctx.transport.sendMail({
      from: ctx.from,
      to: email.to,
      subject: email.subject,
      text: content.text,
      html: content.html ?? emailHtml(content.language, content.text, content.link),
      messageId: email.messageId ?? undefined,
    })
    const messageId = typeof info?.messageId === 'string' ? info.messageId : email.messageId
    const sent = { ...done, status: 'sent', messageId, pendingContent: null }
    return (await record(ctx, email, sent)) ? 'sent' : 'lost'
  } catch (caught) {
    const error = errorText(caught)
    if (email.attempts >= ctx.options.maxAttempts) {
      return (await record(ctx, email, { ...done, status: 'failed', error })) ? 'failed' : 'lost'
    }
    const next = new Date(Date.now() + retryDelayMs(email.attempts, ctx.options))
    const retry = { status: 'queued', error, leaseUntil: null, nextAttemptAt: next }
    return (await record(ctx, email, retry)) ? 'retry' : 'lost'
  }
}
