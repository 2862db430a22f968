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

/**
 * Which sessions of the host's session store belong to a client: one row per client-area login
 * and per "log in as this client", written by `accounts.registerSession`. When the client's
 * sessions end (ban, anonymisation…), their rows are read, handed to the host's
 * `sessions.destroy` and deleted, in the change's transaction.
 */
@Entity({ name: 'client_sessions' })
// A client's rows, oldest first: those past `sessions.keepDays` are pruned at each new one.
@Index('IDX_client_sessions_clientId_createdAt', ['clientId', 'createdAt'])
export class ClientSession extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'int' })
  clientId!: number

  @ManyToOne(() => Client, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client>

  /** The id the host's session store knows the session by (a random id, never shown). */
  @Column({ type: 'varchar', length: 255, select: false })
  sessionId?: string

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
