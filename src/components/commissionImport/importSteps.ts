// The answers of the `importCommissions` action, one per step of the import page.

import type { IdentityConflict } from '../../shared/identityConflict.js'

/** A field of the import (`clientNumber`, `amount`, …) to the index of its column in the file. */
export type Mapping = Record<string, number>

/** What the page needs before any file: the fields, the required ones, the mappings saved by name. */
export interface Setup {
  fields: string[]
  required: string[]
  /** The custom fields a column may fill for the new clients, by form name (`cf__<key>`). */
  customFields?: { name: string; labelFr: string; labelEn: string }[]
  saved: Record<string, Mapping>
}

/** A file read by the server: its layout, the proposed mapping and a few rows. */
export interface Upload {
  uploadId: string
  fileName: string
  layout: { encoding: string; delimiter: string; headers: string[] }
  proposed: Mapping
  preview: string[][]
}

/** One line of the dry run: its errors, or the client and contract it would reach. */
export interface Outcome {
  line: number
  errors: string[]
  client?: { match: string; label: string; score?: number }
  contract?: { match: string; reference: string | null }
}

export interface DryRun {
  counts: Record<string, number>
  /** Refused lines; an identity conflict comes with both identities. */
  errors: { line: number; errors: string[]; conflict?: IdentityConflict }[]
  sample: Outcome[]
}

/** The import batch as the page polls it while the import runs. */
export interface Batch {
  id: number
  status: string
  rowsRead: number
  rowsImported: number
  rowsFailed: number
  clientsCreated: number
  clientsMatched: number
  contractsCreated: number
  failure: string | null
  /** Claims by a worker: more than one, it was resumed after a worker stopped. */
  attempts: number
}

/** Queued (waiting for a worker) or running: the page keeps reading it. */
export const isActive = (batch: Batch) => batch.status === 'queued' || batch.status === 'running'
