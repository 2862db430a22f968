import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm'
import type { CustomFieldType, CustomFieldVisibility } from '../shared/customFields.js'

/**
 * A field the firm adds to its clients (issue 28), defined by admins in the panel. Its key and
 * type do not change once it exists (the values and the history read them); a field removed
 * keeps its row (`removedAt`), so its values stay readable in the history and the archive.
 */
@Entity({ name: 'custom_fields' })
export class CustomField extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Index('IDX_custom_fields_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  key!: string

  @Column({ type: 'varchar', length: 16 })
  type!: CustomFieldType

  @Column({ type: 'varchar', length: 100 })
  labelFr!: string

  @Column({ type: 'varchar', length: 100 })
  labelEn!: string

  @Column({ type: 'boolean', default: false })
  required!: boolean

  /** No two clients with the same value. */
  @Column({ type: 'boolean', default: false })
  isUnique!: boolean

  /** Given to a new client whose form or import did not send the field. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  defaultValue!: string | null

  /** A regular expression the whole text must match (text types only). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  pattern!: string | null

  /** One choice a line, `value | Libellé | Label | colour` (shared/customFieldDefinition.ts reads it). */
  @Column({ type: 'text', nullable: true })
  choices!: string | null

  /** Where it comes among the custom fields (smallest first). */
  @Column({ type: 'int', default: 0 })
  position!: number

  /** Personal data: erased when the client is anonymised. */
  @Column({ type: 'boolean', default: false })
  personal!: boolean

  /** Found by the list's search box (text types only). */
  @Column({ type: 'boolean', default: false })
  searchable!: boolean

  @Column({ type: 'varchar', length: 16, default: 'everyone' })
  visibility!: CustomFieldVisibility

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date

  @Column({ type: 'varchar', length: 255, nullable: true })
  createdBy!: string | null

  @Index('IDX_custom_fields_removedAt')
  @Column({ type: 'datetime', nullable: true })
  removedAt!: Date | null
}
