import type { DataSource } from 'typeorm'
import { CampaignRecipient } from '../../entities/CampaignRecipient.js'
import type { Actor } from '../core/requestValues.js'
import { writeAudit } from '../core/adminAudit.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import { tableOf } from '../core/tableNames.js'
import { Client } from '../../entities/Client.js'
import type { ClientList } from '../list/clientList.js'
import { segmentQuery, skipReasonSql } from './campaignSegment.js'
import { lockCampaign } from './campaignRows.js'
import { Campaign } from '../../entities/Campaign.js'

/** Clients per plan step: one INSERT … SELECT over this many ids, one transaction. */
export const PLAN_CHUNK = 20_000

/**
 * One step of freezing a started campaign's segment: the segment's clients among the next
 * `chunk` ids after the stored cursor become recipient rows (`held`, or `skipped` with the
 * reason, judged by the database as `skipReason` judges a row) with one INSERT … SELECT that
 * reads nothing into memory, and the cursor moves on, in one transaction that holds the
 * campaign's row. A second instance waits for it and goes on from the new cursor; a step run
 * again after a crash adds nobody twice (the primary key (campaign, client), an insert that
 * ignores what is there). The last step marks it planned, with its counts, and writes the
 * campaign's one audit entry (who started it, its segment, its count). Returns true when
 * planning is over.
 */
export async function planStep(
  dataSource: DataSource,
  clients: ClientList,
  campaignId: number,
  chunk = PLAN_CHUNK,
): Promise<boolean> {
  return inTransaction(dataSource, async (manager) => {
    const campaign = await lockCampaign(dataSource, manager, campaignId)
    if (!campaign || campaign.status !== 'sending' || campaign.plannedAt) return true
    const after = Number(campaign.planCursor?.[0] ?? 0)
    const table = tableOf(dataSource, Client)
    // The chunk's last id (the primary key's index, no scan): none when fewer are left.
    const [edge]: { id: number | string }[] = await manager.query(
      `SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?`,
      [after, chunk - 1],
    )
    const upto = edge ? Number(edge.id) : null
    const qb = await clients.filteredQuery(segmentQuery(campaign.segment))
    const reason = skipReasonSql('c', campaign.includeUnconfirmed)
    qb.select(String(Number(campaignId)), 'campaignId')
      .addSelect('c.id', 'clientId')
      .addSelect(`CASE WHEN (${reason}) IS NULL THEN 'held' ELSE 'skipped' END`, 'status')
      .addSelect(reason, 'skipReason')
      .andWhere('c.id > :planAfter', { planAfter: after })
    if (upto !== null) qb.andWhere('c.id <= :planUpto', { planUpto: upto })
    const [select, parameters] = qb.getQueryAndParameters()
    const ignore = isMysqlFamily(dataSource) ? 'INSERT IGNORE' : 'INSERT OR IGNORE'
    // By name from a derived table: the query builder puts the id first whatever the order given.
    await manager.query(
      `${ignore} INTO ${tableOf(dataSource, CampaignRecipient)} (campaignId, clientId, status, skipReason) ` +
        `SELECT s.campaignId, s.clientId, s.status, s.skipReason FROM (${select}) s`,
      parameters,
    )
    if (upto !== null) {
      await manager.update(Campaign, { id: campaignId }, { planCursor: [upto] as never })
      return false
    }
    const counts: { status: string; n: number | string }[] = await manager
      .createQueryBuilder(CampaignRecipient, 'r')
      .select('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.campaignId = :campaignId', { campaignId })
      .groupBy('r.status')
      .getRawMany()
    const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0)
    const recipientCount = count('held')
    const skippedCount = count('skipped')
    await manager.update(
      Campaign,
      { id: campaignId },
      { planCursor: null, plannedAt: new Date(), recipientCount, skippedCount },
    )
    const actor: Actor = { email: campaign.startedBy, ip: null, type: 'admin' }
    await writeAudit(manager, actor, {
      action: 'campaign_started',
      resourceId: 'Campaign',
      rowCount: recipientCount,
      details: {
        campaignId,
        name: campaign.name,
        segment: campaign.segment,
        viewId: campaign.viewId,
        skipped: skippedCount,
      },
    })
    return true
  })
}
