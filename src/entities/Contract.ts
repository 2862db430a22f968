import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm'
import { Advisor } from './Advisor.js'
import { Client } from './Client.js'
import { decimalString, type ContractStatus } from './columns.js'

@Entity({ name: 'contracts' })
@Index('IDX_contracts_clientId_status', ['clientId', 'status'])
// "Clients of this advisor" reads only this index.
@Index('IDX_contracts_advisorId_clientId', ['advisorId', 'clientId'])
export class Contract extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('UQ_contracts_reference', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  reference!: string

  // SET NULL, never CASCADE: removing a client for good keeps its contracts.
  @Column({ type: 'int', nullable: true })
  clientId!: number | null

  @ManyToOne(() => Client, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client> | null

  @Column({ type: 'int', nullable: true })
  advisorId!: number | null

  @ManyToOne(() => Advisor, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'advisorId' })
  advisor?: Relation<Advisor> | null

  @Column({ type: 'varchar', length: 120 })
  product!: string

  @Index('IDX_contracts_status')
  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: ContractStatus

  @Column({ type: 'date', nullable: true })
  startDate!: string | null

  @Column({ type: 'date', nullable: true })
  endDate!: string | null

  @Column({ type: 'decimal', precision: 12, scale: 2, nullable: true, transformer: decimalString(2) })
  premium!: string | null

  // The commission import that created this contract (undoing it removes the contract if unused).
  @Index('IDX_contracts_importBatchId')
  @Column({ type: 'int', nullable: true })
  importBatchId!: number | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date
}
