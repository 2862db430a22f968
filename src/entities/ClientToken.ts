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
import type { TokenPurpose } from './columns.js'

/** Confirmation and password-reset tokens: only a SHA-256 of the token is stored. */
@Entity({ name: 'client_tokens' })
export class ClientToken extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  // A token is worthless without its client: this one cascades.
  @Index('IDX_client_tokens_clientId')
  @Column({ type: 'int' })
  clientId!: number

  @ManyToOne(() => Client, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client>

  @Column({ type: 'varchar', length: 32 })
  purpose!: TokenPurpose

  @Index('UQ_client_tokens_tokenHash', { unique: true })
  @Column({ type: 'varchar', length: 64, select: false })
  tokenHash?: string

  @Column({ type: 'datetime' })
  expiresAt!: Date

  @Column({ type: 'datetime', nullable: true })
  usedAt!: Date | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
