import type { DataSource } from 'typeorm'
import { EmailLog } from '../../entities/EmailLog.js'
import { inTransaction } from '../core/transaction.js'
import { dueNow } from './dueNow.js'
import type { OutboxTransport, SendFailure } from './mailServerWatch.js'
import { emailHtml } from './templateSet.js'
import type { ClaimedEmail } from './outboxClaim.js'
import { retryDelayMs, type OutboxOptions } from './outboxOptions.js'
import { readPendingContent } from './pendingContent.js'

const MAX_ERROR_LENGTH = 2000

export interface DeliveryContext {
  dataSource: DataSource
  transport: OutboxTransport
  from: string
  options: OutboxOptions
  /** Why a send failed (the worker's MailServerWatch); without it, every failure is the email's own. */
  judge?: (error: unknown) => Promise<SendFailure>
}

/** `deferred`: the server was away; the email went back to the queue with its attempt not spent. */
export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'lost' | 'deferred'

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
      ...(content.headers ? { headers: content.headers } : {}),
    })
    const messageId = typeof info?.messageId === 'string' ? info.messageId : email.messageId
    const sent = { ...done, status: 'sent', messageId, pendingContent: null, sentAt: new Date() }
    return (await record(ctx, email, sent)) ? 'sent' : 'lost'
  } catch (caught) {
    const error = errorText(caught)
    const why = ctx.judge ? await ctx.judge(caught) : 'email'
    if (why === 'server-down') {
      // Not this email's doing: back in the queue as it was, due now for a worker that reaches a server.
      const back = {
        error,
        leaseUntil: null,
        status: 'queued',
        nextAttemptAt: dueNow(),
        attempts: email.attempts - 1,
      }
      return (await record(ctx, email, back)) ? 'deferred' : 'lost'
    }
    if (email.attempts >= ctx.options.maxAttempts) {
      return (await record(ctx, email, { ...done, status: 'failed', error })) ? 'failed' : 'lost'
    }
    // A server failure the server itself got over at once: tried again at the probe's pace, not the email's.
    const backoff =
      why === 'server-blip'
        ? { ...ctx.options, backoffBaseMs: Math.min(ctx.options.probeIntervalMs, ctx.options.backoffBaseMs) }
        : ctx.options
    const next = new Date(Date.now() + retryDelayMs(email.attempts, backoff))
    const retry = { status: 'queued', error, leaseUntil: null, nextAttemptAt: next }
    return (await record(ctx, email, retry)) ? 'retry' : 'lost'
  }
}
