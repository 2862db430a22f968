import type { DataSource, EntityManager } from 'typeorm'
import { Campaign } from '../../entities/Campaign.js'
import { isMysqlFamily } from '../core/transaction.js'

/**
 * The campaign, its row locked for the rest of the transaction (MySQL/MariaDB `FOR UPDATE`; SQLite's
 * transactions wait for each other): the planning and the release of one campaign run one at a
 * time across every instance.
 */
export async function lockCampaign(
  dataSource: DataSource,
  manager: EntityManager,
  id: number,
): Promise<Campaign | null> {
  const qb = manager.createQueryBuilder(Campaign, 'k').where('k.id = :id', { id })
  if (isMysqlFamily(dataSource)) qb.setLock('pessimistic_write')
  return qb.getOne()
}
