import type { DryRunReport, ImportBatch } from '../../src/index.js'

type BatchCounters = Pick<
  ImportBatch,
  'rowsRead' | 'rowsImported' | 'rowsFailed' | 'clientsCreated' | 'clientsMatched' | 'contractsCreated'
>

/** An import batch's counters (an entity, or one as the progress route answers it), named as the dry run counts them. */
export const batchCounts = (b: BatchCounters) => ({
  rows: b.rowsRead,
  imported: b.rowsImported,
  failed: b.rowsFailed,
  clientsCreated: b.clientsCreated,
  clientsMatched: b.clientsMatched,
  contractsCreated: b.contractsCreated,
})

/** A dry run's counts, in the batch's terms: what the import must end with. */
export const dryCounts = (d: DryRunReport['counts']) => ({
  rows: d.rows,
  imported: d.imported,
  failed: d.failed,
  clientsCreated: d.clientsCreated,
  clientsMatched:
    d.clientsMatchedByNumber + d.clientsMatchedByEmail + d.clientsMatchedByName + d.clientsMatchedByContract,
  contractsCreated: d.contractsCreated,
})
