import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

export const TICKET_STATUSES = ['open', 'waiting', 'closed'] as const
export const TICKET_PRIORITIES = ['low', 'normal', 'high'] as const

/** The demo host's own support tickets, shown on the client page through `clientTabs`. */
@Entity({ name: 'demo_tickets' })
export class Ticket extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('IDX_demo_tickets_clientId')
  @Column({ type: 'int', nullable: true })
  clientId!: number | null

  @Column({ type: 'varchar', length: 200 })
  subject!: string

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: (typeof TICKET_STATUSES)[number]

  @Column({ type: 'varchar', length: 16, default: 'normal' })
  priority!: (typeof TICKET_PRIORITIES)[number]

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
