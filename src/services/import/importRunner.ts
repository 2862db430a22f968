import type { DataSource } from 'typeorm'
import { ImportBatch, type ImportRowError } from '../../entities/ImportBatch.js'
import type { Actor } from '../core/actor.js'
import { inTransaction } from '../core/transaction.js'
import { readLayout } from './csvSource.js'
import { batchProgress, countRow, emptyCounts } from './importCounts.js'
import type { ImportMapping } from './importRows.js'
import { ImportState } from './importState.js'
import { planChunk } from './planChunk.js'
import { readChunks } from './readChunks.js'
import { writeChunk } from './writeChunk.js'

/** Bytes of errors the batch row keeps: its column is a TEXT, 64 KB on MySQL/MariaDB. */
const KEPT_ERROR_BYTES = 60_000

/**
 * Runs imports in the background: the batch row first, then chunk by chunk, each planned and
 * written in one transaction that also moves the batch's counters.
 */
export class ImportRunner {
  private readonly running = new Map<number, Promise<ImportBatch>>()

  constructor(private readonly dataSource: DataSource) {}

  /** Records the batch and returns it at once; the rows are written in the background. */
  async start(actor: Actor, path: string, fileName: string, mapping: ImportMapping): Promise<ImportBatch> {
    const batch = await this.dataSource.getRepository(ImportBatch).save({
      fileName: fileName.slice(0, 255),
      actor: actor.email,
      status: 'running',
      mapping: mapping as Record<string, number>,
      errors: [],
    })
    const work = this.run(actor, batch, path, mapping).finally(() => this.running.delete(batch.id))
    this.running.set(batch.id, work)
    return batch
  }

  /** The batch once its import has ended (at once if it is not running in this process). */
  async finished(batchId: number): Promise<ImportBatch> {
    await this.running.get(batchId)?.catch(() => undefined)
    return this.dataSource.getRepository(ImportBatch).findOneByOrFail({ id: batchId })
  }

  private async run(actor: Actor, batch: ImportBatch, path: string, mapping: ImportMapping) {
    const repo = this.dataSource.getRepository(ImportBatch)
    const state = await ImportState.load(this.dataSource)
    const counts = emptyCounts()
    const errors: ImportRowError[] = []
    let errorBytes = 2
    const keepErrors = (planned: Awaited<ReturnType<typeof planChunk>>) => {
      for (const p of planned) {
        countRow(counts, p)
        if (p.outcome.errors.length === 0) continue
        const error = { line: p.row.line, errors: p.outcome.errors }
        const size = JSON.stringify(error).length + 1
        if (errorBytes + size <= KEPT_ERROR_BYTES) {
          errors.push(error)
          errorBytes += size
        }
      }
    }
    try {
      const layout = await readLayout(path)
      // One chunk read ahead: the file is parsed while the database writes the previous chunk.
      const chunks = readChunks(path, layout, mapping)
      let next = chunks.next()
      for (let current = await next; !current.done; current = await next) {
        next = chunks.next()
        // Awaited on the next turn; marked handled now so a read error while we write is not "unhandled".
        next.catch(() => undefined)
        const chunk = current.value
        await inTransaction(
          this.dataSource,
          async (manager) => {
            const planned = await planChunk(manager, chunk, state)
            await writeChunk(manager, actor, batch, planned)
            keepErrors(planned)
            await manager.update(ImportBatch, { id: batch.id }, batchProgress(counts, errors))
            // Not run twice: planning fills the in-memory state and counts, which a rollback does not undo.
          },
          { retries: 0 },
        )
      }
      await repo.update({ id: batch.id }, { status: 'done', finishedAt: new Date() })
    } catch (error) {
      // The chunks written stay (each was whole); the batch says where it stopped, undo removes them.
      await repo.update(
        { id: batch.id },
        {
          status: 'failed',
          failure: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
          finishedAt: new Date(),
        },
      )
    }
    return repo.findOneByOrFail({ id: batch.id })
  }
}
