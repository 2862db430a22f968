import type { DataSource } from 'typeorm'
import type { ImportRowError } from '../../entities/ImportBatch.js'
import type { IdentityDecisions } from '../../shared/identityConflict.js'
import type { CsvInput } from './byteSource.js'
import { readLayout, type CsvLayout } from './csvSource.js'
import { countRow, emptyCounts, type ImportCounts } from './importCounts.js'
import type { ImportMapping } from './importRows.js'
import { ImportState, type RowOutcome } from './importState.js'
import { planChunk, rowError } from './planChunk.js'
import { readChunks } from './readChunks.js'

/** Errors the dry run answers with; all are counted. */
const KEPT_ERRORS = 5000

export interface DryRunReport {
  layout: CsvLayout
  counts: ImportCounts
  errors: ImportRowError[]
  /** The first rows' outcomes, to show what will happen. */
  sample: RowOutcome[]
}

export interface DryRunOptions {
  onError?: (error: ImportRowError) => void
  sample?: number
  /** The admin's choices on identity conflicts, as the import will apply them. */
  decisions?: IdentityDecisions | null
}

/** Plans every row of the file as the import would, and writes nothing. The layout is read if not given. */
export async function dryRunImport(
  dataSource: DataSource,
  input: CsvInput,
  mapping: ImportMapping,
  options: DryRunOptions = {},
  known?: CsvLayout,
): Promise<DryRunReport> {
  const layout = known ?? (await readLayout(input))
  const state = await ImportState.load(dataSource, options.decisions, mapping)
  const counts = emptyCounts()
  const errors: ImportRowError[] = []
  const sample: RowOutcome[] = []
  for await (const chunk of readChunks(input, layout, mapping)) {
    const planned = await planChunk(dataSource.manager, chunk, state)
    for (const p of planned) {
      countRow(counts, p)
      if (p.outcome.errors.length > 0) {
        const error = rowError(p)
        options.onError?.(error)
        if (errors.length < KEPT_ERRORS) errors.push(error)
      }
      if (sample.length < (options.sample ?? 50)) sample.push(p.outcome)
    }
  }
  return { layout, counts, errors, sample }
}
