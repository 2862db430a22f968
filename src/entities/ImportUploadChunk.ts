import { BaseEntity, Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * A piece of an uploaded CSV, in order. A BLOB holds 64 KB on MySQL/MariaDB (the one binary type
 * SQLite shares), so a piece is a little under that; they are written and read a few at a time.
 */
@Entity({ name: 'import_upload_chunks' })
export class ImportUploadChunk extends BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  uploadId!: string

  @PrimaryColumn({ type: 'int' })
  seq!: number

  @Column({ type: 'blob' })
  data!: Buffer
}
