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

@Entity({ name: 'client_notes' })
@Index('IDX_client_notes_clientId_createdAt', ['clientId', 'createdAt'])
export class ClientNote extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'int', nullable: true })
  clientId!: number | null

  @ManyToOne(() => Client, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client> | null

  @Column({ type: 'varchar', length: 255 })
  author!: string

  @Column({ type: 'text' })
  body!: string

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
