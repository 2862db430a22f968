import type { DataSource } from 'typeorm'
import { Commission } from '../../entities/Commission.js'
import { COMMISSION_STATUSES } from '../../entities/columns.js'

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
