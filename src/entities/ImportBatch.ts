import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { ImportStatus } from './columns.js'

/** A row of an import that was not imported, and why (message keys, translated in the panel). */
export interface ImportRowError {
  line: number
  errors: string[]
}

/** One commission import: who, when, which file, what it did, and what it could not. */
@Entity({ name: 'import_batches' })
export class ImportBatch extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number

  @Column({ type: 'varchar', length: 255 })
  fileName!: string

  @Column({ type: 'varchar', length: 255, nullable: true })
  actor!: string | null

  @Index('IDX_import_batches_status')
  @Column({ type: 'varchar', length: 16, default: 'running' })
  status!: ImportStatus

  /** Data rows read so far (the header line excluded). */
  @Column({ type: 'int', default: 0 })
  rowsRead!: number

  @Column({ type: 'int', default: 0 })
  rowsImported!: number

  @Column({ type: 'int', default: 0 })
  rowsFailed!: number

  @Column({ type: 'int', default: 0 })
  commissionsCreated!: number

  @Column({ type: 'int', default: 0 })
  clientsCreated!: number

  @Column({ type: 'int', default: 0 })
  clientsMatched!: number

  @Column({ type: 'int', default: 0 })
  contractsCreated!: number

  // The first errors (all of them up to a bound; `rowsFailed` is the full count).
  @Column({ type: 'simple-json', nullable: true })
  errors!: ImportRowError[] | null

  /** Field → column index used for this file. */
  @Column({ type: 'simple-json', nullable: true })
  mapping!: Record<string, number> | null

  // Set when the import itself failed (not a row: the file or the database).
  @Column({ type: 'text', nullable: true })
  failure!: string | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date

  @Column({ type: 'datetime', nullable: true })
  finishedAt!: Date | null

  @Column({ type: 'datetime', nullable: true })
  undoneAt!: Date | null

  @Column({ type: 'varchar', length: 255, nullable: true })
  undoneBy!: string | null
}
