import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm'
import type { CampaignStatus } from './columns.js'

/** A campaign's message in one language: a subject and a text with merge fields (`{{firstName}}`…). */
export interface CampaignMessage {
  subject: string
  text: string
}

/**
 * An email written once to a segment of clients, in each one's language (issue 29). The segment is
 * the client list's query as its URL carries it (`filters.status`, `filters.tags`…), checked with
 * the list's own rules; `viewId` names the saved view it came from (no link yet).
 */
@Entity({ name: 'campaigns' })
@Index('IDX_campaigns_status_scheduledAt', ['status', 'scheduledAt'])
export class Campaign extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'varchar', length: 120 })
  name!: string

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: CampaignStatus

  /** The client list's parameters, flat (`{ "filters.status": "active" }`). */
  @Column({ type: 'simple-json' })
  segment!: Record<string, string>

  /** The saved view the segment was taken from, if any (no foreign key yet). */
  @Column({ type: 'int', nullable: true })
  viewId!: number | null

  /** The message per language (`fr`, `en`); a language without one uses `templateKey`'s, or the other's. */
  @Column({ type: 'simple-json' })
  messages!: Partial<Record<string, CampaignMessage>>

  /** A message template (kind `message`) the messages were started from. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  templateKey!: string | null

  /** Mail clients whose address is not confirmed yet too. */
  @Column({ type: 'boolean', default: false })
  includeUnconfirmed!: boolean

  /** Emails released to the outbox per minute, across every instance. */
  @Column({ type: 'int' })
  throttlePerMinute!: number

  @Column({ type: 'datetime', nullable: true })
  scheduledAt!: Date | null

  /** Where the freezing of the recipients is (`[last client id done]`); null: not started. */
  @Column({ type: 'simple-json', nullable: true })
  planCursor!: unknown[] | null

  /** Set once every recipient is frozen. */
  @Column({ type: 'datetime', nullable: true })
  plannedAt!: Date | null

  @Column({ type: 'int', default: 0 })
  recipientCount!: number

  @Column({ type: 'int', default: 0 })
  skippedCount!: number

  @Column({ type: 'datetime', nullable: true })
  startedAt!: Date | null

  @Column({ type: 'datetime', nullable: true })
  finishedAt!: Date | null

  @Column({ type: 'varchar', length: 255, nullable: true })
  createdBy!: string | null

  @Column({ type: 'varchar', length: 255, nullable: true })
  startedBy!: string | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date
}
