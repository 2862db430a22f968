import { In } from 'typeorm'
import { Commission } from '../../entities/Commission.js'
import { inTransaction } from '../core/transaction.js'
import type { LifecycleDeps } from './lifecycleDeps.js'

/** Pending commissions become paid, in one UPDATE; those already paid or cancelled are left alone. */
export async function markCommissionsPaid(
  { dataSource }: Pick<LifecycleDeps, 'dataSource'>,
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
