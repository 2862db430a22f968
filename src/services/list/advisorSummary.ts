import type { DataSource } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'

export interface AdvisorSummary {
  /** Clients whose referent the advisor is (deleted ones left out). */
  clients: number
  /** The advisor's contracts, by status. */
  contracts: Record<string, number>
  /** Commissions of the last 12 months that have any, newest first. */
  months: { period: string; count: number; total: string }[]
}

/** What an advisor's page shows besides its fields: three grouped queries. */
export async function advisorSummary(dataSource: DataSource, advisorId: number): Promise<AdvisorSummary> {
  const [clients, contracts, months] = await Promise.all([
    dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where('c.advisorId = :advisorId', { advisorId })
      .andWhere("c.status <> 'deleted'")
      .select('COUNT(*)', 'n')
      .getRawOne<{ n: number | string }>(),
    dataSource
      .getRepository(Contract)
      .createQueryBuilder('k')
      .select('k.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('k.advisorId = :advisorId', { advisorId })
      .groupBy('k.status')
      .getRawMany<{ status: string; n: number | string }>(),
    dataSource
      .getRepository(Commission)
      .createQueryBuilder('m')
      .select('m.period', 'period')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(m.amount)', 'total')
      .where('m.advisorId = :advisorId', { advisorId })
      .groupBy('m.period')
      .orderBy('m.period', 'DESC')
      .limit(12)
      .getRawMany<{ period: string | Date; n: number | string; total: number | string }>(),
  ])
  return {
    clients: Number(clients?.n ?? 0),
    contracts: Object.fromEntries(contracts.map((r) => [r.status, Number(r.n)])),
    months: months.map((r) => ({
      period: (r.period instanceof Date ? r.period.toISOString() : String(r.period)).slice(0, 10),
      count: Number(r.n),
      total: Number(r.total).toFixed(2),
    })),
  }
}
