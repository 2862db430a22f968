import type { DataSource, EntityManager } from 'typeorm'
import { AdminAuditEntry } from '../../entities/AdminAuditEntry.js'
import type { AdminAuditAction } from '../../entities/columns.js'
import { normalizeIp, type Actor } from './requestValues.js'
import { inTransaction } from './transaction.js'

export interface AuditEntry {
  action: AdminAuditAction
  resourceId: string | null
  rowCount: number
  /** What was asked (filters, columns, months…): never a value of a row, never a secret. */
  details: Record<string, unknown>
}

/** One entry of the admin audit trail: who, from where, what, how many rows; in the caller's transaction. */
export async function writeAudit(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
  await manager.insert(AdminAuditEntry, {
    action: entry.action,
    actor: actor.email,
    ip: normalizeIp(actor.ip),
    resourceId: entry.resourceId,
    rowCount: entry.rowCount,
    // Plain JSON; TypeORM's deep-partial type cannot tell.
    details: entry.details as never,
  })
}

/** The same, as a transaction of its own (an export changes nothing else). */
export const recordAudit = (dataSource: DataSource, actor: Actor, entry: AuditEntry) =>
  inTransaction(dataSource, (manager) => writeAudit(manager, actor, entry))
