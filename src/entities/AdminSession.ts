import { BaseEntity, Column, Entity, Index, PrimaryColumn } from 'typeorm'

/**
 * A panel session (express-session) kept in the database, shared by every instance: the default
 * store of `mountClientManagement`. `data` is express-session's JSON (the admin's email and role).
 */
@Entity({ name: 'client_admin_sessions' })
export class AdminSession extends BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string

  /** Milliseconds since the epoch: numbers compare the same on every driver, whatever its time zone. */
  @Index('IDX_client_admin_sessions_expiresAt')
  @Column({ type: 'bigint' })
  expiresAt!: number

  @Column({ type: 'text' })
  data!: string
}
