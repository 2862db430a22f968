import { normalizeIp, type Actor } from './requestValues.js'
import type { EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js'
import { ClientEvent, type FieldChange } from '../../entities/ClientEvent.js'
import type { ClientEventType } from '../../entities/columns.js'
import { MASK, isSecretKey } from './secrets.js'

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
