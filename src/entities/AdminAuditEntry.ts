import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { AdminAuditAction } from './columns.js'

/**
 * What an admin did that is not a change of one client: a list exported (personal data leaving
 * the system), a retention run. Who, when, from where, what exactly (filters, columns) and how many rows.
 */
@Entity({ name: 'client_admin_audit' })
@Index('IDX_client_admin_audit_createdAt', ['createdAt'])
export class AdminAuditEntry extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('IDX_client_admin_audit_action')
  @Column({ type: 'varchar', length: 32 })
  action!: AdminAuditAction

  // Admin email, or the name of the system job (the retention CLI).
  @Column({ type: 'varchar', length: 255, nullable: true })
  actor!: string | null

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null

  // The resource concerned (`Client`, `Contract`…).
  @Column({ type: 'varchar', length: 64, nullable: true })
  resourceId!: string | null

  @Column({ type: 'int', default: 0 })
  rowCount!: number

  // Filters, sort, columns, language; never a value of a row.
  @Column({ type: 'simple-json', nullable: true })
  details!: Record<string, unknown> | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
