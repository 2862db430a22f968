import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm'
import { Client } from './Client.js'
import type { EmailStatus } from './columns.js'

@Entity({ name: 'email_logs' })
@Index('IDX_email_logs_clientId_createdAt', ['clientId', 'createdAt'])
export class EmailLog extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'int', nullable: true })
  clientId!: number | null

  @ManyToOne(() => Client, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client> | null

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

  @Index('IDX_email_logs_createdAt')
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
