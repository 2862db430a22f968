import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { FieldChange } from './ClientEvent.js'

/** One change of the security settings in the panel: who, from where, and each value before and after. */
@Entity({ name: 'client_settings_changes' })
export class SettingsChange extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'varchar', length: 255, nullable: true })
  actor!: string | null

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null

  @Column({ type: 'simple-json' })
  changes!: FieldChange[]

  @Index('IDX_client_settings_changes_createdAt')
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date
}
