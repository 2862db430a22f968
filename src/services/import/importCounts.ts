import type { ImportBatch, ImportRowError } from '../../entities/ImportBatch.js'
import type { PlannedRow } from './importState.js'

export interface ImportCounts {
  rows: number
  imported: number
  failed: number
  clientsMatchedByNumber: number
  clientsMatchedByEmail: number
  clientsMatchedByName: number
  /** Rows filed under a contract's client by the admin's choice on an identity conflict. */
  clientsMatchedByContract: number
  clientsCreated: number
  contractsCreated: number
}

export const emptyCounts = (): ImportCounts => ({
  rows: 0,
  imported: 0,
  failed: 0,
  clientsMatchedByNumber: 0,
  clientsMatchedByEmail: 0,
  clientsMatchedByName: 0,
  clientsMatchedByContract: 0,
  clientsCreated: 0,
  contractsCreated: 0,
})

/** Adds one planned row to the counts. */
export function countRow(counts: ImportCounts, p: PlannedRow): void {
  counts.rows += 1
  if (p.outcome.errors.length > 0) {
    counts.failed += 1
    return
  }
  counts.imported += 1
  const match = p.outcome.client?.match
  if (match === 'number') counts.clientsMatchedByNumber += 1
  else if (match === 'email') counts.clientsMatchedByEmail += 1
  else if (match === 'name') counts.clientsMatchedByName += 1
  else if (match === 'contract') counts.clientsMatchedByContract += 1
  else if (match === 'new') counts.clientsCreated += 1
  if (p.outcome.contract?.match === 'new') counts.contractsCreated += 1
}

/** The batch row's counters for the counts so far. */
export function batchProgress(counts: ImportCounts, errors: ImportRowError[]): Partial<ImportBatch> {
  return {
    rowsRead: counts.rows,
    rowsImported: counts.imported,
    rowsFailed: counts.failed,
    commissionsCreated: counts.imported,
    clientsCreated: counts.clientsCreated,
    clientsMatched:
      counts.clientsMatchedByNumber +
      counts.clientsMatchedByEmail +
      counts.clientsMatchedByName +
      counts.clientsMatchedByContract,
    contractsCreated: counts.contractsCreated,
    matches: {
      number: counts.clientsMatchedByNumber,
      email: counts.clientsMatchedByEmail,
      name: counts.clientsMatchedByName,
      contract: counts.clientsMatchedByContract,
    },
    errors: [...errors],
  }
}

/** The counts a batch had committed: where a resumed import counts on from. */
export function committedCounts(batch: ImportBatch): ImportCounts {
  return {
    rows: batch.rowsRead,
    imported: batch.rowsImported,
    failed: batch.rowsFailed,
    clientsMatchedByNumber: batch.matches?.number ?? 0,
    clientsMatchedByEmail: batch.matches?.email ?? 0,
    clientsMatchedByName: batch.matches?.name ?? 0,
    clientsMatchedByContract: batch.matches?.contract ?? 0,
    clientsCreated: batch.clientsCreated,
    contractsCreated: batch.contractsCreated,
  }
}
