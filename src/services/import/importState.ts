import type { DataSource } from 'typeorm'
import { Advisor } from '../../entities/Advisor.js'
import type { ParsedRow } from './importRows.js'

export type ClientMatch = 'number' | 'email' | 'name' | 'new' | 'sameFile'
export type ContractMatch = 'existing' | 'new' | 'sameFile' | 'none'

/** What the import does, or would do, with one row. */
export interface RowOutcome {
  line: number
  errors: string[]
  client?: { match: ClientMatch; id: number | null; score?: number; label: string }
  contract?: { match: ContractMatch; reference: string | null }
}

/** A client an earlier row of the file creates; `id` is set once its chunk is written. */
export interface NewClient {
  id: number | null
  clientNumber: string
  lastName: string
  firstName: string | null
  email: string | null
  phone: string | null
  advisorId: number | null
  line: number
}

/** A contract an earlier row of the file creates; `id` is set once its chunk is written. */
export interface NewContract {
  id: number | null
  reference: string
  product: string
  advisorId: number | null
  client: ClientRef
  startDate: string | null
}

export type ClientRef = { id: number; created?: undefined } | { created: NewClient }

/** One row with what it matched or will create. */
export interface PlannedRow {
  row: ParsedRow
  outcome: RowOutcome
  client?: ClientRef
  contract?: { id: number } | { created: NewContract } | null
  advisorId: number | null
}

/** What the import remembers across chunks: advisors, and what earlier rows of the file create. */
export class ImportState {
  readonly clientsByNumber = new Map<string, NewClient>()
  readonly clientsByEmail = new Map<string, NewClient>()
  readonly clientsByName = new Map<string, NewClient>()
  readonly contracts = new Map<string, NewContract>()
  constructor(readonly advisors: Map<string, number>) {}

  /** A fresh state with the advisors' codes (trimmed, upper-case) → ids. */
  static async load(dataSource: DataSource): Promise<ImportState> {
    const advisors = await dataSource.getRepository(Advisor).find({ select: { id: true, code: true } })
    return new ImportState(new Map(advisors.map((a) => [a.code.trim().toUpperCase(), a.id])))
  }
}
