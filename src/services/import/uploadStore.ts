import { randomBytes } from 'node:crypto'
import { In, IsNull, LessThan, Not, type DataSource, type EntityManager } from 'typeorm'
import { ImportBatch } from '../../entities/ImportBatch.js'
import { ImportUpload, type StoredLayout } from '../../entities/ImportUpload.js'
import { ImportUploadChunk } from '../../entities/ImportUploadChunk.js'
import { inTransaction } from '../core/transaction.js'
import { bytesOf, type ByteSource, type CsvInput } from './byteSource.js'

/** Bytes of one piece: under the 64 KB of a BLOB on MySQL/MariaDB. */
const PIECE_BYTES = 64_000
/** Pieces per statement (about 1 MB): small write sets for Galera, well under max_allowed_packet. */
const PIECES_PER_STATEMENT = 16
/** Pieces removed per transaction (about 8 MB). */
const PIECES_PER_REMOVAL = 128
/** An upload no import holds is removed after a day. */
export const UPLOAD_KEEP_MS = 24 * 3600_000
const ID = /^[a-f0-9]{32}$/

/**
 * Writes a CSV into the database, PIECE_BYTES a piece and a few pieces per statement, each
 * statement its own transaction (a 50 MB file is never one write set). The upload row says
 * `storedAt` only once every piece is in: a half-written upload is never read, and is swept.
 */
export async function storeUpload(
  dataSource: DataSource,
  input: CsvInput,
  meta: { fileName: string; size: number; layout: StoredLayout },
  now: number,
): Promise<string> {
  const id = randomBytes(16).toString('hex')
  await inTransaction(dataSource, (manager) =>
    manager.insert(ImportUpload, {
      id,
      fileName: meta.fileName.slice(0, 255),
      size: meta.size,
      layout: meta.layout,
      createdAt: now,
    }),
  )
  try {
    let seq = 0
    let pending: Buffer[] = []
    let piece: Buffer[] = []
    let pieceBytes = 0
    const flush = async () => {
      if (pending.length === 0) return
      const values = pending.map((data, i) => ({ uploadId: id, seq: seq + i, data }))
      seq += pending.length
      pending = []
      await inTransaction(dataSource, (manager) => manager.insert(ImportUploadChunk, values))
    }
    for await (const bytes of bytesOf(input)) {
      for (let offset = 0; offset < bytes.length;) {
        const take = Math.min(PIECE_BYTES - pieceBytes, bytes.length - offset)
        piece.push(Buffer.from(bytes.subarray(offset, offset + take)))
        pieceBytes += take
        offset += take
        if (pieceBytes === PIECE_BYTES) {
          pending.push(Buffer.concat(piece))
          piece = []
          pieceBytes = 0
          if (pending.length >= PIECES_PER_STATEMENT) await flush()
        }
      }
    }
    if (pieceBytes > 0) pending.push(Buffer.concat(piece))
    const total = seq + pending.length
    await flush()
    await inTransaction(dataSource, (manager) =>
      manager.update(ImportUpload, { id }, { chunkCount: total, storedAt: now }),
    )
    return id
  } catch (error) {
    await removeUpload(dataSource, id)
    throw error
  }
}

/** An upload whose pieces are all in, by the id the browser holds; null for a malformed, unknown or half-written id. */
export async function findStoredUpload(dataSource: DataSource, id: unknown): Promise<ImportUpload | null> {
  if (typeof id !== 'string' || !ID.test(id)) return null
  return dataSource.getRepository(ImportUpload).findOneBy({ id, storedAt: Not(IsNull()) })
}

/**
 * The bytes of an upload, a few pieces per query: never more than about 1 MB of it in memory
 * at once, whatever its size.
 */
export function uploadBytes(
  dataSource: DataSource,
  upload: Pick<ImportUpload, 'id' | 'chunkCount'>,
): ByteSource {
  return async function* pieces() {
    const repo = dataSource.getRepository(ImportUploadChunk)
    for (let from = 0; from < upload.chunkCount; from += PIECES_PER_STATEMENT) {
      const seqs = Array.from(
        { length: Math.min(PIECES_PER_STATEMENT, upload.chunkCount - from) },
        (_, i) => from + i,
      )
      const rows = await repo.find({ where: { uploadId: upload.id, seq: In(seqs) }, order: { seq: 'ASC' } })
      if (rows.length !== seqs.length) throw new Error(`import upload ${upload.id}: pieces missing`)
      for (const row of rows) yield row.data
    }
  }
}

/** Gives a stored upload to a batch, once: false if it is gone or another import took it. */
export async function takeUpload(manager: EntityManager, id: string, batchId: number): Promise<boolean> {
  const taken = await manager
    .createQueryBuilder()
    .update(ImportUpload)
    .set({ batchId })
    .where('id = :id AND batchId IS NULL AND storedAt IS NOT NULL', { id })
    .execute()
  return taken.affected === 1
}

/** Removes an upload: its pieces a few MB per transaction, then its row. */
export async function removeUpload(dataSource: DataSource, id: string): Promise<void> {
  const repo = dataSource.getRepository(ImportUploadChunk)
  for (let round = 0; round < 10_000; round += 1) {
    const some = await repo.find({
      select: { seq: true },
      where: { uploadId: id },
      order: { seq: 'ASC' },
      take: PIECES_PER_REMOVAL,
    })
    if (some.length === 0) break
    await inTransaction(dataSource, (manager) =>
      manager.delete(ImportUploadChunk, { uploadId: id, seq: In(some.map((p) => p.seq)) }),
    )
  }
  await inTransaction(dataSource, (manager) => manager.delete(ImportUpload, { id }))
}

/**
 * Removes uploads older than a day, except one a queued or running import still reads. Cheap
 * when there is nothing to remove (one query on an index): called at each upload and by the
 * job runner when idle. Returns how many went.
 */
export async function sweepUploads(dataSource: DataSource, now: number): Promise<number> {
  const old = await dataSource.getRepository(ImportUpload).find({
    select: { id: true, batchId: true },
    where: { createdAt: LessThan(now - UPLOAD_KEEP_MS) },
    take: 100,
  })
  const batchIds = old.map((u) => u.batchId).filter((b): b is number => b !== null)
  const busy = batchIds.length
    ? await dataSource.getRepository(ImportBatch).find({
        select: { id: true },
        where: { id: In(batchIds), status: In(['queued', 'running']) },
      })
    : []
  const held = new Set(busy.map((b) => b.id))
  const gone = old.filter((u) => u.batchId === null || !held.has(u.batchId))
  for (const upload of gone) await removeUpload(dataSource, upload.id)
  return gone.length
}
