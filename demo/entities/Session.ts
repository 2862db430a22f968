import type { ISession } from 'connect-typeorm'
import { Column, DeleteDateColumn, Entity, Index, PrimaryColumn } from 'typeorm'

/** Panel sessions, kept in the database so they survive a restart (connect-typeorm). */
@Entity({ name: 'demo_sessions' })
export class Session implements ISession {
  @Index('IDX_demo_sessions_expiredAt')
  @Column({ type: 'bigint' })
  expiredAt = Date.now()

  @PrimaryColumn({ type: 'varchar', length: 255 })
  id = ''

  @Column({ type: 'text' })
  json = ''

  @DeleteDateColumn({ type: 'datetime' })
  destroyedAt?: Date
}
