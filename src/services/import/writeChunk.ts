import type { EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { Commission } from '../../entities/Commission.js'
import { Contract } from '../../entities/Contract.js'
import type { ImportBatch } from '../../entities/ImportBatch.js'
import { contactSearchColumns, searchColumnsFor } from '../../shared/searchText.js'
import type { Actor } from '../core/requestValues.js'
import { chunks, eventRow, insertEvents } from '../core/transaction.js'
import type { ClientRef, ImportState, NewClient, NewContract, PlannedRow } from './importState.js'
import { tableOf } from '../core/tableNames.js'
import { refreshClientAdvisors } from '../core/clientAdvisors.js'
import { findIn } from '../core/findIn.js'
import { linkTagsByName } from '../tags/tagLinks.js'
import { customFieldName } from '../../shared/customFields.js'
import { insertValueRows, rowsOf } from '../customFields/customValues.js'

const labelsOf = (state: ImportState, custom: Record<string, unknown>) =>
  Object.fromEntries(
    state.customFields.filter((f) => f.key in custom).map((f) => [f.key, { fr: f.labelFr, en: f.labelEn }]),
  )

const clientIdOf = (ref: ClientRef | undefined) => (!ref ? null : ref.created ? ref.created.id : ref.id)

/** Writes a planned chunk: new clients with their `imported` events, new contracts, commissions. */
export async function writeChunk(
  manager: EntityManager,
  actor: Actor,
  batch: ImportBatch,
  planned: PlannedRow[],
  state: ImportState,
) {
  const ok = planned.filter((p) => p.outcome.errors.length === 0)
  await insertClients(manager, actor, batch, ok, state)
  const touched = await insertContracts(manager, batch, ok, state)
  // The clients of each advisor: new clients with a referent, clients of new contracts.
  await refreshClientAdvisors(manager, [
    ...ok.flatMap((p) => (p.client?.created?.advisorId ? [p.client.created.id] : [])),
    ...touched,
  ])
  await insertCommissions(manager, batch, ok)
}

async function insertClients(
  manager: EntityManager,
  actor: Actor,
  batch: ImportBatch,
  ok: PlannedRow[],
  state: ImportState,
) {
  const newClients = [
    ...new Set(ok.map((p) => p.client?.created).filter((c): c is NewClient => !!c && c.id === null)),
  ]
  if (newClients.length === 0) return
  const now = new Date()
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
        ...(c.consent
          ? {
              marketingConsent: c.consent,
              marketingConsentAt: now,
              marketingConsentSource: 'import' as const,
            }
          : {}),
        ...searchColumnsFor(c.lastName, c.firstName),
        ...contactSearchColumns(c.phone, null, c.email),
      })),
    )
    .updateEntity(false)
    .execute()
  const ids = await findIn(
    manager,
    Client,
    ['id', 'clientNumber'],
    'clientNumber',
    newClients.map((c) => c.clientNumber),
  )
  const byNumber = new Map(ids.map((c) => [c.clientNumber, c.id]))
  for (const c of newClients) {
    c.id = byNumber.get(c.clientNumber) ?? null
    if (c.id !== null) state.ownClientIds.add(c.id)
  }
  await insertEvents(
    manager,
    newClients.map((c) =>
      eventRow(actor, c.id as number, 'imported', null, null, {
        importBatchId: batch.id,
        fileName: batch.fileName,
        line: c.line,
        ...(c.tags?.length ? { tags: c.tags } : {}),
        ...(c.consent ? { marketingConsent: c.consent, consentSource: 'import' } : {}),
        // With the fields' labels, as `custom_field_changed` keeps them: readable if a field goes.
        ...(c.custom ? { custom: c.custom, labels: labelsOf(state, c.custom) } : {}),
      }),
    ),
  )
  // The custom values, a thousand rows a statement; the planner checked them (and the unique ones).
  const fields = state.customFields
  const valueRows = newClients.flatMap((c) =>
    c.id === null || !c.custom
      ? []
      : fields.flatMap((f) => (f.key in c.custom! ? rowsOf(f, c.id as number, c.custom![f.key]) : [])),
  )
  for (const part of chunks(valueRows)) await insertValueRows(manager, fields, part, customFieldName)
  await linkTagsByName(
    manager,
    actor,
    newClients.flatMap((c) => (c.id !== null && c.tags?.length ? [{ clientId: c.id, names: c.tags }] : [])),
  )
}

async function insertContracts(
  manager: EntityManager,
  batch: ImportBatch,
  ok: PlannedRow[],
  state: ImportState,
): Promise<(number | null)[]> {
  const newContracts = [
    ...new Set(
      ok
        .map((p) => (p.contract && 'created' in p.contract ? p.contract.created : null))
        .filter((c): c is NewContract => !!c && c.id === null),
    ),
  ]
  if (newContracts.length === 0) return []
  await manager
    .createQueryBuilder()
    .insert()
    .into(Contract)
    .values(
      newContracts.map((k) => ({
        reference: k.reference,
        product: k.product,
        advisorId: k.advisorId,
        clientId: clientIdOf(k.client),
        status: 'active' as const,
        startDate: k.startDate,
        importBatchId: batch.id,
      })),
    )
    .updateEntity(false)
    .execute()
  const ids = await findIn(
    manager,
    Contract,
    ['id', 'reference'],
    'reference',
    newContracts.map((k) => k.reference),
  )
  const byReference = new Map(ids.map((k) => [k.reference, k.id]))
  for (const k of newContracts) {
    k.id = byReference.get(k.reference) ?? null
    if (k.id !== null) state.ownContractIds.add(k.id)
  }
  return newContracts.filter((k) => k.advisorId !== null).map((k) => clientIdOf(k.client))
}

const COMMISSION_COLUMNS = [
  'contractId',
  'clientId',
  'advisorId',
  'amount',
  'rate',
  'period',
  'status',
  'importBatchId',
]

// The bulk of every chunk: plain multi-row INSERTs of 1,000 rows (TypeORM's builder spends more
// time on the parameters of a large INSERT than the database on the rows).
async function insertCommissions(manager: EntityManager, batch: ImportBatch, ok: PlannedRow[]) {
  const quote = (name: string) => manager.connection.driver.escape(name)
  for (let i = 0; i < ok.length; i += 1000) {
    const part = ok.slice(i, i + 1000)
    await manager.query(
      `INSERT INTO ${tableOf(manager.connection, Commission)} (${COMMISSION_COLUMNS.map(quote).join(', ')}) VALUES ${part
        .map(() => `(?, ?, ?, ?, ?, ?, 'pending', ?)`)
        .join(', ')}`,
      part.flatMap((p) => [
        !p.contract ? null : 'created' in p.contract ? p.contract.created.id : p.contract.id,
        clientIdOf(p.client),
        p.advisorId,
        p.row.amount,
        p.row.rate,
        p.row.period,
        batch.id,
      ]),
    )
  }
}
