import { BaseEntity, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { IdentityConflict, IdentityDecisions } from '../shared/identityConflict.js'
import type { ImportStatus } from './columns.js'

/** A row of an import that was not imported, and why (message keys, translated in the panel). */
export interface ImportRowError {
  line: number
  errors: string[]
  /** Both identities when the row names a client that is someone else. */
  conflict?: IdentityConflict
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

  /** Where the admin started it from: the history of the clients it creates says so, whichever worker writes them. */
  @Column({ type: 'varchar', length: 45, nullable: true })
  actorIp!: string | null

  /** queued (waiting for a worker), running (a worker holds its lease), done, failed, undone. */
  @Index('IDX_import_batches_status')
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: ImportStatus

  /** The upload it reads (import_uploads.id); removed once the import is done or undone. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  uploadId!: string | null

  /** The claim that holds the job: one per claim, so a process that lost it cannot write again. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null

  /** Milliseconds since the epoch until which the owner holds the job; after it, any worker may take it. */
  @Column({ type: 'bigint', nullable: true })
  leaseUntil!: number | null

  /** Milliseconds since the epoch of the owner's last sign of life. */
  @Column({ type: 'bigint', nullable: true })
  heartbeatAt!: number | null

  /** How many times a worker claimed it (more than one: it was resumed). */
  @Column({ type: 'int', default: 0 })
  attempts!: number

  /** Chunks committed so far; `rowsRead` is the row position the next chunk starts after. */
  @Column({ type: 'int', default: 0 })
  chunksDone!: number

  /** Data rows read and committed so far (the header line excluded): where a resumed import starts. */
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

  /** The three kinds of match apart, so that a resumed import counts on from where it stopped. */
  @Column({ type: 'simple-json', nullable: true })
  matches!: { number: number; email: number; name: number; contract?: number } | null

  @Column({ type: 'int', default: 0 })
  contractsCreated!: number

  // The first errors (all of them up to a bound; `rowsFailed` is the full count).
  @Column({ type: 'simple-json', nullable: true })
  errors!: ImportRowError[] | null

  /**
   * The admin's choices for identity conflicts (attach anyway or skip, by line or for all): the
   * job reads them from here, whichever instance runs it. Null: no choice, conflicts are errors.
   */
  @Column({ type: 'simple-json', nullable: true })
  identityDecisions!: IdentityDecisions | null

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
