import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

export const INVOICE_STATUSES = ['draft', 'sent', 'paid', 'overdue'] as const

/**
 * The demo host's own invoices: not part of the plugin, shown on the client page as a tab through
 * the `clientTabs` option (the way a host adds any resource that references a client).
 */
@Entity({ name: 'demo_invoices' })
export class Invoice extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('UQ_demo_invoices_number', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  number!: string

  // A plain id, no foreign key: the host's tables need not know the plugin's.
  @Index('IDX_demo_invoices_clientId')
  @Column({ type: 'int', nullable: true })
  clientId!: number | null

  @Column({ type: 'date' })
  issuedOn!: string

  @Column({ type: 'decimal', precision: 12, scale: 2 })
  total!: string

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: (typeof INVOICE_STATUSES)[number]

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
