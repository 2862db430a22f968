import { Column, Entity, Index } from 'typeorm'
import { ClientHistoryRecord } from './ClientHistoryRecord.js'
import type { EmailStatus } from './columns.js'

@Entity({ name: 'email_logs' })
@Index('IDX_email_logs_clientId_createdAt', ['clientId', 'createdAt'])
@Index('IDX_email_logs_createdAt', ['createdAt'])
export class EmailLog extends ClientHistoryRecord {
  @Column({ type: 'varchar', length: 255 })
  to!: string

  @Column({ type: 'varchar', length: 255 })
  subject!: string

  @Column({ type: 'varchar', length: 64, nullable: true })
  template!: string | null

  @Column({ type: 'text' })
  body!: string

  @Index('IDX_email_logs_status')
  @Column({ type: 'varchar', length: 16 })
  status!: EmailStatus

  @Column({ type: 'text', nullable: true })
  error!: string | null

  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId!: string | null

  // Who had it sent: an admin's email, or null for the system.
  @Column({ type: 'varchar', length: 255, nullable: true })
  actor!: string | null
}
