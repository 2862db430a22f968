import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm'
import type { ExportColumn } from '../../shared/exportColumns.js'

/**
 * Adds the chosen columns of a Contract or Commission export to the list's query (alias `r`):
 * a client, advisor or contract by a LEFT JOIN on the same statement, never a query per row.
 */
export function selectRecordColumns(qb: SelectQueryBuilder<ObjectLiteral>, columns: ExportColumn[]): void {
  qb.addSelect('r.id', 'id')
  for (const column of columns) {
    qb.addSelect(`r.${column.key}`, column.key)
    if (column.key === 'clientId') {
      qb.leftJoin('r.client', 'xc')
      qb.addSelect('xc.clientNumber', 'xc_number')
      qb.addSelect('xc.lastName', 'xc_last')
      qb.addSelect('xc.firstName', 'xc_first')
    } else if (column.key === 'advisorId') {
      qb.leftJoin('r.advisor', 'xa')
      qb.addSelect('xa.code', 'xa_number')
      qb.addSelect('xa.lastName', 'xa_last')
      qb.addSelect('xa.firstName', 'xa_first')
    } else if (column.key === 'contractId') {
      qb.leftJoin('r.contract', 'xk')
      qb.addSelect('xk.reference', 'xk_reference')
    }
  }
}

/** A joined person as one cell: `C7K2M9QX4 Dupont Jean` (what the list's link names). */
export function personCell(row: Record<string, unknown>, key: string): string | null {
  const prefix = key === 'clientId' ? 'xc' : 'xa'
  if (row[key] === null || row[key] === undefined) return null
  return [row[`${prefix}_number`], row[`${prefix}_last`], row[`${prefix}_first`]].filter(Boolean).join(' ')
}
