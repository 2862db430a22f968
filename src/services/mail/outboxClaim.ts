import { In, type DataSource, type EntityManager } from 'typeorm'
import { EmailLog } from '../../entities/EmailLog.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import { dueNow } from './dueNow.js'

export interface Claim {
  /** Unique to this claim (worker id and claim number): the rows' `claimedBy`. */
  id: string
  now: Date
  leaseMs: number
  batchSize: number
}

/** A row as the worker needs it: with its content to send. */
export type ClaimedEmail = EmailLog

// Queued rows whose next attempt is due, and sending rows whose lease ran out (their worker died):
// a sending row's `nextAttemptAt` is its lease end, so one range of the (status, nextAttemptAt) index.
const DUE_STATUSES = ['queued', 'sending']

function dueRows(manager: EntityManager, claim: Claim) {
  return manager
    .createQueryBuilder(EmailLog, 'e')
    .select('e.id')
    .where('e.status IN (:...due)', { due: DUE_STATUSES })
    .andWhere('e.nextAttemptAt <= :now', { now: claim.now })
    .orderBy('e.nextAttemptAt', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .limit(claim.batchSize)
}

const leased = (claim: Claim) => {
  const leaseUntil = new Date(claim.now.getTime() + claim.leaseMs)
  return {
    status: 'sending' as const,
    claimedBy: claim.id,
    leaseUntil,
    nextAttemptAt: leaseUntil,
    attempts: () => 'attempts + 1',
  }
}

/**
 * Takes up to `batchSize` due emails for this worker, marked `sending` with a lease, each attempt
 * counted. On MySQL/MariaDB, `FOR UPDATE SKIP LOCKED`: workers of other instances claim other
 * rows at the same time instead of waiting. On SQLite (one writer at a time) a conditional
 * UPDATE takes them in one statement.
 */
export async function claimDueEmails(dataSource: DataSource, claim: Claim): Promise<ClaimedEmail[]> {
  const ids = await inTransaction(dataSource, async (manager) => {
    if (isMysqlFamily(dataSource)) {
      const due = await dueRows(manager, claim)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany()
      if (due.length === 0) return []
      const taken = due.map((row) => row.id)
      await manager.createQueryBuilder().update(EmailLog).set(leased(claim)).whereInIds(taken).execute()
      return taken
    }
    const due = dueRows(manager, claim)
    await manager
      .createQueryBuilder()
      .update(EmailLog)
      .set(leased(claim))
      .where(`id IN (${due.getQuery()})`)
      .setParameters(due.getParameters())
      .execute()
    const taken = await manager.find(EmailLog, { select: { id: true }, where: { claimedBy: claim.id } })
    return taken.map((row) => row.id)
  })
  if (ids.length === 0) return []
  return dataSource
    .getRepository(EmailLog)
    .createQueryBuilder('e')
    .addSelect('e.pendingContent')
    .where({ id: In(ids), claimedBy: claim.id })
    .orderBy('e.id', 'ASC')
    .getMany()
}

/**
 * Gives back emails of claim `claimId` that were never tried (the worker stops, or the server went
 * away): `queued`, due now, the claim's attempt not counted, the lease cleared, so another worker
 * takes them at once. Only rows still this claim's; returns how many went back.
 */
export async function releaseClaimed(
  dataSource: DataSource,
  claimId: string,
  ids: number[],
): Promise<number> {
  if (ids.length === 0) return 0
  const result = await inTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .update(EmailLog)
      .set({ status: 'queued', leaseUntil: null, nextAttemptAt: dueNow(), attempts: () => 'attempts - 1' })
      .whereInIds(ids)
      .andWhere('status = :sending AND claimedBy = :claim', { sending: 'sending', claim: claimId })
      .execute(),
  )
  return result.affected ?? 0
}
