import { In, type EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { Contract } from '../../entities/Contract.js'
import { generateClientNumber } from '../../shared/clientIdentity.js'
import type { ParsedRow } from './importRows.js'
import type { ClientRef, ImportState, NewClient, PlannedRow, RowOutcome } from './importState.js'
import { closestName, nameCandidates, nameKey, type NameCandidate } from './nameCandidates.js'

type FoundClient = Pick<
  Client,
  'id' | 'clientNumber' | 'email' | 'advisorId' | 'status' | 'lastName' | 'firstName'
>
type FoundContract = Pick<Contract, 'id' | 'reference' | 'clientId' | 'advisorId'>

/** What the database holds for a chunk's rows, found with four queries. */
interface ChunkLookups {
  clientByNumber: Map<string, FoundClient>
  clientByEmail: Map<string, FoundClient>
  contractByReference: Map<string, FoundContract>
  contracts: FoundContract[]
  candidates: Map<number, NameCandidate[]>
}

/**
 * Resolves a chunk with four lookups whatever its size (clients by number, by email, close
 * names at the rows' advisors, contracts by reference), then decides row by row.
 */
export async function planChunk(
  manager: EntityManager,
  rows: ParsedRow[],
  state: ImportState,
): Promise<PlannedRow[]> {
  const lookups = await lookUp(manager, rows, state)
  return rows.map((row) => planRow(row, state, lookups))
}

async function lookUp(manager: EntityManager, rows: ParsedRow[], state: ImportState): Promise<ChunkLookups> {
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
    nameCandidates(manager, valid, state),
  ])
  return {
    clientByNumber: new Map(byNumber.map((c) => [c.clientNumber, c])),
    clientByEmail: new Map(byEmail.map((c) => [c.email as string, c])),
    contractByReference: new Map(contracts.map((c) => [c.reference, c])),
    contracts,
    candidates,
  }
}

function planRow(row: ParsedRow, state: ImportState, lookups: ChunkLookups): PlannedRow {
  const outcome: RowOutcome = { line: row.line, errors: [...row.errors] }
  const planned: PlannedRow = { row, outcome, advisorId: null }
  if (outcome.errors.length > 0) return planned
  const advisorId = row.advisorCode ? (state.advisors.get(row.advisorCode.toUpperCase()) ?? null) : null
  if (row.advisorCode && advisorId === null) outcome.errors.push('importUnknownAdvisor')

  const client = matchClient(row, advisorId, outcome, state, lookups)
  const contract = matchContract(row, advisorId, client, outcome, state, lookups)

  if (outcome.errors.length > 0) {
    // A refused row leaves nothing behind, not even for the rows after it.
    delete outcome.client
    delete outcome.contract
    return planned
  }
  // Remembered only now: what the next rows of the file may find.
  if (client?.created && outcome.client?.match === 'new') state.rememberClient(client.created)
  if (contract && 'created' in contract && outcome.contract?.match === 'new') {
    state.contracts.set(contract.created.reference, contract.created)
  }
  planned.client = client
  planned.contract = contract
  planned.advisorId =
    advisorId ??
    (contract && 'created' in contract ? contract.created.advisorId : null) ??
    (contract && 'id' in contract
      ? (lookups.contracts.find((k) => k.id === contract.id)?.advisorId ?? null)
      : null)
  return planned
}

/** The client: number, else email, else a close name at the same advisor, else a new one. */
function matchClient(
  row: ParsedRow,
  advisorId: number | null,
  outcome: RowOutcome,
  state: ImportState,
  { clientByNumber, clientByEmail, candidates }: ChunkLookups,
): ClientRef | undefined {
  // A client this import wrote in an earlier chunk is the file's own, not one found in the database.
  const notOwn = (c: FoundClient | undefined) => (c && !state.ownClientIds.has(c.id) ? c : undefined)
  const byNumber = row.clientNumber ? notOwn(clientByNumber.get(row.clientNumber)) : undefined
  const existing = byNumber ?? (row.email ? notOwn(clientByEmail.get(row.email)) : undefined)
  if (existing) {
    if (existing.status === 'deleted') outcome.errors.push('importClientDeleted')
    outcome.client = {
      match: byNumber ? 'number' : 'email',
      id: existing.id,
      label: `${existing.clientNumber} ${existing.lastName}`,
    }
    return { id: existing.id }
  }
  const pending =
    (row.clientNumber && state.clientsByNumber.get(row.clientNumber)) ||
    (row.email && state.clientsByEmail.get(row.email)) ||
    (!row.clientNumber && !row.email && advisorId !== null
      ? state.clientsByName.get(nameKey(advisorId, row))
      : undefined)
  if (pending) {
    outcome.client = { match: 'sameFile', id: null, label: `${pending.clientNumber} ${pending.lastName}` }
    return { created: pending }
  }
  if (!row.clientNumber && !row.email && advisorId !== null && row.lastName) {
    const others = (candidates.get(advisorId) ?? []).filter((c) => !state.ownClientIds.has(c.id))
    const best = closestName(others, row)
    if (best) {
      outcome.client = { match: 'name', id: best.id, score: best.score, label: best.label }
      return { id: best.id }
    }
  }
  if (!row.lastName) {
    outcome.errors.push('importNoLastName')
    return undefined
  }
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
  outcome.client = { match: 'new', id: null, label: `${created.clientNumber} ${created.lastName}` }
  return { created }
}

/** The contract: by reference, else a new one (it needs a product), else none. */
function matchContract(
  row: ParsedRow,
  advisorId: number | null,
  client: ClientRef | undefined,
  outcome: RowOutcome,
  state: ImportState,
  { contractByReference }: ChunkLookups,
): PlannedRow['contract'] {
  if (!row.contractReference) {
    outcome.contract = { match: 'none', reference: null }
    return null
  }
  const inDatabase = contractByReference.get(row.contractReference)
  const found = inDatabase && !state.ownContractIds.has(inDatabase.id) ? inDatabase : undefined
  const pending = state.contracts.get(row.contractReference)
  if (found) {
    const ownerId = client && !client.created ? client.id : null
    if (found.clientId !== null && found.clientId !== ownerId)
      outcome.errors.push('importContractOfOtherClient')
    outcome.contract = { match: 'existing', reference: found.reference }
    return { id: found.id }
  }
  if (pending) {
    const sameClient =
      client &&
      (client.created
        ? pending.client.created === client.created
        : !pending.client.created && pending.client.id === client.id)
    if (!sameClient) outcome.errors.push('importContractOfOtherClient')
    outcome.contract = { match: 'sameFile', reference: pending.reference }
    return { created: pending }
  }
  if (!row.product) {
    outcome.errors.push('importNoProduct')
    return null
  }
  if (!client) return null
  outcome.contract = { match: 'new', reference: row.contractReference }
  return {
    created: {
      id: null,
      reference: row.contractReference,
      product: row.product,
      advisorId,
      client,
      startDate: row.period,
    },
  }
}
