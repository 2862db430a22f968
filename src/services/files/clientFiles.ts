import { randomBytes } from 'node:crypto'
import type { Readable } from 'node:stream'
import { In, IsNull, Not, type DataSource } from 'typeorm'
import { ClientFile, FILE_VISIBILITIES, type FileVisibility } from '../../entities/ClientFile.js'
import { MAX_NOTE_LENGTH } from '../../shared/limits.js'
import type { Actor } from '../core/requestValues.js'
import { writeAudit } from '../core/adminAudit.js'
import { eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import type { PluginLogger } from '../core/pluginLogger.js'
import { lockClient } from '../lifecycle/statusTransitions.js'
import { displayFileName } from './fileNames.js'
import type { ResolvedFileOptions } from './fileOptions.js'
import { acceptedType, extensionOf } from './fileType.js'

/** A file as the Files tab and the archive show it: never its storage key. */
export interface ClientFileView {
  id: number
  name: string
  size: number
  type: string
  note: string | null
  visibility: FileVisibility
  uploadedBy: string
  createdAt: Date
}

/** The multipart parser's temp file of an upload (its path checked by the caller). */
export interface ReceivedFile {
  path: string
  name: string
  size: number
}

export interface FileInput {
  note?: unknown
  visibility?: unknown
}

/** What a download streams. */
export interface OpenedFile {
  name: string
  type: string
  size: number
  stream: Readable
}

const VIEW_COLUMNS = [
  'id',
  'originalName',
  'size',
  'mimeType',
  'note',
  'visibility',
  'uploadedBy',
  'createdAt',
] as const

const viewOf = (f: Pick<ClientFile, (typeof VIEW_COLUMNS)[number]>): ClientFileView => ({
  id: f.id,
  name: f.originalName,
  size: Number(f.size),
  type: f.mimeType,
  note: f.note,
  visibility: f.visibility,
  uploadedBy: f.uploadedBy,
  createdAt: f.createdAt,
})

/** The visibilities an admin may see: `support` files for all, `admins` ones only with the right. */
const visibleTo = (seeAdminOnly: boolean): FileVisibility[] =>
  seeAdminOnly ? [...FILE_VISIBILITIES] : ['support']

/** Erased rows purged per call (their objects deleted, then the rows). */
const PURGE_BATCH = 200

/**
 * The files kept on a client: their rows here, their bytes in the storage provider. An upload
 * stores the bytes first, under a key we make, then writes the row and its `file_added` event
 * in one transaction; if that fails, the stored object is deleted. A deletion (or an erasure)
 * marks the row in its transaction; its object and row go after the commit (`purgeErased`),
 * again at the next purge if the storage did not answer.
 */
export class ClientFiles {
  constructor(
    private readonly dataSource: DataSource,
    readonly options: ResolvedFileOptions,
    private readonly logger: PluginLogger = console,
  ) {}

  /** The client's files this admin may see, newest first (at most `limit`). */
  async list(clientId: number, seeAdminOnly: boolean, limit = 500): Promise<ClientFileView[]> {
    const rows = await this.dataSource.getRepository(ClientFile).find({
      select: [...VIEW_COLUMNS],
      where: { clientId, erasedAt: IsNull(), visibility: In(visibleTo(seeAdminOnly)) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    })
    return rows.map(viewOf)
  }

  count(clientId: number, seeAdminOnly: boolean): Promise<number> {
    return this.dataSource.getRepository(ClientFile).countBy({
      clientId,
      erasedAt: IsNull(),
      visibility: In(visibleTo(seeAdminOnly)),
    })
  }

  /** Checks and keeps an uploaded file: size, type from the bytes, note, visibility. */
  async add(actor: Actor, clientId: number, file: ReceivedFile, input: FileInput): Promise<ClientFileView> {
    const note = typeof input.note === 'string' ? input.note.trim() : ''
    const visibility = input.visibility ?? 'admins'
    if (!(FILE_VISIBILITIES as readonly unknown[]).includes(visibility))
      throw new InvalidInputError({ visibility: 'invalidValue' })
    if (note.length > MAX_NOTE_LENGTH) throw new InvalidInputError({ note: 'tooLong' })
    const name = displayFileName(file.name)
    if (!name) throw new InvalidInputError({ file: 'fileNameRefused' })
    if (file.size === 0) throw new InvalidInputError({ file: 'fileEmpty' })
    if (file.size > this.options.maxFileBytes) throw new InvalidInputError({ file: 'fileTooLarge' })
    const type = await acceptedType(file.path, name)
    if (!type) throw new InvalidInputError({ file: 'fileTypeRefused' })
    const storage = this.options.storage
    const key = `${clientId}/${randomBytes(16).toString('hex')}.${extensionOf(name)}`
    // The client first (a missing or anonymised one stores nothing), then the bytes, then the row.
    await inTransaction(this.dataSource, (manager) => lockClient(this.dataSource, manager, clientId))
    await storage.upload({ path: file.path, name, size: file.size, type: type.mime }, key)
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        await lockClient(this.dataSource, manager, clientId)
        const row = await manager.save(
          manager.create(ClientFile, {
            clientId,
            storageKey: key,
            provider: storage.name,
            originalName: name,
            size: file.size,
            mimeType: type.mime,
            note: note || null,
            visibility: visibility as FileVisibility,
            uploadedBy: actor.email ?? actor.type ?? 'admin',
            erasedAt: null,
          }),
        )
        await insertEvents(manager, [
          eventRow(actor, clientId, 'file_added', null, null, {
            fileId: row.id,
            name,
            size: file.size,
            type: type.mime,
            visibility,
          }),
        ])
        return viewOf(row)
      })
    } catch (error) {
      await storage.delete(key, storage.bucket).catch((cause) =>
        this.logger.error('adminjs-clients: an upload whose row failed could not be removed', {
          key,
          error: String(cause),
        }),
      )
      throw error
    }
  }

  /**
   * A file of this client (never another's: both ids must match) that this admin may see, opened
   * for download, with an audit entry. Anything else is `notFound`, whether it exists or not.
   */
  async open(actor: Actor, clientId: number, fileId: unknown, seeAdminOnly: boolean): Promise<OpenedFile> {
    const id = Number(fileId)
    if (!/^[1-9]\d{0,11}$/.test(String(fileId ?? ''))) throw new InvalidInputError({ fileId: 'invalidValue' })
    const file = await this.dataSource.getRepository(ClientFile).findOneBy({
      id,
      clientId,
      erasedAt: IsNull(),
      visibility: In(visibleTo(seeAdminOnly)),
    })
    if (!file || file.provider !== this.options.storage.name) throw new ClientActionRefused('notFound')
    const stream = await this.options.storage.read(file.storageKey, this.options.storage.bucket)
    try {
      await inTransaction(this.dataSource, (manager) =>
        writeAudit(manager, actor, {
          action: 'file_downloaded',
          resourceId: 'Client',
          rowCount: 1,
          details: { clientId, fileId: id },
        }),
      )
    } catch (error) {
      stream.destroy()
      throw error
    }
    return { name: file.originalName, type: file.mimeType, size: Number(file.size), stream }
  }

  /** Deletes a file of this client: its row marked and a `file_deleted` event, its bytes after the commit. */
  async remove(actor: Actor, clientId: number, fileId: unknown): Promise<void> {
    if (!/^[1-9]\d{0,11}$/.test(String(fileId ?? ''))) throw new InvalidInputError({ fileId: 'invalidValue' })
    const id = Number(fileId)
    await inTransaction(this.dataSource, async (manager) => {
      await lockClient(this.dataSource, manager, clientId)
      const file = await manager.findOneBy(ClientFile, { id, clientId, erasedAt: IsNull() })
      if (!file) throw new ClientActionRefused('notFound')
      await manager.update(ClientFile, { id }, { erasedAt: new Date() })
      await insertEvents(manager, [
        eventRow(actor, clientId, 'file_deleted', null, null, { fileId: id, name: file.originalName }),
      ])
    })
    await this.purgeErased()
  }

  /**
   * Deletes the objects of erased rows (a file deleted, a client anonymised or removed), then the
   * rows; safe to run again and from several instances at once (a delete of a missing object
   * succeeds). A storage that fails leaves its rows for the next run. Answers how many went.
   */
  async purgeErased(): Promise<number> {
    const repository = this.dataSource.getRepository(ClientFile)
    const storage = this.options.storage
    const rows = await repository.find({
      select: ['id', 'storageKey', 'provider'],
      where: { erasedAt: Not(IsNull()), provider: storage.name },
      order: { id: 'ASC' },
      take: PURGE_BATCH,
    })
    const gone: number[] = []
    for (const row of rows) {
      try {
        await storage.delete(row.storageKey, storage.bucket)
        gone.push(row.id)
      } catch (error) {
        this.logger.error('adminjs-clients: a deleted file could not be removed from its storage', {
          fileId: row.id,
          error: String(error),
        })
      }
    }
    if (gone.length > 0) await repository.delete({ id: In(gone) })
    return gone.length
  }

  /** The client's files for its GDPR archive: every row, and the bytes while within `archiveMaxBytes`. */
  async archiveEntries(
    clientId: number,
  ): Promise<{ list: ClientFileView[]; bytes: Record<string, Uint8Array> }> {
    const rows = await this.dataSource.getRepository(ClientFile).find({
      where: { clientId, erasedAt: IsNull() },
      order: { id: 'ASC' },
    })
    const bytes: Record<string, Uint8Array> = {}
    let total = 0
    for (const row of rows) {
      if (
        row.provider !== this.options.storage.name ||
        total + Number(row.size) > this.options.archiveMaxBytes
      )
        continue
      const chunks: Buffer[] = []
      for await (const chunk of await this.options.storage.read(row.storageKey, this.options.storage.bucket))
        chunks.push(Buffer.from(chunk as Uint8Array))
      total += Number(row.size)
      bytes[`files/${row.id}-${row.originalName}`] = new Uint8Array(Buffer.concat(chunks))
    }
    return { list: rows.map(viewOf), bytes }
  }
}
