import { Column, Entity, Index } from 'typeorm'
import { ClientHistoryRecord } from './ClientHistoryRecord.js'

/** Who may see a file of a client: the admins only, or the support role too. */
export const FILE_VISIBILITIES = ['admins', 'support'] as const
export type FileVisibility = (typeof FILE_VISIBILITIES)[number]

/**
 * A file kept on a client (issue 28). The bytes are in a storage provider under `storageKey`, a
 * name the plugin made (never one from the request); `originalName` is only display text. An
 * erased row (`erasedAt`: its client anonymised or removed) waits for its object to be deleted
 * after the commit (services/files/clientFiles.ts `purgeErased`).
 */
@Entity({ name: 'client_files' })
@Index('IDX_client_files_clientId_createdAt', ['clientId', 'createdAt'])
@Index('IDX_client_files_erasedAt', ['erasedAt'])
export class ClientFile extends ClientHistoryRecord {
  @Index('IDX_client_files_storageKey', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  storageKey!: string

  /** The provider's name (`local`, `s3`): which storage holds the bytes. */
  @Column({ type: 'varchar', length: 32 })
  provider!: string

  @Column({ type: 'varchar', length: 255 })
  originalName!: string

  @Column({ type: 'int' })
  size!: number

  /** The type detected from the bytes (never the one the browser declared). */
  @Column({ type: 'varchar', length: 100 })
  mimeType!: string

  @Column({ type: 'text', nullable: true })
  note!: string | null

  @Column({ type: 'varchar', length: 16 })
  visibility!: FileVisibility

  @Column({ type: 'varchar', length: 255 })
  uploadedBy!: string

  @Column({ type: 'datetime', nullable: true })
  erasedAt!: Date | null
}
