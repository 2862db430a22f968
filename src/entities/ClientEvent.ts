import { Column, Entity, Index } from 'typeorm'
import { ClientHistoryRecord } from './ClientHistoryRecord.js'
import type { ActorType, ClientEventType } from './columns.js'

/** One field change in a history entry; secrets are stored masked. */
export interface FieldChange {
  field: string
  from: unknown
  to: unknown
}

@Entity({ name: 'client_events' })
@Index('IDX_client_events_clientId_createdAt', ['clientId', 'createdAt'])
@Index('IDX_client_events_createdAt', ['createdAt'])
export class ClientEvent extends ClientHistoryRecord {
  @Index('IDX_client_events_type')
  @Column({ type: 'varchar', length: 40 })
  type!: ClientEventType

  @Column({ type: 'varchar', length: 16 })
  actorType!: ActorType

  // Admin email, the client's email, or the name of the system job.
  @Column({ type: 'varchar', length: 255, nullable: true })
  actor!: string | null

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null

  @Column({ type: 'text', nullable: true })
  reason!: string | null

  @Column({ type: 'simple-json', nullable: true })
  changes!: FieldChange[] | null

  // Facts an action needs later, e.g. the contract ids a suspension suspended.
  @Column({ type: 'simple-json', nullable: true })
  data!: Record<string, unknown> | null
}
