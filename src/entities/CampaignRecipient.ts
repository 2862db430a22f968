import { BaseEntity, Column, Entity, Index, PrimaryColumn } from 'typeorm'
import type { CampaignSkipReason, RecipientStatus } from './columns.js'

/**
 * A client of a campaign's segment, frozen when it starts: one row per (campaign, client), so a
 * retry, a second instance or a restart after a crash never adds anyone twice. `releasedAt` is
 * when its email went to the outbox (email_logs' row of the same (campaignId, clientId)): the
 * throttle counts those of the last minute.
 */
@Entity({ name: 'campaign_recipients' })
@Index('IDX_campaign_recipients_campaign_status', ['campaignId', 'status', 'clientId'])
@Index('IDX_campaign_recipients_campaign_released', ['campaignId', 'releasedAt'])
export class CampaignRecipient extends BaseEntity {
  @PrimaryColumn({ type: 'int' })
  campaignId!: number

  @PrimaryColumn({ type: 'int' })
  clientId!: number

  @Column({ type: 'varchar', length: 16 })
  status!: RecipientStatus

  @Column({ type: 'varchar', length: 16, nullable: true })
  skipReason!: CampaignSkipReason | null

  @Column({ type: 'datetime', nullable: true })
  releasedAt!: Date | null
}
