import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm'

@Entity({ name: 'advisors' })
export class Advisor extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('UQ_advisors_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string

  @Index('IDX_advisors_lastName')
  @Column({ type: 'varchar', length: 100 })
  lastName!: string

  @Column({ type: 'varchar', length: 100, nullable: true })
  firstName!: string | null

  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null

  // Deactivating keeps the advisor's clients, contracts and commissions linked.
  @Column({ type: 'boolean', default: true })
  active!: boolean

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date
}
