import { In, type DataSource, type EntityManager } from 'typeorm'
import { Advisor } from '../../entities/Advisor.js'
import { Client } from '../../entities/Client.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import { ImportBatch, type ImportRowError } from '../../entities/ImportBatch.js'
import type { Actor } from '../core/actor.js'
import { generateClientNumber } from '../../shared/clientIdentity.js'
import { NAME_MATCH_THRESHOLD, nameSimilarity } from '../../shared/nameSimilarity.js'
import { normalizeForSearch, searchColumnsFor } from '../../shared/searchText.js'
import { readLayout, records, type CsvLayout } from './csvSource.js'
import { resolveImportLimits, type ImportLimits } from './importUploads.js'
import { readRow, REQUIRED_FIELDS, type ImportMapping, type ParsedRow } from './importRows.js'
import { isMysqlFamily } from '../core/transaction.js'

/** Rows planned and written together: one transaction and a fixed number of queries each. */
export const IMPORT_CHUNK = 2000
/** Errors the dry run answers with; all are counted. */
const KEPT_ERRORS = 5000
/** Bytes of errors the batch row keeps: its column is a TEXT, 64 KB on MySQL/MariaDB. */
const KEPT_ERROR_BYTES = 60_000

export type ClientMatch = 'number' | 'email' | 'name' | 'new' | 'sameFile'
export type ContractMatch = 'existing' | 'new' | 'sameFile' | 'none'

/** What the import does, or would do, with one row. */
export interface RowOutcome {
  line: number
  errors: string[]
  client?: { match: ClientMatch; id: number | null; score?: number; label: string }
  contract?: { match: ContractMatch; reference: string | null }
}

export interface ImportCounts {
  rows: number
  imported: number
  failed: number
  clientsMatchedByNumber: number
  clientsMatchedByEmail: number
  clientsMatchedByName: number
  clientsCreated: number
  contractsCreated: number
}

export interface DryRunReport {
  layout: CsvLayout
  counts: ImportCounts
  errors: ImportRowError[]
  /** The first rows' outcomes, to show what will happen. */
  sample: RowOutcome[]
}

interface NewClient {
  id: number | null
  clientNumber: string
  lastName: string
  firstName: string | null
  email: string | null
  phone: string | null
  advisorId: number | null
  line: number
}

interface NewContract {
  id: number | null
  reference: string
  product: string
  advisorId: number | null
  client: ClientRef
  startDate: string | null
}

type ClientRef = { id: number; created?: undefined } | { created: NewClient }

interface PlannedRow {
  row: ParsedRow
  outcome: RowOutcome
  client?: ClientRef
  contract?: { id: number } | { created: NewContract } | null
  advisorId: number | null
}

const emptyCounts = (): ImportCounts => ({
  rows: 0,
  imported: 0,
  failed: 0,
  clientsMatchedByNumber: 0,
  clientsMatchedByEmail: 0,
  clientsMatchedByName: 0,
  clientsCreated: 0,
  contractsCreated: 0,
})

/** What the import remembers across chunks: advisors, and what earlier rows of the file create. */
class ImportState {
  readonly clientsByNumber = new Map<string, NewClient>()
  readonly clientsByEmail = new Map<string, NewClient>()
  readonly clientsByName = new Map<string, NewClient>()
  readonly contracts = new Map<string, NewContract>()
  constructor(readonly advisors: Map<string, number>) {}
}

/**
 * The commission import: a CSV read in a stream, each row matched to a client (client number,
 * else email, else a close name at the same advisor, with the score) and a contract (reference),
 * or planned to create them. The dry run plans every row and writes nothing; the import plans
 * and writes chunk by chunk, one transaction each, and records an ImportBatch; undo removes
 * what a batch created and nothing else uses.
 */
export class CommissionImport {
  private readonly running = new Map<number, Promise<ImportBatch>>()

  constructor(
    private readonly dataSource: DataSource,
    /** Bounds of an upload: its size, line lengths and columns, and the parser's upload directory. */
    readonly limits: ImportLimits = resolveImportLimits(undefined),
  ) {}

