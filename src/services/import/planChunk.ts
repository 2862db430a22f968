import type { EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { Contract } from '../../entities/Contract.js'
import type { ImportRowError } from '../../entities/ImportBatch.js'
import { generateClientNumber } from '../../shared/clientIdentity.js'
import {
  decisionFor,
  identitiesDiffer,
  type ConflictVia,
  type Identity,
  type IdentityConflict,
} from '../../shared/identityConflict.js'
import { findIn } from '../core/findIn.js'
import type { ParsedRow } from './importRows.js'
import { extrasOf, readCustom, takenUniqueValues, type RowCustom } from './planExtras.js'
import type { ClientRef, ImportState, NewClient, PlannedRow, RowOutcome } from './importState.js'
import { closestName, nameCandidates, nameKey, type NameCandidate } from './nameCandidates.js'

type FoundClient = Pick<
  Client,
  'id' | 'clientNumber' | 'email' | 'advisorId' | 'status' | 'lastName' | 'firstName'
>
type FoundContract = Pick<Contract, 'id' | 'reference' | 'clientId' | 'advisorId'>

/** What the database holds for a chunk's rows, found with five queries at most. */
export interface ChunkLookups {
  clientByNumber: Map<string, FoundClient>
  clientByEmail: Map<string, FoundClient>
  contractByReference: Map<string, FoundContract>
  contractById: Map<number, FoundContract>
  /** By id, the clients of the contracts found (and those found by number or email), to tell whether a row is their client. */
  contractOwners: Map<number, FoundClient>
  candidates: Map<number, NameCandidate[]>
  /** By row, its custom values read as the client form reads them, or the field errors. */
  custom: RowCustom
  /** `fieldId:uniqueValue` of the unique custom values some client already has. */
  takenUnique: Set<string>
}

/**
 * Resolves a chunk with four lookups whatever its size (clients by number, by email, close names
 * at the rows' advisors, contracts by reference; or `lookedUp`, made ahead), then row by row.
 */
export async function planChunk(
  manager: EntityManager,
  rows: ParsedRow[],
  state: ImportState,
  lookedUp?: ChunkLookups,
): Promise<PlannedRow[]> {
  const lookups = lookedUp ?? (await lookUp(manager, rows, state))
  return rows.map((row) => planRow(row, state, lookups))
}

/**
 * What the database holds for a chunk's rows; never what the file's earlier rows planned (a client
 * or contract this import created comes from the in-memory state, `notOwn`), so these may run on
 * other connections before the earlier chunks are committed (importRunner runs them ahead).
 */
export async function lookUp(
  manager: EntityManager,
  rows: ParsedRow[],
  state: ImportState,
): Promise<ChunkLookups> {
  const valid = rows.filter((r) => r.errors.length === 0)
  const numbers = [...new Set(valid.map((r) => r.clientNumber).filter((n): n is string => !!n))]
  const emails = [...new Set(valid.map((r) => r.email).filter((e): e is string => !!e))]
  const references = [...new Set(valid.map((r) => r.contractReference).filter((r): r is string => !!r))]
  const select = ['id', 'clientNumber', 'email', 'advisorId', 'status', 'lastName', 'firstName'] as const
  const custom = readCustom(valid, state)
  const [byNumber, byEmail, contracts, candidates, takenUnique] = await Promise.all([
    findIn(manager, Client, select, 'clientNumber', numbers),
    findIn(manager, Client, select, 'email', emails),
    findIn(manager, Contract, ['id', 'reference', 'clientId', 'advisorId'], 'reference', references),
    nameCandidates(manager, valid, state),
    takenUniqueValues(manager, custom, state),
  ])
  // The owners of the contracts found: most are the rows' clients, already read by number or email.
  const known = new Map([...byNumber, ...byEmail].map((c) => [c.id, c]))
  const ownerIds = [...new Set(contracts.map((k) => k.clientId).filter((id): id is number => id !== null))]
  const owners = await findIn(
    manager,
    Client,
    select,
    'id',
    ownerIds.filter((id) => !known.has(id)),
  )
  for (const owner of owners) known.set(owner.id, owner)
  return {
    contractOwners: known,
    clientByNumber: new Map(byNumber.map((c) => [c.clientNumber, c])),
    clientByEmail: new Map(byEmail.map((c) => [c.email as string, c])),
    contractByReference: new Map(contracts.map((c) => [c.reference, c])),
    contractById: new Map(contracts.map((c) => [c.id, c])),
    candidates,
    custom,
    takenUnique,
  }
}

function planRow(row: ParsedRow, state: ImportState, lookups: ChunkLookups): PlannedRow {
  const outcome: RowOutcome = { line: row.line, errors: [...row.errors] }
  const planned: PlannedRow = { row, outcome, advisorId: null }
  if (outcome.errors.length > 0) return planned
  const advisorId = row.advisorCode ? (state.advisors.get(row.advisorCode.toUpperCase()) ?? null) : null
  if (row.advisorCode && advisorId === null) outcome.errors.push('importUnknownAdvisor')

  const matched = matchClient(row, advisorId, outcome, state, lookups)
  const { contract, client } = matchContract(row, advisorId, matched, outcome, state, lookups)

  if (outcome.errors.length > 0) {
    // A refused row leaves nothing behind, not even for the rows after it.
    delete outcome.client
    delete outcome.contract
    return planned
  }
  // Remembered only now: what the next rows of the file may find.
  if (client?.created && outcome.client?.match === 'new') {
    state.rememberClient(client.created)
    for (const u of client.created.uniqueKeys ?? []) state.uniqueValues.add(u)
  }
  if (contract && 'created' in contract && outcome.contract?.match === 'new') {
    state.contracts.set(contract.created.reference, contract.created)
  }
  planned.client = client
  planned.contract = contract
  planned.advisorId =
    advisorId ??
    (contract && 'created' in contract ? contract.created.advisorId : null) ??
    (contract && 'id' in contract ? (lookups.contractById.get(contract.id)?.advisorId ?? null) : null)
  return planned
}

/** The client: number, else email, else a close name at the same advisor, else a new one. */
function matchClient(
  row: ParsedRow,
  advisorId: number | null,
  outcome: RowOutcome,
  state: ImportState,
  lookups: ChunkLookups,
): ClientRef | undefined {
  const { clientByNumber, clientByEmail, candidates } = lookups
  // A client this import wrote in an earlier chunk is the file's own, not one found in the database.
  const notOwn = (c: FoundClient | undefined) => (c && !state.ownClientIds.has(c.id) ? c : undefined)
  const byNumber = row.clientNumber ? notOwn(clientByNumber.get(row.clientNumber)) : undefined
  const existing = byNumber ?? (row.email ? notOwn(clientByEmail.get(row.email)) : undefined)
  if (existing) {
    const via = byNumber ? 'clientNumber' : 'email'
    if (!settle(row, outcome, state, conflictWith(row, via, { ...existing, line: undefined })))
      return undefined
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
    const via = row.clientNumber && state.clientsByNumber.get(row.clientNumber) ? 'clientNumber' : 'email'
    if (!settle(row, outcome, state, conflictWith(row, via, pending))) return undefined
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
  const extras = extrasOf(row, outcome, state, lookups)
  if (!extras) return undefined
  const created: NewClient = {
    id: null,
    clientNumber: row.clientNumber ?? generateClientNumber(),
    lastName: row.lastName,
    firstName: row.firstName,
    email: row.email,
    phone: row.phone,
    advisorId,
    line: row.line,
    ...extras,
  }
  outcome.client = { match: 'new', id: null, label: `${created.clientNumber} ${created.lastName}` }
  return { created }
}

/** The contract and the client the row goes to (a conflict attached anyway moves it to the contract's). */
function matchContract(
  row: ParsedRow,
  advisorId: number | null,
  matched: ClientRef | undefined,
  outcome: RowOutcome,
  state: ImportState,
  lookups: ChunkLookups,
): { contract: PlannedRow['contract']; client: ClientRef | undefined } {
  // A conflict on the client's own number or email already decided the row.
  if (outcome.conflict && outcome.decision !== 'attach') return { contract: null, client: undefined }
  let client = matched
  // A row that would create its client names nobody but through its contract: another client's
  // contract is then an identity question. A row whose number or email found its client keeps
  // importContractOfOtherClient (the file contradicts itself; attaching would not settle it).
  const owner = outcome.client?.match === 'new' ? contractOwner(row, lookups, state) : null
  const ownerId = owner && ('id' in owner.ref ? owner.ref.id : null)
  if (owner && !outcome.conflict) {
    const conflict = conflictWith(row, 'contractReference', owner.identity)
    if (conflict) {
      if (!settle(row, outcome, state, conflict)) return { contract: null, client: undefined }
      client = owner.ref
      outcome.client = owner.ref.created
        ? { match: 'sameFile', id: null, label: `${owner.identity.clientNumber} ${owner.identity.lastName}` }
        : {
            match: 'contract',
            id: ownerId,
            label: `${owner.identity.clientNumber} ${owner.identity.lastName}`,
          }
    }
  }
  return { contract: contractOf(row, advisorId, client, outcome, state, lookups), client }
}

/** The client a row's contract reference already belongs to, in the database or in the file. */
function contractOwner(
  row: ParsedRow,
  { contractByReference, contractOwners }: ChunkLookups,
  state: ImportState,
): { ref: ClientRef; identity: Identity & { id: number | null; line?: number } } | null {
  if (!row.contractReference) return null
  const inDatabase = contractByReference.get(row.contractReference)
  if (inDatabase && !state.ownContractIds.has(inDatabase.id)) {
    const found = inDatabase.clientId === null ? undefined : contractOwners.get(inDatabase.clientId)
    return found ? { ref: { id: found.id }, identity: { ...found, line: undefined } } : null
  }
  const pending = state.contracts.get(row.contractReference)
  if (pending?.client.created) return { ref: pending.client, identity: pending.client.created }
  return null
}

/** The contract: by reference, else a new one (it needs a product), else none. */
function contractOf(
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

/** The conflict when the client a row points at is clearly someone else; null when it is the same person. */
function conflictWith(
  row: ParsedRow,
  via: ConflictVia,
  existing: Identity & { id: number | null; line?: number },
): IdentityConflict | null {
  if (!identitiesDiffer(existing, row, via === 'email')) return null
  const value =
    via === 'clientNumber' ? row.clientNumber : via === 'email' ? row.email : row.contractReference
  return {
    via,
    value: value ?? '',
    existing: {
      id: existing.id,
      clientNumber: existing.clientNumber,
      lastName: existing.lastName,
      firstName: existing.firstName,
      email: existing.email,
      ...(existing.line ? { line: existing.line } : {}),
    },
    row: {
      clientNumber: row.clientNumber,
      lastName: row.lastName,
      firstName: row.firstName,
      email: row.email,
    },
  }
}

/**
 * Applies the admin's decision to a conflict: true when the row goes on (no conflict, or attached
 * anyway). Without a decision the row is an error, listed with both identities; skipped, too.
 */
function settle(row: ParsedRow, outcome: RowOutcome, state: ImportState, conflict: IdentityConflict | null) {
  if (!conflict) return true
  outcome.conflict = conflict
  const decision = decisionFor(state.decisions, row.line)
  if (decision) outcome.decision = decision
  if (decision === 'attach') return true
  outcome.errors.push(decision === 'skip' ? 'importIdentitySkipped' : 'importIdentityConflict')
  return false
}

/** A refused row as the error list keeps it: line, reasons, and both identities on a conflict. */
export const rowError = (p: PlannedRow): ImportRowError => ({
  line: p.row.line,
  errors: p.outcome.errors,
  ...(p.outcome.conflict ? { conflict: p.outcome.conflict } : {}),
})
