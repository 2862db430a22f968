import type { DataSource } from 'typeorm'
import { Contract } from '../../entities/Contract.js'
import { MAX_CONTRACT_CHOICE } from '../../shared/limits.js'

/** An active contract as the suspend and ban forms offer it. */
export interface ActiveContract {
  id: number
  reference: string
  product: string | null
  premium: string | null
}

/**
 * The client's active contracts for the suspend and ban forms, in one query: all of them up to
 * MAX_CONTRACT_CHOICE (what the form can send back as `contractIds`), and how many there are.
 */
export async function activeContractsOf(
  dataSource: DataSource,
  clientId: number,
): Promise<{ contracts: ActiveContract[]; total: number }> {
  const query = dataSource
    .getRepository(Contract)
    .createQueryBuilder('k')
    .select(['k.id', 'k.reference', 'k.product', 'k.premium'])
    .where('k.clientId = :clientId AND k.status = :status', { clientId, status: 'active' })
  const rows = await query
    .clone()
    .orderBy('k.reference', 'ASC')
    .addOrderBy('k.id', 'ASC')
    .take(MAX_CONTRACT_CHOICE + 1)
    .getMany()
  // Past the bound only: one more statement for the count the form shows.
  const total = rows.length > MAX_CONTRACT_CHOICE ? await query.getCount() : rows.length
  const contracts = rows.slice(0, MAX_CONTRACT_CHOICE).map((k) => ({
    id: k.id,
    reference: k.reference,
    product: k.product ?? null,
    premium: k.premium ?? null,
  }))
  return { contracts, total }
}
