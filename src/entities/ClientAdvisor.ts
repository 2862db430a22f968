import {
  BaseEntity,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm'
import { Advisor } from './Advisor.js'
import { Client } from './Client.js'

/**
 * "Clients of this advisor" as one row per (advisor, client): the client's referent and the
 * advisors of its contracts, kept in step by the services (services/list/clientAdvisors.ts) in
 * the transaction of each change. The advisor filter of the client list reads one range of the
 * name-ordered index, as the list sorts (last name, then id): no UNION, no sort; its total
 * counts that range alone (the soft-deleted clients, which the list hides, in a range of their own).
 */
@Entity({ name: 'client_advisors' })
@Index('IDX_client_advisors_advisorId_clientDeleted_lastName_clientId', [
  'advisorId',
  'clientDeleted',
  'lastName',
  'clientId',
])
@Index('IDX_client_advisors_clientId', ['clientId'])
export class ClientAdvisor extends BaseEntity {
  @PrimaryColumn({ type: 'int' })
  advisorId!: number

  @PrimaryColumn({ type: 'int' })
  clientId!: number

  /** The client's last name, the list's sort key (a copy, rewritten with the name). */
  @Column({ type: 'varchar', length: 100 })
  lastName!: string

  /** The client is soft-deleted (a copy of `status = 'deleted'`, rewritten with the status). */
  @Column({ type: 'boolean', default: false })
  clientDeleted!: boolean

  // CASCADE both ways: a client removed for good, or an advisor deleted, takes its links along.
  @ManyToOne(() => Advisor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advisorId' })
  advisor?: Relation<Advisor>

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client>
}
