import type { DataSource } from 'typeorm'
import {
  noDecisions,
  type IdentityConflict,
  type IdentityDecision,
  type IdentityDecisions,
} from '../../shared/identityConflict.js'
import { Advisor } from '../../entities/Advisor.js'
import { Client } from '../../entities/Client.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { Contract } from '../../entities/Contract.js'
import { Tag } from '../../entities/Tag.js'
import type { CustomFieldDefinition, CustomValue } from '../../shared/customFields.js'
import { activeFields } from '../customFields/fieldCatalog.js'
import { mappedCustomKeys, type ImportMapping, type ParsedRow } from './importRows.js'
import { nameKey } from './nameCandidates.js'

export type ClientMatch = 'number' | 'email' | 'name' | 'contract' | 'new' | 'sameFile'
export type ContractMatch = 'existing' | 'new' | 'sameFile' | 'none'

/** What the import does, or would do, with one row. */
export interface RowOutcome {
  line: number
  errors: string[]
  client?: { match: ClientMatch; id: number | null; score?: number; label: string }
  contract?: { match: ContractMatch; reference: string | null }
  /** The row names a client that is someone else; `decision` is what the admin chose, if anything. */
  conflict?: IdentityConflict
  decision?: IdentityDecision
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
  /** Tags to put on the client (absent in a job's state saved before tags existed). */
  tags?: string[]
  /** Its marketing consent from the file (source `import`), if the row gives one. */
  consent?: 'in' | 'out' | null
  /** Its custom values from the file, checked as the client form checks them, by field key. */
  custom?: Record<string, CustomValue>
  /** `fieldId:uniqueValue` of its unique custom values, kept from the later rows of the file. */
  uniqueKeys?: string[]
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

/** The line of the file that created each client of a batch, as its `imported` event keeps it. */
async function importedLines(dataSource: DataSource, batchId: number): Promise<Map<number, number>> {
  const events = await dataSource
    .getRepository(ClientEvent)
    .createQueryBuilder('e')
    .select(['e.clientId', 'e.data'])
    .innerJoin(Client, 'c', 'c.id = e.clientId')
    .where('c.importBatchId = :batchId AND e.type = :type', { batchId, type: 'imported' })
    .getMany()
  const lines = new Map<number, number>()
  for (const e of events) {
    const line = Number(e.data?.line)
    if (e.clientId !== null && e.data?.importBatchId === batchId && Number.isInteger(line))
      lines.set(e.clientId, line)
  }
  return lines
}

/** What the import remembers across chunks: advisors, and what earlier rows of the file create. */
export class ImportState {
  readonly clientsByNumber = new Map<string, NewClient>()
  readonly clientsByEmail = new Map<string, NewClient>()
  readonly clientsByName = new Map<string, NewClient>()
  readonly contracts = new Map<string, NewContract>()
  /**
   * Ids of the clients and contracts this import wrote: found in the database by a later chunk,
   * they still count as the file's own (as in the dry run, which writes nothing).
   */
  readonly ownClientIds = new Set<number>()
  readonly ownContractIds = new Set<number>()
  /** `fieldId:uniqueValue` of the unique custom values the file's earlier rows give their new clients. */
  readonly uniqueValues = new Set<string>()
  constructor(
    readonly advisors: Map<string, number>,
    readonly decisions: IdentityDecisions = noDecisions(),
    /** The custom fields in use the mapping gives a column to. */
    readonly customFields: CustomFieldDefinition[] = [],
    /** The keys of the tags there are, when the importing admin may not create tags; null when they may. */
    readonly tagKeys: Set<string> | null = null,
  ) {}

  /** Remembers a client the file created, as the planner does when it plans it. */
  rememberClient(c: NewClient): void {
    this.clientsByNumber.set(c.clientNumber, c)
    if (c.email) this.clientsByEmail.set(c.email, c)
    if (c.advisorId !== null) this.clientsByName.set(nameKey(c.advisorId, c), c)
    if (c.id !== null) this.ownClientIds.add(c.id)
  }

  /**
   * A fresh state with the advisors' codes (trimmed, upper-case) → ids, the custom fields the
   * mapping fills and, when the mapping says the admin may not create tags, the tags there are.
   */
  static async load(
    dataSource: DataSource,
    decisions?: IdentityDecisions | null,
    mapping: ImportMapping = {},
  ): Promise<ImportState> {
    const advisors = await dataSource.getRepository(Advisor).find({ select: { id: true, code: true } })
    const keys = mappedCustomKeys(mapping)
    const fields =
      keys.length === 0 ? [] : (await activeFields(dataSource)).filter((f) => keys.includes(f.key))
    const tagKeys =
      mapping.createTags === 0 && mapping.tags !== undefined
        ? new Set(
            (await dataSource.getRepository(Tag).find({ select: { nameKey: true } })).map((t) => t.nameKey),
          )
        : null
    return new ImportState(
      new Map(advisors.map((a) => [a.code.trim().toUpperCase(), a.id])),
      decisions ?? noDecisions(),
      fields,
      tagKeys,
    )
  }

  /**
   * The state of an import resumed after its committed chunks: what those chunks created is read
   * back from the database (the clients and contracts that carry the batch's id), so the rows
   * after them are planned exactly as in one uninterrupted run, and as in the dry run.
   */
  static async resume(
    dataSource: DataSource,
    batchId: number,
    decisions?: IdentityDecisions | null,
    mapping: ImportMapping = {},
  ): Promise<ImportState> {
    const state = await ImportState.load(dataSource, decisions, mapping)
    const clients = await dataSource.getRepository(Client).find({
      select: {
        id: true,
        clientNumber: true,
        lastName: true,
        firstName: true,
        email: true,
        phone: true,
        advisorId: true,
      },
      where: { importBatchId: batchId },
      order: { id: 'ASC' },
    })
    const lines = await importedLines(dataSource, batchId)
    const byId = new Map<number, NewClient>()
    for (const c of clients) {
      const created: NewClient = { ...c, line: lines.get(c.id) ?? 0 }
      byId.set(c.id, created)
      state.rememberClient(created)
    }
    const contracts = await dataSource.getRepository(Contract).find({
      select: { id: true, reference: true, product: true, advisorId: true, clientId: true, startDate: true },
      where: { importBatchId: batchId },
      order: { id: 'ASC' },
    })
    for (const k of contracts) {
      const owner = k.clientId === null ? undefined : byId.get(k.clientId)
      state.contracts.set(k.reference, {
        id: k.id,
        reference: k.reference,
        product: k.product,
        advisorId: k.advisorId,
        client: owner ? { created: owner } : { id: k.clientId as number },
        startDate: k.startDate,
      })
      state.ownContractIds.add(k.id)
    }
    return state
  }
}
