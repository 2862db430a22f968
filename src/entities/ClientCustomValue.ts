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
import { Client } from './Client.js'
import { CustomField } from './CustomField.js'

/**
 * A client's value of a custom field (issue 28), typed: one row per (client, field), several
 * for "several choices" (`ordinal` 0, 1…). Each type fills one column: texts, choices and
 * yes/no `textValue` with `textKey` (lower-cased, 191 characters: indexable on MariaDB's
 * utf8mb4), numbers and money `numberValue`, dates `dateValue`. The (fieldId, column) indexes
 * serve the list's filters and sorts on both databases; the primary key, a page's values.
 * `uniqueValue` is filled only for a field marked unique: UNIQUE(fieldId, uniqueValue) holds
 * "unique" when two instances write the same value at once (NULLs never clash).
 */
@Entity({ name: 'client_custom_values' })
@Index('IDX_client_custom_values_field_text', ['fieldId', 'textKey'])
@Index('IDX_client_custom_values_field_number', ['fieldId', 'numberValue'])
@Index('IDX_client_custom_values_field_date', ['fieldId', 'dateValue'])
@Index('IDX_client_custom_values_field_unique', ['fieldId', 'uniqueValue'], { unique: true })
export class ClientCustomValue extends BaseEntity {
  @PrimaryColumn({ type: 'int' })
  clientId!: number

  @PrimaryColumn({ type: 'int' })
  fieldId!: number

  @PrimaryColumn({ type: 'smallint', default: 0 })
  ordinal!: number

  @Column({ type: 'text', nullable: true })
  textValue!: string | null

  @Column({ type: 'varchar', length: 191, nullable: true })
  textKey!: string | null

  @Column({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  numberValue!: string | number | null

  @Column({ type: 'date', nullable: true })
  dateValue!: string | null

  /** The value as compared, for a unique field only (customValues.ts `uniqueValueOf`). */
  @Column({ type: 'varchar', length: 191, nullable: true })
  uniqueValue!: string | null

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Relation<Client>

  @ManyToOne(() => CustomField, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fieldId' })
  field?: Relation<CustomField>
}
