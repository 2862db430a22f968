import type { EntityManager } from 'typeorm'
import type { FieldChange } from '../../entities/ClientEvent.js'
import {
  customFieldName,
  customValueSchema,
  isCustomFieldName,
  type CustomFieldDefinition,
  type CustomValue,
} from '../../shared/customFields.js'
import type { Actor } from '../core/requestValues.js'
import { eventRow, insertEvents } from '../core/transaction.js'
import { parseInput } from '../core/requestValues.js'
import { InvalidInputError } from '../core/errors.js'
import { activeFields } from './fieldCatalog.js'
import { refuseTakenValues, writeValues } from './customValues.js'
import * as z from 'zod/mini'

// A client's custom values as a form (or a host's call) sends them: `cf__<key>` entries, read
// with the schema built from the definitions (shared/customFields.ts), then written in the
// caller's transaction with one `custom_field_changed` event.

/** The `cf__…` entries of a payload, for the fields in use (others are left out, as for built-in fields). */
export function customEntries(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => isCustomFieldName(name)))
}

/**
 * The values to write: on create every field (a field not sent takes its default, and a
 * required one without a value is `fieldRequired`), on edit the fields sent. Field errors are
 * under the form names (`cf__key`). A field marked "admins only" is required of admins only
 * (`adminOnlyFields`): who may not see it cannot fill it, so their create leaves it empty (or
 * takes its default), and the client page shows it missing to the admins.
 */
export function readCustomValues(
  fields: readonly CustomFieldDefinition[],
  values: Record<string, unknown>,
  creating: boolean,
  adminOnlyFields = true,
): Map<string, CustomValue> {
  const sent = customEntries(values)
  const shape: Record<string, z.core.$ZodType> = {}
  const input: Record<string, unknown> = {}
  for (const field of fields) {
    const name = customFieldName(field.key)
    if (!(name in sent) && !creating) continue
    const unseen = !adminOnlyFields && field.visibility === 'adminOnly'
    if (unseen && !(name in sent) && field.defaultValue === null) continue
    shape[name] = customValueSchema(field)
    input[name] =
      name in sent ? sent[name] : (field.defaultValue ?? (field.type === 'choices' ? '' : undefined))
  }
  const parsed = parseInput(z.object(shape), input) as Record<string, CustomValue>
  return new Map(
    fields
      .filter((f) => customFieldName(f.key) in parsed)
      .map((f) => [f.key, parsed[customFieldName(f.key)]]),
  )
}

/**
 * Refuses a value sent for a field marked "admins only" by who may not see those fields: a field
 * error under its name (`customFieldAdminOnly`), never a silent write nor a silent drop.
 */
export function refuseAdminOnlyValues(
  fields: readonly CustomFieldDefinition[],
  values: Record<string, unknown>,
  adminOnlyFields: boolean,
): void {
  if (adminOnlyFields) return
  const sent = customEntries(values)
  const errors = Object.fromEntries(
    fields
      .filter((f) => f.visibility === 'adminOnly' && customFieldName(f.key) in sent)
      .map((f) => [customFieldName(f.key), 'customFieldAdminOnly']),
  )
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors)
}

/**
 * Reads, checks and writes a client's custom values in the caller's transaction; one
 * `custom_field_changed` event with each field's old and new value (and its labels, so the
 * history stays readable if the field is removed). No change, no event. `adminOnlyFields`:
 * whether the writer may set the fields marked "admins only" (a new client still takes their defaults).
 */
export async function saveCustomValues(
  manager: EntityManager,
  actor: Actor,
  clientId: number,
  values: Record<string, unknown>,
  creating: boolean,
  adminOnlyFields = true,
): Promise<FieldChange[]> {
  const fields = await activeFields(manager)
  refuseAdminOnlyValues(fields, values, adminOnlyFields)
  const read = readCustomValues(fields, values, creating, adminOnlyFields)
  await refuseTakenValues(manager, clientId, fields, read, customFieldName)
  const changes = await writeValues(manager, clientId, fields, read, customFieldName)
  if (changes.length === 0) return []
  const labels = Object.fromEntries(
    fields
      .filter((f) => changes.some((c) => c.field === f.key))
      .map((f) => [f.key, { fr: f.labelFr, en: f.labelEn }]),
  )
  await insertEvents(manager, [eventRow(actor, clientId, 'custom_field_changed', null, changes, { labels })])
  return changes
}
