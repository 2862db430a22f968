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

/**
 * Confirmation, password-reset and impersonation tokens: only a SHA-256 of the token is stored.
 * An impersonation row lives on after its use: `usedAt` is when it started, `expiresAt` when it
 * ends (`expiresAt = usedAt` once ended).
 */
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

  // The admin who asked for the link (impersonation only); null for the client's own links.
  @Column({ type: 'varchar', length: 255, nullable: true })
  issuedBy!: string | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
