import { randomBytes } from 'node:crypto'
import type { DataSource, EntityManager } from 'typeorm'
import { ImportBatch } from '../../entities/ImportBatch.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import { tableOf } from '../core/tableNames.js'

/** A job held by this process: the batch and the claim's own token (its `leaseOwner`). */
export interface Claim {
  batchId: number
  owner: string
}

/** Another worker took the job over (our lease ran out), or it is no longer running: stop, write nothing. */
export class LeaseLost extends Error {
  constructor(readonly batchId: number) {
    super(`import job ${batchId}: the lease was lost`)
    this.name = 'LeaseLost'
  }
}

/** A token per claim: the worker (`pid@host`) and a random part (a restarted process never passes for the old one). */
export const claimToken = (worker: string) => `${worker}:${randomBytes(8).toString('hex')}`.slice(0, 64)

const table = (manager: EntityManager) => tableOf(manager.connection, ImportBatch)

// The job is still ours: a claim's token is its leaseOwner only while it runs (ending or giving it
// back clears it). By primary key only: a condition on the status index too made the heartbeat and
// a chunk's progress lock the same row through two indexes, in opposite orders (a deadlock).
const OURS = 'id = :id AND leaseOwner = :owner'

// Queued, or running under a lease that ran out (its worker died or hung).
const DUE = `(status = :queued OR (status = :running AND (leaseUntil IS NULL OR leaseUntil < :now)))`

/**
 * Claims the oldest due job for `owner` with a lease of `leaseMs`, in one transaction: on
 * MySQL/MariaDB the row is picked with `FOR UPDATE SKIP LOCKED` (workers never wait for each
 * other, nor for a job a worker is writing a chunk of); on SQLite one conditional UPDATE does it.
 */
export async function claimDueJob(
  dataSource: DataSource,
  owner: string,
  leaseMs: number,
  now: number,
): Promise<Claim | null> {
  return inTransaction(dataSource, async (manager) => {
    const params = { queued: 'queued', running: 'running', now }
    // SQLite: one statement picks and takes it. MySQL/MariaDB: the row is locked (and due) already.
    let where = `id = (SELECT id FROM ${table(manager)} WHERE ${DUE} ORDER BY id LIMIT 1) AND ${DUE}`
    if (isMysqlFamily(dataSource)) {
      const [sql, values] = dataSource.driver.escapeQueryWithParameters(
        `SELECT id FROM ${table(manager)} WHERE ${DUE} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        params,
        {},
      )
      const rows: { id: number }[] = await manager.query(sql, values)
      if (rows.length === 0) return null
      where = `id = ${Number(rows[0].id)}`
    }
    const claimed = await manager
      .createQueryBuilder()
      .update(ImportBatch)
      .set({
        status: 'running',
        leaseOwner: owner,
        leaseUntil: now + leaseMs,
        heartbeatAt: now,
        attempts: () => 'attempts + 1',
      })
      .where(where, params)
      .execute()
    if (claimed.affected !== 1) return null
    // The token is unique to this claim: it finds the row whichever way it was picked.
    const row = await manager.findOne(ImportBatch, { select: { id: true }, where: { leaseOwner: owner } })
    return row ? { batchId: row.id, owner } : null
  })
}

/**
 * In a chunk's transaction, before its rows: the job is still ours. On MySQL/MariaDB the batch
 * row is locked until the commit, so no other worker can claim it while this chunk is written.
 */
export async function holdLease(manager: EntityManager, claim: Claim): Promise<void> {
  const row = await manager.findOne(ImportBatch, {
    select: { id: true },
    where: { id: claim.batchId, leaseOwner: claim.owner },
    lock: isMysqlFamily(manager.connection) ? { mode: 'pessimistic_write' } : undefined,
  })
  if (!row) throw new LeaseLost(claim.batchId)
}

/**
 * The batch's progress, written in the chunk's own transaction and guarded by the lease and the
 * position the chunk started from: 0 rows (another worker holds the job, or moved it on) throws
 * LeaseLost, which rolls the chunk back. A process that lost its job cannot write a chunk twice.
 */
export async function moveOn(
  manager: EntityManager,
  claim: Claim,
  from: number,
  progress: Partial<ImportBatch>,
  lease: { leaseMs: number; now: number },
): Promise<void> {
  const moved = await manager
    .createQueryBuilder()
    .update(ImportBatch)
    .set({
      ...progress,
      leaseUntil: lease.now + lease.leaseMs,
      heartbeatAt: lease.now,
      chunksDone: () => 'chunksDone + 1',
    })
    .where('id = :id AND leaseOwner = :owner AND rowsRead = :from', {
      id: claim.batchId,
      owner: claim.owner,
      from,
    })
    .execute()
  if (moved.affected !== 1) throw new LeaseLost(claim.batchId)
}

/** Ends a job we hold (done or failed), guarded like a chunk; false if it was not ours anymore. */
export async function endJob(
  dataSource: DataSource,
  claim: Claim,
  end: Partial<ImportBatch> & { status: 'done' | 'failed' },
): Promise<boolean> {
  const ended = await inTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .update(ImportBatch)
      .set({ ...end, leaseOwner: null, leaseUntil: null, finishedAt: new Date() })
      .where(OURS, { id: claim.batchId, owner: claim.owner })
      .execute(),
  )
  return ended.affected === 1
}

/** Renews our lease (the heartbeat); false if the job is no longer ours. */
export async function renewLease(dataSource: DataSource, claim: Claim, leaseMs: number, now: number) {
  const renewed = await inTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .update(ImportBatch)
      .set({ leaseUntil: now + leaseMs, heartbeatAt: now })
      .where(OURS, { id: claim.batchId, owner: claim.owner })
      .execute(),
  )
  return renewed.affected === 1
}

/** Gives a job back to the queue at once (a graceful stop): the next worker resumes it. */
export async function releaseJob(dataSource: DataSource, claim: Claim): Promise<void> {
  await inTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .update(ImportBatch)
      .set({ status: 'queued', leaseOwner: null, leaseUntil: null })
      .where(OURS, { id: claim.batchId, owner: claim.owner })
      .execute(),
  )
}
