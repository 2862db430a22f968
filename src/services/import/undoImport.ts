import type { DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { ImportBatch } from '../../entities/ImportBatch.js'
import type { Actor } from '../core/actor.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import { ImportUndoRefused } from './importUndoRefused.js'

export interface UndoneImport {
  commissions: number
  contracts: number
  clients: number
}

// A client the batch created stays if anything but its `imported` event refers to it.
const CLIENT_UNUSED = [
  'NOT EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = clients.id)',
  'NOT EXISTS (SELECT 1 FROM commissions m WHERE m.clientId = clients.id)',
  'NOT EXISTS (SELECT 1 FROM client_notes n WHERE n.clientId = clients.id)',
  'NOT EXISTS (SELECT 1 FROM email_logs l WHERE l.clientId = clients.id)',
  "NOT EXISTS (SELECT 1 FROM client_events e WHERE e.clientId = clients.id AND e.type <> 'imported')",
]

/**
 * Removes what a batch created, in one transaction: its commissions, then its contracts and
 * clients that nothing else uses now. The clients' history stays (unlinked, as for any client
 * removed for good); the batch is kept, marked undone, with who did it.
 * Throws ImportUndoRefused when the batch is missing, running or already undone.
 */
export function undoImport(dataSource: DataSource, actor: Actor, batchId: number): Promise<UndoneImport> {
  return inTransaction(dataSource, async (manager) => {
    const batch = await manager.findOne(ImportBatch, {
      where: { id: batchId },
      lock: isMysqlFamily(dataSource) ? { mode: 'pessimistic_write' } : undefined,
    })
    if (!batch) throw new ImportUndoRefused('notFound')
    if (batch.status === 'running' || batch.status === 'undone') throw new ImportUndoRefused(batch.status)
    const commissions = await manager.delete(Commission, { importBatchId: batchId })
    const contracts = await manager
      .createQueryBuilder()
      .delete()
      .from(Contract)
      .where('importBatchId = :batchId', { batchId })
      .andWhere('NOT EXISTS (SELECT 1 FROM commissions m WHERE m.contractId = contracts.id)')
      .execute()
    const clients = await manager
      .createQueryBuilder()
      .delete()
      .from(Client)
      .where('importBatchId = :batchId', { batchId })
      .andWhere(CLIENT_UNUSED.join(' AND '))
      .execute()
    await manager.update(
      ImportBatch,
      { id: batchId },
      { status: 'undone', undoneAt: new Date(), undoneBy: actor.email ?? null },
    )
    return {
      commissions: commissions.affected ?? 0,
      contracts: contracts.affected ?? 0,
      clients: clients.affected ?? 0,
    }
  })
}
