import type { RecordList, RecordListQuery } from './recordList.js'

/**
 * Count and sum of the commissions the list shows (the list's own filtered query), in one
 * statement; the amount summed by the database, as a string.
 */
export async function commissionTotals(
  list: RecordList,
  query: RecordListQuery,
): Promise<{ count: number; total: string }> {
  const row = await list
    .filtered(query, 'm')
    .select('COUNT(*)', 'count')
    .addSelect('COALESCE(SUM(m.amount), 0)', 'total')
    .getRawOne<{ count: number | string; total: number | string }>()
  return { count: Number(row?.count ?? 0), total: Number(row?.total ?? 0).toFixed(2) }
}
