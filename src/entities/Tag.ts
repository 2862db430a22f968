import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * A tag the firm puts on clients ("VIP", "Relance"): a name and a colour of the fixed palette
 * (shared/tagColours.ts). Names are unique whatever their case: `nameKey` is the lower-cased
 * name, with the unique index (SQLite compares case-sensitively, MariaDB's collation may not).
 */
@Entity({ name: 'tags' })
export class Tag extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'varchar', length: 40 })
  name!: string

  @Index('IDX_tags_nameKey', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  nameKey!: string

  @Column({ type: 'varchar', length: 16, default: 'grey' })
  colour!: string

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  /** The admin who created it. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  createdBy!: string | null
}
