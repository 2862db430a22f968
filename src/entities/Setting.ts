import { BaseEntity, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm'

/** Settings editable in the panel (auto-confirm registration, hashing driver, …), one JSON value per key. */
@Entity({ name: 'client_settings' })
export class Setting extends BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string

  @Column({ type: 'simple-json' })
  value!: unknown

  @Column({ type: 'varchar', length: 255, nullable: true })
  updatedBy!: string | null

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date
}