  readLayout(path: string): Promise<CsvLayout> {
    return readLayout(path)
  }

  /** Fields the mapping must give a column to before anything runs. */
  missingFields(mapping: ImportMapping): string[] {
    return REQUIRED_FIELDS.filter((field) => mapping[field] === undefined)
  }

  async dryRun(
    path: string,
    mapping: ImportMapping,
    options: { onError?: (error: ImportRowError) => void; sample?: number } = {},
  ): Promise<DryRunReport> {
    const layout = await readLayout(path)
    const state = new ImportState(await this.advisorCodes())
    const counts = emptyCounts()
    const errors: ImportRowError[] = []
    const sample: RowOutcome[] = []
    for await (const chunk of this.chunks(path, layout, mapping)) {
      const planned = await this.plan(this.dataSource.manager, chunk, state)
      for (const p of planned) {
        this.count(counts, p)
        if (p.outcome.errors.length > 0) {
          const error = { line: p.row.line, errors: p.outcome.errors }
          options.onError?.(error)
          if (errors.length < KEPT_ERRORS) errors.push(error)
        }
        if (sample.length < (options.sample ?? 50)) sample.push(p.outcome)
      }
    }
    return { layout, counts, errors, sample }
  }

  /**
   * Starts an import and returns its batch at once; the rows are written in the background,
   * the batch's counters moving after each chunk. `finished(batchId)` waits for the end.
   */
  async start(actor: Actor, path: string, fileName: string, mapping: ImportMapping): Promise<ImportBatch> {
    const batch = await this.dataSource.getRepository(ImportBatch).save({
      fileName: fileName.slice(0, 255),
      actor: actor.email,
      status: 'running',
      mapping: mapping as Record<string, number>,
      errors: [],
    })
    const work = this.execute(actor, batch, path, mapping).finally(() => this.running.delete(batch.id))
    this.running.set(batch.id, work)
    return batch
  }

  /** The batch once its import has ended (at once if it is not running in this process). */
  async finished(batchId: number): Promise<ImportBatch> {
    await this.running.get(batchId)?.catch(() => undefined)
    return this.dataSource.getRepository(ImportBatch).findOneByOrFail({ id: batchId })
  }

