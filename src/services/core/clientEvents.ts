// The one event writer: every history row of a change goes through `eventRow` and `insertEvents`
// (secrets masked, inserts chunked), written in the change's own transaction (transaction.ts).
import type { EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js'
import { ClientEvent, type FieldChange } from '../../entities/ClientEvent.js'
import type { ClientEventType } from '../../entities/columns.js'
import { normalizeIp, type Actor } from './requestValues.js'
import { MASK, isSecretKey } from './secrets.js'
import { tableOf } from './tableNames.js'

// IN lists and multi-row INSERTs stay well under SQLite's 32,766 bound parameters.
const CHUNK = 1000
export const chunks = <T>(items: T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size))

/** One field's change for the history; a secret's values are masked, whatever they are. */
export const change = (field: string, from: unknown, to: unknown): FieldChange => ({
  field,
  from: isSecretKey(field) && from !== null && from !== undefined ? MASK : (from ?? null),
  to: isSecretKey(field) && to !== null && to !== undefined ? MASK : (to ?? null),
})

/** A history entry: who (admin, the client, or the system), from where, why and what changed. */
export function eventRow(
  actor: Actor,
  clientId: number,
  type: ClientEventType,
  reason: string | null,
  changes: FieldChange[] | null,
  data?: Record<string, unknown> | null,
): Partial<ClientEvent> {
  return {
    clientId,
    type,
    actorType: actor.type ?? 'admin',
    actor: actor.email,
    ip: normalizeIp(actor.ip),
    reason,
    changes: changes && changes.length > 0 ? changes : null,
    data: data && Object.keys(data).length > 0 ? data : null,
  }
}

/** All the events of a change in one multi-row INSERT (per chunk). */
export async function insertEvents(manager: EntityManager, events: Partial<ClientEvent>[]): Promise<void> {
  for (const part of chunks(events)) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ClientEvent)
      // FieldChange's `unknown` values are plain JSON; TypeORM's deep-partial type cannot tell.
      .values(part as QueryDeepPartialEntity<ClientEvent>[])
      // No read-back of generated columns: one statement, whatever the number of rows.
      .updateEntity(false)
      .execute()
  }
}

/**
 * The same event for every client a query names (its column `clientId`): one INSERT … SELECT,
 * nothing read into memory, whatever their number (a campaign's release step writes its
 * `campaign_sent` events so). The row is built as `eventRow` builds one; its columns written as
 * TypeORM writes them (the JSON one as JSON text), `createdAt` by the database's default.
 */
export async function insertEventPerClient(
  manager: EntityManager,
  actor: Actor,
  type: ClientEventType,
  data: Record<string, unknown> | null,
  clients: { sql: string; parameters: unknown[] },
): Promise<void> {
  const row = eventRow(actor, 0, type, null, null, data)
  const dataSource = manager.connection
  const metadata = dataSource.getMetadata(ClientEvent)
  const column = (property: string) =>
    dataSource.driver.escape(metadata.findColumnWithPropertyName(property)?.databaseName ?? property)
  const written = {
    type: row.type,
    actorType: row.actorType,
    actor: row.actor ?? null,
    ip: row.ip ?? null,
    data: row.data ? JSON.stringify(row.data) : null,
  }
  const names = Object.keys(written)
  await manager.query(
    `INSERT INTO ${tableOf(dataSource, ClientEvent)} (${['clientId', ...names].map(column).join(', ')}) ` +
      `SELECT s.clientId, ${names.map(() => '?').join(', ')} FROM (${clients.sql}) s`,
    [...Object.values(written), ...clients.parameters],
  )
}
