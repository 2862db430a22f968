import type { DataSource } from 'typeorm'
import { CampaignRecipient } from '../../entities/CampaignRecipient.js'
import type { Actor } from '../core/requestValues.js'
import { writeAudit } from '../core/adminAudit.js'
import { inTransaction } from '../core/transaction.js'
import type { ClientList } from '../list/clientList.js'
import { segmentPage, segmentQuery, skipReason, type RecipientRow } from './campaignSegment.js'
import { lockCampaign } from './campaignRows.js'
import { Campaign } from '../../entities/Campaign.js'

/**
 * One step of freezing a started campaign's segment: the next keyset page of the list after the
 * stored cursor becomes recipient rows (`held`, or `skipped` with the reason), and the cursor
 * moves on, in one transaction that holds the campaign's row. A second instance waits for it and
 * goes on from the new cursor; a step run again after a crash adds nobody twice (the primary key
 * (campaign, client), inserts that ignore what is there). The last page marks it planned, with its
 * counts, and writes the campaign's one audit entry (who started it, its segment, its count).
 * Returns true when planning is over.
 */
export async function planStep(
  dataSource: DataSource,
  clients: ClientList,
  campaignId: number,
  pageSize?: number,
): Promise<boolean> {
  return inTransaction(dataSource, async (manager) => {
    const campaign = await lockCampaign(dataSource, manager, campaignId)
    if (!campaign || campaign.status !== 'sending' || campaign.plannedAt) return true
    const query = segmentQuery(campaign.segment)
    const page = await segmentPage(clients, query, campaign.planCursor, pageSize)
    const rows = (page.rows as RecipientRow[]).map((row) => {
      const reason = skipReason(row, campaign.includeUnconfirmed)
      return {
        campaignId,
        clientId: Number(row.id),
        status: reason ? ('skipped' as const) : ('held' as const),
        skipReason: reason,
      }
    })
    for (let i = 0; i < rows.length; i += 500) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(CampaignRecipient)
        .values(rows.slice(i, i + 500))
        .orIgnore()
        .updateEntity(false)
        .execute()
    }
    if (page.cursor) {
      await manager.update(Campaign, { id: campaignId }, { planCursor: page.cursor as never })
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
