import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** The demo's own panel users (the plugin does not manage who logs into AdminJS). */
@Entity({ name: 'demo_admin_users' })
export class AdminUser extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('UQ_demo_admin_users_email', { unique: true })
  @Column({ type: 'varchar', length: 255 })
  email!: string

  @Column({ type: 'varchar', length: 32 })
  role!: string

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash?: string

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
