import {
  BaseEntity,
  Column,
  CreateDateColumn,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm'
import { Client } from './Client.js'

/**
 * What every piece of a client's history has (action, email, note): its client and its time.
 * History outlives the client row: the link is SET NULL when a client is removed for good.
 */
export abstract class ClientHistoryRecord extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'int', nullable: true })
  clientId!: number | null

  @ManyToOne(() => Client, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client> | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
