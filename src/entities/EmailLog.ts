import { Column, Entity, Index } from 'typeorm'
import { ClientHistoryRecord } from './ClientHistoryRecord.js'
import type { EmailStatus } from './columns.js'

/**
 * An email to a client, from the moment it is queued (in the transaction of the change that
 * causes it) to `sent` or `failed`: the outbox the delivery worker reads, and the log the panel shows.
 */
@Entity({ name: 'email_logs' })
@Index('IDX_email_logs_clientId_createdAt', ['clientId', 'createdAt'])
@Index('IDX_email_logs_createdAt', ['createdAt'])
// The worker's claim: due rows by status, oldest next attempt first.
@Index('IDX_email_logs_status_nextAttemptAt', ['status', 'nextAttemptAt'])
// A campaign mails a client once: a second row for the same (campaign, client) is refused (NULLs never clash).
@Index('UQ_email_logs_campaignId_clientId', ['campaignId', 'clientId'], { unique: true })
// A campaign's release counts its unsent emails and those sent in the last minute (its throttle).
@Index('IDX_email_logs_campaign_status_sentAt', ['campaignId', 'status', 'sentAt'])
export class EmailLog extends ClientHistoryRecord {
  @Column({ type: 'varchar', length: 255 })
  to!: string

  @Column({ type: 'varchar', length: 255 })
  subject!: string

  @Column({ type: 'varchar', length: 64, nullable: true })
  template!: string | null

  // What the panel shows: a token in a link is masked.
  @Column({ type: 'text' })
  body!: string

  @Column({ type: 'varchar', length: 16 })
  status!: EmailStatus

  // The last error the transport gave (kept when the email finally goes out or fails).
  @Column({ type: 'text', nullable: true })
  error!: string | null

  // Fixed when queued (`<uuid@sender's domain>`): a retry after a crash is the same email.
  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId!: string | null

  // Who had it sent: an admin's email, or null for the system.
  @Column({ type: 'varchar', length: 255, nullable: true })
  actor!: string | null

  // Sending attempts started so far (a claim counts, even if the process dies during the send).
  @Column({ type: 'int', default: 0 })
  attempts!: number

  // When the worker may take it: the next try of a queued row, the lease end of a sending one.
  @Column({ type: 'datetime', nullable: true })
  nextAttemptAt!: Date | null

  // A sending row belongs to `claimedBy` until then; after it, the row is due again.
  @Column({ type: 'datetime', nullable: true })
  leaseUntil!: Date | null

  // The claim that holds (or last held) the row: worker id and claim number.
  @Column({ type: 'varchar', length: 100, nullable: true })
  claimedBy!: string | null

  // The campaign this email belongs to (issue 29), null for every other email.
  @Column({ type: 'int', nullable: true })
  campaignId!: number | null

  // When the outbox recorded it sent (a campaign's throttle counts the sends of the last minute).
  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null

  // What is really sent (the text with its token, as JSON), until it is sent: a secret, never shown.
  @Column({ type: 'text', nullable: true, select: false })
  pendingContent!: string | null
}
