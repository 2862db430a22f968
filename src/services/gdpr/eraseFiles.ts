import { In, IsNull, type EntityManager } from 'typeorm'
import { ClientFile } from '../../entities/ClientFile.js'
import { REDACTED } from './redacted.js'

/** What the GDPR side needs of the clients' files (services/files/clientFiles.ts). */
export interface ErasedFilePurge {
  /** Deletes the stored objects of erased rows, then the rows; after the commit, safe to repeat. */
  purgeErased(): Promise<number>
  /** A client's files for its archive: the list, and the bytes within the archive's cap. */
  archiveEntries(clientId: number): Promise<{ list: unknown[]; bytes: Record<string, Uint8Array> }>
}

/**
 * The files of these clients, in the erasure's transaction: their names and notes cleared and the
 * rows marked erased (no longer listed nor served). Their objects are deleted after the commit by
 * `purgeErased`, which a crash in between leaves for the next purge, never for an orphan.
 */
export async function markClientFilesErased(manager: EntityManager, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  await manager.update(
    ClientFile,
    { clientId: In([...ids]), erasedAt: IsNull() },
    { originalName: REDACTED, note: null, erasedAt: new Date() },
  )
}

/** After an erasure committed: the stored objects go; a storage that fails keeps its rows for the next run. */
export async function purgeAfterErasure(files: ErasedFilePurge | undefined): Promise<void> {
  // The rows stay marked if the database blinks here: the next purge deletes them.
  await files?.purgeErased().catch(() => 0)
}