  private async execute(actor: Actor, batch: ImportBatch, path: string, mapping: ImportMapping) {
    const repo = this.dataSource.getRepository(ImportBatch)
    const state = new ImportState(await this.advisorCodes())
    const counts = emptyCounts()
    const errors: ImportRowError[] = []
    let errorBytes = 2
    try {
      const layout = await readLayout(path)
      // One chunk read ahead: the file is parsed while the database writes the previous chunk.
      const chunks = this.chunks(path, layout, mapping)
      let next = chunks.next()
      for (let current = await next; !current.done; current = await next) {
        next = chunks.next()
        // Awaited on the next turn; marked handled now so a read error while we write is not "unhandled".
        next.catch(() => undefined)
        const chunk = current.value
        await this.dataSource.transaction(async (manager) => {
          const planned = await this.plan(manager, chunk, state)
          await this.write(manager, actor, batch, planned)
          for (const p of planned) {
            this.count(counts, p)
            if (p.outcome.errors.length > 0) {
              const error = { line: p.row.line, errors: p.outcome.errors }
              const size = JSON.stringify(error).length + 1
              if (errorBytes + size <= KEPT_ERROR_BYTES) {
                errors.push(error)
                errorBytes += size
              }
            }
          }
          await manager.update(ImportBatch, { id: batch.id }, this.progress(counts, errors))
        })
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

  private progress(counts: ImportCounts, errors: ImportRowError[]): Partial<ImportBatch> {
    return {
      rowsRead: counts.rows,
      rowsImported: counts.imported,
      rowsFailed: counts.failed,
      commissionsCreated: counts.imported,
      clientsCreated: counts.clientsCreated,
      clientsMatched:
        counts.clientsMatchedByNumber + counts.clientsMatchedByEmail + counts.clientsMatchedByName,
      contractsCreated: counts.contractsCreated,
      errors: [...errors],
    }
  }

  private count(counts: ImportCounts, p: PlannedRow) {
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
    else if (match === 'new') counts.clientsCreated += 1
    if (p.outcome.contract?.match === 'new') counts.contractsCreated += 1
  }

  private async advisorCodes(): Promise<Map<string, number>> {
    const advisors = await this.dataSource.getRepository(Advisor).find({ select: { id: true, code: true } })
    return new Map(advisors.map((a) => [a.code.trim().toUpperCase(), a.id]))
  }

  private async *chunks(
    path: string,
    layout: CsvLayout,
    mapping: ImportMapping,
  ): AsyncGenerator<ParsedRow[]> {
    let chunk: ParsedRow[] = []
    for await (const record of records(path, layout)) {
      chunk.push(readRow(record.line, record.values, mapping))
      if (chunk.length >= IMPORT_CHUNK) {
        yield chunk
        chunk = []
      }
    }
    if (chunk.length > 0) yield chunk
  }

  /**
   * Resolves a chunk with four lookups whatever its size (clients by number, by email, close
   * names at the rows' advisors, contracts by reference), then decides row by row.
   */
  private async plan(manager: EntityManager, rows: ParsedRow[], state: ImportState): Promise<PlannedRow[]> {
    const valid = rows.filter((r) => r.errors.length === 0)
    const numbers = [...new Set(valid.map((r) => r.clientNumber).filter((n): n is string => !!n))]
    const emails = [...new Set(valid.map((r) => r.email).filter((e): e is string => !!e))]
    const references = [...new Set(valid.map((r) => r.contractReference).filter((r): r is string => !!r))]
    const select = {
      id: true,
      clientNumber: true,
      email: true,
      advisorId: true,
      status: true,
      lastName: true,
      firstName: true,
    }
    const [byNumber, byEmail, contracts, candidates] = await Promise.all([
      numbers.length ? manager.find(Client, { select, where: { clientNumber: In(numbers) } }) : [],
      emails.length ? manager.find(Client, { select, where: { email: In(emails) } }) : [],
      references.length
        ? manager.find(Contract, {
            select: { id: true, reference: true, clientId: true, advisorId: true },
            where: { reference: In(references) },
          })
        : [],
      this.nameCandidates(manager, valid, state),
    ])
    const clientByNumber = new Map(byNumber.map((c) => [c.clientNumber, c]))
    const clientByEmail = new Map(byEmail.map((c) => [c.email as string, c]))
    const contractByReference = new Map(contracts.map((c) => [c.reference, c]))

    return rows.map((row) => {
      const outcome: RowOutcome = { line: row.line, errors: [...row.errors] }
      const planned: PlannedRow = { row, outcome, advisorId: null }
      if (outcome.errors.length > 0) return planned
      const advisorId = row.advisorCode ? (state.advisors.get(row.advisorCode.toUpperCase()) ?? null) : null
      if (row.advisorCode && advisorId === null) outcome.errors.push('importUnknownAdvisor')

      // The client: number, else email, else a close name at the same advisor, else a new one.
      let client: ClientRef | undefined
      const existing =
        (row.clientNumber && clientByNumber.get(row.clientNumber)) ||
        (row.email && clientByEmail.get(row.email))
      if (existing) {
        if (existing.status === 'deleted') outcome.errors.push('importClientDeleted')
        client = { id: existing.id }
        outcome.client = {
          match: row.clientNumber && clientByNumber.get(row.clientNumber) ? 'number' : 'email',
          id: existing.id,
          label: `${existing.clientNumber} ${existing.lastName}`,
        }
      } else {
        const pending =
          (row.clientNumber && state.clientsByNumber.get(row.clientNumber)) ||
          (row.email && state.clientsByEmail.get(row.email)) ||
          (!row.clientNumber && !row.email && advisorId !== null
            ? state.clientsByName.get(this.nameKey(advisorId, row))
            : undefined)
        if (pending) {
          client = { created: pending }
          outcome.client = {
            match: 'sameFile',
            id: null,
            label: `${pending.clientNumber} ${pending.lastName}`,
          }
        } else if (!row.clientNumber && !row.email && advisorId !== null && row.lastName) {
          const best = this.closest(candidates.get(advisorId) ?? [], row)
          if (best) {
            client = { id: best.id }
            outcome.client = { match: 'name', id: best.id, score: best.score, label: best.label }
          }
        }
        if (!client) {
          if (!row.lastName) outcome.errors.push('importNoLastName')
          else {
            const created: NewClient = {
              id: null,
              clientNumber: row.clientNumber ?? generateClientNumber(),
              lastName: row.lastName,
              firstName: row.firstName,
              email: row.email,
              phone: row.phone,
              advisorId,
              line: row.line,
            }
            client = { created }
            outcome.client = { match: 'new', id: null, label: `${created.clientNumber} ${created.lastName}` }
          }
        }
      }

      // The contract: by reference, else a new one (it needs a product), else none.
      let contract: PlannedRow['contract'] = null
      if (row.contractReference) {
        const found = contractByReference.get(row.contractReference)
        const pending = state.contracts.get(row.contractReference)
        if (found) {
          const ownerId = client && !client.created ? client.id : null
          if (found.clientId !== null && found.clientId !== ownerId)
            outcome.errors.push('importContractOfOtherClient')
          contract = { id: found.id }
          outcome.contract = { match: 'existing', reference: found.reference }
        } else if (pending) {
          const sameClient =
            client &&
            (client.created
              ? pending.client.created === client.created
              : !pending.client.created && pending.client.id === client.id)
          if (!sameClient) outcome.errors.push('importContractOfOtherClient')
          contract = { created: pending }
          outcome.contract = { match: 'sameFile', reference: pending.reference }
        } else if (!row.product) {
          outcome.errors.push('importNoProduct')
        } else if (client) {
          contract = {
            created: {
              id: null,
              reference: row.contractReference,
              product: row.product,
              advisorId,
              client,
              startDate: row.period,
            },
          }
          outcome.contract = { match: 'new', reference: row.contractReference }
        }
      } else {
        outcome.contract = { match: 'none', reference: null }
      }

      if (outcome.errors.length > 0) {
        // A refused row leaves nothing behind, not even for the rows after it.
        delete outcome.client
        delete outcome.contract
        return planned
      }
      // Remembered only now: what the next rows of the file may find.
      if (client?.created && outcome.client?.match === 'new') {
        const c = client.created
        state.clientsByNumber.set(c.clientNumber, c)
        if (c.email) state.clientsByEmail.set(c.email, c)
        if (advisorId !== null) state.clientsByName.set(this.nameKey(advisorId, row), c)
      }
      if (contract && 'created' in contract && outcome.contract?.match === 'new') {
        state.contracts.set(contract.created.reference, contract.created)
      }
      planned.client = client
      planned.contract = contract
      planned.advisorId =
        advisorId ??
        (contract && 'created' in contract ? contract.created.advisorId : null) ??
        (contract && 'id' in contract
          ? (contracts.find((k) => k.id === contract.id)?.advisorId ?? null)
          : null)
      return planned
    })
  }

  private nameKey(advisorId: number, row: { lastName: string | null; firstName: string | null }) {
    return `${advisorId}:${searchColumnsFor(row.lastName, row.firstName).searchName}`
  }

  /** Clients of the chunk's advisors whose name starts like one of the chunk's names: one query. */
  private async nameCandidates(
    manager: EntityManager,
    rows: ParsedRow[],
    state: ImportState,
  ): Promise<Map<number, { id: number; name: string; label: string }[]>> {
    const pairs = new Map<string, { advisorId: number; prefix: string }>()
    for (const row of rows) {
      if (row.clientNumber || row.email || !row.lastName || !row.advisorCode) continue
      const advisorId = state.advisors.get(row.advisorCode.toUpperCase())
      const prefix = normalizeForSearch(row.lastName).slice(0, 3)
      if (advisorId === undefined || prefix.length === 0) continue
      pairs.set(`${advisorId}:${prefix}`, { advisorId, prefix })
    }
    const out = new Map<number, { id: number; name: string; label: string }[]>()
    if (pairs.size === 0) return out
    const mysql = isMysqlFamily(this.dataSource)
    const qb = manager
      .createQueryBuilder(Client, 'c')
      .select([
        'c.id AS id',
        'c.advisorId AS advisorId',
        'c.searchName AS name',
        'c.clientNumber AS number',
        'c.lastName AS lastName',
      ])
      .where("c.status <> 'deleted'")
    const conditions: string[] = []
    let i = 0
    for (const { advisorId, prefix } of pairs.values()) {
      conditions.push(`(c.advisorId = :a${i} AND c.searchName ${mysql ? 'LIKE' : 'GLOB'} :p${i})`)
      qb.setParameter(`a${i}`, advisorId)
      qb.setParameter(
        `p${i}`,
        mysql
          ? `${prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
          : `${prefix.replace(/[*?[\]]/g, (ch) => `[${ch}]`)}*`,
      )
      i += 1
    }
    qb.andWhere(`(${conditions.join(' OR ')})`)
    const rowsFound: { id: number; advisorId: number; name: string; number: string; lastName: string }[] =
      await qb.getRawMany()
    for (const r of rowsFound) {
      const list = out.get(Number(r.advisorId)) ?? []
      list.push({ id: Number(r.id), name: r.name, label: `${r.number} ${r.lastName}` })
      out.set(Number(r.advisorId), list)
    }
    return out
  }

  private closest(candidates: { id: number; name: string; label: string }[], row: ParsedRow) {
    const name = searchColumnsFor(row.lastName, row.firstName).searchName
    let best: { id: number; score: number; label: string } | null = null
    for (const candidate of candidates) {
      const score = nameSimilarity(name, candidate.name)
      if (score >= NAME_MATCH_THRESHOLD && (!best || score > best.score)) {
        best = { id: candidate.id, score: Math.round(score * 100) / 100, label: candidate.label }
      }
    }
    return best
  }

  /** Writes a planned chunk: new clients, new contracts, commissions, `imported` events. */
  private async write(manager: EntityManager, actor: Actor, batch: ImportBatch, planned: PlannedRow[]) {
    const ok = planned.filter((p) => p.outcome.errors.length === 0)
    const newClients = [
      ...new Set(ok.map((p) => p.client?.created).filter((c): c is NewClient => !!c && c.id === null)),
    ]
    if (newClients.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Client)
        .values(
          newClients.map((c) => ({
            clientNumber: c.clientNumber,
            lastName: c.lastName,
            firstName: c.firstName,
            email: c.email,
            phone: c.phone,
            advisorId: c.advisorId,
            status: 'active' as const,
            importBatchId: batch.id,
            ...searchColumnsFor(c.lastName, c.firstName),
          })),
        )
        .updateEntity(false)
        .execute()
      const ids = await manager.find(Client, {
        select: { id: true, clientNumber: true },
        where: { clientNumber: In(newClients.map((c) => c.clientNumber)) },
      })
      const byNumber = new Map(ids.map((c) => [c.clientNumber, c.id]))
      for (const c of newClients) c.id = byNumber.get(c.clientNumber) ?? null
      await manager
        .createQueryBuilder()
        .insert()
        .into(ClientEvent)
        .values(
          newClients.map((c) => ({
            clientId: c.id,
            type: 'imported' as const,
            actorType: actor.type ?? 'admin',
            actor: actor.email,
            ip: actor.ip,
            reason: null,
            changes: null,
            data: { importBatchId: batch.id, fileName: batch.fileName, line: c.line },
          })),
        )
        .updateEntity(false)
        .execute()
    }
    const clientId = (ref: ClientRef | undefined) => (!ref ? null : ref.created ? ref.created.id : ref.id)
    const newContracts = [
      ...new Set(
        ok
          .map((p) => (p.contract && 'created' in p.contract ? p.contract.created : null))
          .filter((c): c is NewContract => !!c && c.id === null),
      ),
    ]
    if (newContracts.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Contract)
        .values(
          newContracts.map((k) => ({
            reference: k.reference,
            product: k.product,
            advisorId: k.advisorId,
            clientId: clientId(k.client),
            status: 'active' as const,
            startDate: k.startDate,
            importBatchId: batch.id,
          })),
        )
        .updateEntity(false)
        .execute()
      const ids = await manager.find(Contract, {
        select: { id: true, reference: true },
        where: { reference: In(newContracts.map((k) => k.reference)) },
      })
      const byReference = new Map(ids.map((k) => [k.reference, k.id]))
      for (const k of newContracts) k.id = byReference.get(k.reference) ?? null
    }
    // The commissions, the bulk of every chunk: plain multi-row INSERTs of 1,000 rows (TypeORM's
    // builder spends more time on the parameters of a large INSERT than the database on the rows).
    const columns = [
      'contractId',
      'clientId',
      'advisorId',
      'amount',
      'rate',
      'period',
      'status',
      'importBatchId',
    ]
    const quote = (name: string) => manager.connection.driver.escape(name)
    for (let i = 0; i < ok.length; i += 1000) {
      const part = ok.slice(i, i + 1000)
      await manager.query(
        `INSERT INTO ${quote('commissions')} (${columns.map(quote).join(', ')}) VALUES ${part
          .map(() => `(?, ?, ?, ?, ?, ?, 'pending', ?)`)
          .join(', ')}`,
        part.flatMap((p) => [
          !p.contract ? null : 'created' in p.contract ? p.contract.created.id : p.contract.id,
          clientId(p.client),
          p.advisorId,
          p.row.amount,
          p.row.rate,
          p.row.period,
          batch.id,
        ]),
      )
    }
  }

  /**
   * Removes what a batch created, in one transaction: its commissions, then its contracts and
   * clients that nothing else uses now. The clients' history stays (unlinked, as for any client
   * removed for good); the batch is kept, marked undone, with who did it.
   */
  async undo(actor: Actor, batchId: number) {
    return this.dataSource.transaction(async (manager) => {
      const batch = await manager.findOne(ImportBatch, {
        where: { id: batchId },
        lock: isMysqlFamily(this.dataSource) ? { mode: 'pessimistic_write' } : undefined,
      })
      if (!batch) return { refused: 'notFound' as const }
      if (batch.status === 'running' || batch.status === 'undone') return { refused: batch.status }
      const commissions = await manager.delete(Commission, { importBatchId: batchId })
      const contracts = await manager
        .createQueryBuilder()
        .delete()
        .from(Contract)
        .where('importBatchId = :batchId', { batchId })
        .andWhere('NOT EXISTS (SELECT 1 FROM commissions m WHERE m.contractId = contracts.id)')
        .execute()
      const unused = [
        'NOT EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = clients.id)',
        'NOT EXISTS (SELECT 1 FROM commissions m WHERE m.clientId = clients.id)',
        'NOT EXISTS (SELECT 1 FROM client_notes n WHERE n.clientId = clients.id)',
        'NOT EXISTS (SELECT 1 FROM email_logs l WHERE l.clientId = clients.id)',
        "NOT EXISTS (SELECT 1 FROM client_events e WHERE e.clientId = clients.id AND e.type <> 'imported')",
      ]
      const clients = await manager
        .createQueryBuilder()
        .delete()
        .from(Client)
        .where('importBatchId = :batchId', { batchId })
        .andWhere(unused.join(' AND '))
        .execute()
      await manager.update(
        ImportBatch,
        { id: batchId },
        { status: 'undone', undoneAt: new Date(), undoneBy: actor.email ?? null },
      )
      return {
        refused: null,
        commissions: commissions.affected ?? 0,
        contracts: contracts.affected ?? 0,
        clients: clients.affected ?? 0,
      }
    })
  }
}
