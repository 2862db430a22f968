import { In, type DataSource, type EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { ClientNote } from '../../entities/ClientNote.js'
import { EmailLog } from '../../entities/EmailLog.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { ImportBatch } from '../../entities/ImportBatch.js'
import type { Actor } from '../core/requestValues.js'
import { chunks, eventRow, insertEvents, inTransaction, isMysqlFamily } from '../core/transaction.js'
import { ImportUndoRefused } from './importUndoRefused.js'
import { tableOf } from '../core/tableNames.js'
import { refreshClientAdvisors } from '../core/clientAdvisors.js'
import { ClientCustomValue } from '../../entities/ClientCustomValue.js'
import { ClientTag } from '../../entities/ClientTag.js'

export interface UndoneImport {
  commissions: number
  contracts: number
  clients: number
}

/** What undo removed, and the upload the batch still held (a failed import keeps it until its undo). */
export interface UndoneBatch extends UndoneImport {
  uploadId: string | null
}

// A client the batch created stays if anything but its `imported` event refers to it (table
// names from TypeORM's metadata, so a host's naming strategy or prefix is followed).
function clientUnused(manager: EntityManager): string {
  const t = (entity: Parameters<typeof tableOf>[1]) => tableOf(manager.connection, entity)
  const clients = t(Client)
  return [
    `NOT EXISTS (SELECT 1 FROM ${t(Contract)} k WHERE k.clientId = ${clients}.id)`,
    `NOT EXISTS (SELECT 1 FROM ${t(Commission)} m WHERE m.clientId = ${clients}.id)`,
    `NOT EXISTS (SELECT 1 FROM ${t(ClientNote)} n WHERE n.clientId = ${clients}.id)`,
    `NOT EXISTS (SELECT 1 FROM ${t(EmailLog)} l WHERE l.clientId = ${clients}.id)`,
    `NOT EXISTS (SELECT 1 FROM ${t(ClientEvent)} e WHERE e.clientId = ${clients}.id AND e.type <> 'imported')`,
  ].join(' AND ')
}

/** Per client, how many rows of the batch (commissions or contracts, `where` on alias `r`) there are. */
async function perClient(
  manager: EntityManager,
  entity: typeof Commission | typeof Contract,
  batchId: number,
  where = '1 = 1',
): Promise<Map<number, number>> {
  const rows = await manager
    .createQueryBuilder(entity, 'r')
    .select('r.clientId', 'clientId')
    .addSelect('COUNT(*)', 'n')
    .where('r.importBatchId = :batchId', { batchId })
    .andWhere(where)
    .groupBy('r.clientId')
    .getRawMany<{ clientId: number | null; n: number | string }>()
  const counts = new Map<number, number>()
  for (const row of rows) if (row.clientId !== null) counts.set(Number(row.clientId), Number(row.n))
  return counts
}

/** An `import_undone` event for every client still there that lost commissions or contracts. */
async function recordUndone(
  manager: EntityManager,
  actor: Actor,
  batchId: number,
  lost: { commissions: Map<number, number>; contracts: Map<number, number> },
) {
  const touched = [...new Set([...lost.commissions.keys(), ...lost.contracts.keys()])]
  const kept: number[] = []
  for (const part of chunks(touched)) {
    const rows = await manager
      .createQueryBuilder(Client, 'c')
      .select('c.id', 'id')
      .where('c.id IN (:...part)', { part })
      .getRawMany<{ id: number }>()
    kept.push(...rows.map((r) => Number(r.id)))
  }
  await insertEvents(
    manager,
    kept.map((id) =>
      eventRow(actor, id, 'import_undone', null, null, {
        importBatchId: batchId,
        commissions: lost.commissions.get(id) ?? 0,
        contracts: lost.contracts.get(id) ?? 0,
      }),
    ),
  )
}

/**
 * Removes what a batch created, in one transaction: its commissions, then its contracts and
 * clients that nothing else uses now. The clients' history stays (unlinked, as for any client
 * removed for good); a client that stays and lost commissions or contracts gets an
 * `import_undone` event; the batch is kept, marked undone, with who did it.
 * Throws ImportUndoRefused when the batch is missing, queued or running (a worker may hold it),
 * or already undone: the batch row is locked first, so a worker cannot claim it meanwhile.
 */
export function undoImport(dataSource: DataSource, actor: Actor, batchId: number): Promise<UndoneBatch> {
  return inTransaction(dataSource, async (manager) => {
    const batch = await manager.findOne(ImportBatch, {
      where: { id: batchId },
      lock: isMysqlFamily(dataSource) ? { mode: 'pessimistic_write' } : undefined,
    })
    if (!batch) throw new ImportUndoRefused('notFound')
    if (batch.status === 'queued' || batch.status === 'running' || batch.status === 'undone')
      throw new ImportUndoRefused(batch.status)
    const lostCommissions = await perClient(manager, Commission, batchId)
    const commissions = await manager.delete(Commission, { importBatchId: batchId })
    // A contract of the batch goes once no commission refers to it (`ref`: the contract's table or alias).
    const unusedContract = (ref: string) =>
      `NOT EXISTS (SELECT 1 FROM ${tableOf(manager.connection, Commission)} m WHERE m.contractId = ${ref}.id)`
    const lostContracts = await perClient(manager, Contract, batchId, unusedContract('r'))
    // Whose advisors the removed contracts gave (refreshed once they are gone).
    const owners: { clientId: number | null }[] = await manager
      .createQueryBuilder(Contract, 'k')
      .select('DISTINCT k.clientId', 'clientId')
      .where('k.importBatchId = :batchId', { batchId })
      .andWhere('k.advisorId IS NOT NULL')
      .getRawMany()
    const contracts = await manager
      .createQueryBuilder()
      .delete()
      .from(Contract)
      .where('importBatchId = :batchId', { batchId })
      .andWhere(unusedContract(tableOf(manager.connection, Contract)))
      .execute()
    // The clients that go, with the custom values and tag links the import gave them (explicitly:
    // the same result where foreign keys are not enforced).
    const going: { id: number }[] = await manager.query(
      `SELECT id FROM ${tableOf(manager.connection, Client)} WHERE importBatchId = ? AND ${clientUnused(manager)}`,
      [batchId],
    )
    let clientsRemoved = 0
    for (const part of chunks(going.map((c) => Number(c.id)))) {
      await manager.delete(ClientCustomValue, { clientId: In(part) })
      await manager.delete(ClientTag, { clientId: In(part) })
      clientsRemoved += (await manager.delete(Client, { id: In(part) })).affected ?? 0
    }
    await recordUndone(manager, actor, batchId, { commissions: lostCommissions, contracts: lostContracts })
    await refreshClientAdvisors(
      manager,
      owners.map((o) => Number(o.clientId)),
    )
    await manager.update(
      ImportBatch,
      { id: batchId },
      { status: 'undone', undoneAt: new Date(), undoneBy: actor.email ?? null },
    )
    return {
      uploadId: batch.uploadId,
      commissions: commissions.affected ?? 0,
      contracts: contracts.affected ?? 0,
      clients: clientsRemoved,
    }
  })
}
