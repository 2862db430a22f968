import { BaseEntity, Column, Entity, Index, PrimaryColumn } from 'typeorm'

/** How an uploaded CSV is read: found once at upload, kept so later steps need not read it again. */
export interface StoredLayout {
  encoding: 'utf-8' | 'windows-1252'
  delimiter: ',' | ';'
  headers: string[]
}

/**
 * An uploaded commission CSV, kept in the database (its bytes in ImportUploadChunk rows) so that
 * every step of the import (mapping, dry run, import, undo) runs on any app instance.
 */
@Entity({ name: 'import_uploads' })
export class ImportUpload extends BaseEntity {
  /** 32 hex digits drawn at random: the id the browser holds, never a name it chose. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string

  @Column({ type: 'varchar', length: 255 })
  fileName!: string

  @Column({ type: 'int' })
  size!: number

  @Column({ type: 'int', default: 0 })
  chunkCount!: number

  @Column({ type: 'simple-json', nullable: true })
  layout!: StoredLayout | null

  /** The import that took this upload (one import per upload). */
  @Column({ type: 'int', nullable: true })
  batchId!: number | null

  /** Milliseconds since the epoch when every chunk was written; null while they are written. */
  @Column({ type: 'bigint', nullable: true })
  storedAt!: number | null

  /** Milliseconds since the epoch: uploads older than a day are swept. */
  @Index('IDX_import_uploads_createdAt')
  @Column({ type: 'bigint' })
  createdAt!: number
}
