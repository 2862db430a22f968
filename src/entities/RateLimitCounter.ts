import { Column, Entity, Index, PrimaryColumn } from 'typeorm'

/**
 * One rate-limit counter (failed logins, registrations, reset requests…) shared by every app
 * instance. The key is a SHA-256 of the bucket and its parts: no email or IP sits here in clear.
 */
@Entity({ name: 'client_rate_limits' })
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string

  @Column({ type: 'int', default: 0 })
  count!: number

  /** Milliseconds since the epoch: numbers compare the same on every driver, whatever its time zone. */
  @Column({ type: 'bigint' })
  windowStart!: number

  @Index('IDX_client_rate_limits_expiresAt')
  @Column({ type: 'bigint' })
  expiresAt!: number
}
