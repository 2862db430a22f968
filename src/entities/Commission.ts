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
import { Advisor } from './Advisor.js'
import { Client } from './Client.js'
import { Contract } from './Contract.js'
import { decimalString, type CommissionStatus } from './columns.js'

@Entity({ name: 'commissions' })
@Index('IDX_commissions_clientId_period', ['clientId', 'period'])
@Index('IDX_commissions_advisorId_period', ['advisorId', 'period'])
export class Commission extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('IDX_commissions_contractId')
  @Column({ type: 'int', nullable: true })
  contractId!: number | null

  @ManyToOne(() => Contract, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contractId' })
  contract?: Relation<Contract> | null

  // SET NULL, never CASCADE: commissions are never lost with a client.
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

  @Column({ type: 'decimal', precision: 12, scale: 2, transformer: decimalString(2) })
  amount!: string

  // Percent, e.g. 2.5000
  @Column({ type: 'decimal', precision: 7, scale: 4, nullable: true, transformer: decimalString(4) })
  rate!: string | null

  // First day of the month the commission is for.
  @Index('IDX_commissions_period')
  @Column({ type: 'date' })
  period!: string

  @Index('IDX_commissions_status')
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: CommissionStatus

  @Index('IDX_commissions_importBatchId')
  @Column({ type: 'int', nullable: true })
  importBatchId!: number | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
