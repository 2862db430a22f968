import { In, type DataSource } from 'typeorm'
import { Commission } from '../../entities/Commission.js'
import { COMMISSION_STATUSES } from '../../entities/columns.js'
import { inTransaction } from '../core/transaction.js'

export interface CommissionFilters {
  periodFrom: string | null
  periodTo: string | null
  advisorId: number | null
  clientId: number | null
  contractId: number | null
  status: string | null
  importBatchId: number | null
}

const id = (value: unknown) => (Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : null)
const day = (value: unknown) =>
  /^\d{4}-\d{2}-\d{2}/.test(String(value ?? '')) ? String(value).slice(0, 10) : null

/** The Commission list's filters as AdminJS sends them (`filters.period~~from`, …); the rest ignored. */
export function readCommissionFilters(filters: Record<string, unknown> = {}): CommissionFilters {
  const status = String(filters.status ?? '')
  return {
    periodFrom: day(filters['period~~from']),
    periodTo: day(filters['period~~to']),
    advisorId: id(filters.advisorId),
    clientId: id(filters.clientId),
    contractId: id(filters.contractId),
    status: (COMMISSION_STATUSES as readonly string[]).includes(status) ? status : null,
    importBatchId: id(filters.importBatchId),
  }
}

/** Count and sum of the filtered commissions, in one query (the amount summed by the database, as a string). */
export async function commissionTotals(
  dataSource: DataSource,
  filters: CommissionFilters,
): Promise<{ count: number; total: string }> {
  const qb = dataSource.getRepository(Commission).createQueryBuilder('m').select('COUNT(*)', 'count')
  qb.addSelect('COALESCE(SUM(m.amount), 0)', 'total')
  if (filters.periodFrom) qb.andWhere('m.period >= :from', { from: filters.periodFrom })
  if (filters.periodTo) qb.andWhere('m.period <= :to', { to: filters.periodTo })
  for (const key of ['advisorId', 'clientId', 'contractId', 'status', 'importBatchId'] as const) {
    if (filters[key] !== null) qb.andWhere(`m.${key} = :${key}`, { [key]: filters[key] })
  }
  const row = await qb.getRawOne<{ count: number | string; total: number | string }>()
  return { count: Number(row?.count ?? 0), total: Number(row?.total ?? 0).toFixed(2) }
}

/** Pending commissions become paid, in one UPDATE; those already paid or cancelled are left alone. */
export async function markCommissionsPaid(
  dataSource: DataSource,
  ids: number[],
): Promise<{ paid: number; skipped: number }> {
  const unique = [...new Set(ids.filter((i) => Number.isInteger(i)))]
  if (unique.length === 0) return { paid: 0, skipped: 0 }
  // Through the transaction helper: a held database is a ConcurrentChangeError, and on SQLite
  // the update waits for (rather than joins) a transaction running on the shared connection.
  const result = await inTransaction(dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .update(Commission)
      .set({ status: 'paid' })
      .where({ id: In(unique), status: 'pending' })
      .execute(),
  )
  const paid = result.affected ?? 0
  return { paid, skipped: unique.length - paid }
}
