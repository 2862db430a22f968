import { dueNow } from './dueNow.js'
import type { DataSource } from 'typeorm'
import { EmailLog } from '../../entities/EmailLog.js'
import type { Actor } from '../core/requestValues.js'
import { eventRow, insertEvents, inTransaction, isMysqlFamily } from '../core/transaction.js'

/** Why a resend does nothing; each is a message key translated in `src/locale`. */
export type ResendRefusal = 'unknownRecord' | 'emailNotFailed' | 'emailNothingToResend'

export class EmailResendRefused extends Error {
  constructor(readonly reason: ResendRefusal) {
    super(`resend refused: ${reason}`)
    this.name = 'EmailResendRefused'
  }
}

/**
 * Queues a failed email again, with fresh attempts and the same Message-ID, and records who did
 * it in the client's history, in one transaction. The caller wakes the worker after the commit.
 */
export async function resendEmail(dataSource: DataSource, actor: Actor, id: number): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    const query = manager
      .createQueryBuilder(EmailLog, 'e')
      .addSelect('e.pendingContent')
      .where('e.id = :id', { id: Number.isInteger(id) ? id : -1 })
    // Two admins clicking at once: the second waits for the first, then finds it queued.
    const row = await (isMysqlFamily(dataSource) ? query.setLock('pessimistic_write') : query).getOne()
    if (!row) throw new EmailResendRefused('unknownRecord')
    if (row.status !== 'failed') throw new EmailResendRefused('emailNotFailed')
    if (!row.pendingContent) throw new EmailResendRefused('emailNothingToResend')
    await manager
      .createQueryBuilder()
      .update(EmailLog)
      .set({
        status: 'queued',
        attempts: 0,
        nextAttemptAt: dueNow(),
        leaseUntil: null,
        claimedBy: null,
      })
      .where({ id: row.id, status: 'failed' })
      .execute()
    if (row.clientId !== null) {
      await insertEvents(manager, [
        eventRow(actor, row.clientId, 'email_resent', null, null, {
          emailLogId: row.id,
          subject: row.subject,
          previousError: row.error,
        }),
      ])
    }
  })
}
