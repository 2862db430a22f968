import { In, Not, type DataSource, type EntityManager } from 'typeorm'
import { ClientCustomValue } from '../../entities/ClientCustomValue.js'
import type { FieldChange } from '../../entities/ClientEvent.js'
import {
  isBlankValue,
  isNumberType,
  type CustomFieldDefinition,
  type CustomValue,
} from '../../shared/customFields.js'
import { chunks } from '../core/clientEvents.js'
import { InvalidInputError } from '../core/errors.js'

// The clients' values of custom fields, typed by column (entities/ClientCustomValue.ts): read
// for a page of clients in one query, written for one client as one DELETE and one INSERT.

type Row = Pick<
  ClientCustomValue,
  'clientId' | 'fieldId' | 'ordinal' | 'textValue' | 'textKey' | 'numberValue' | 'dateValue'
>
type Source = DataSource | EntityManager

/** The text a value is found and compared by (what the text index holds). */
export const textKeyOf = (text: string): string => text.toLowerCase().slice(0, 191)

/** The rows that store a value (none for a blank one). */
export function rowsOf(field: CustomFieldDefinition, clientId: number, value: CustomValue): Row[] {
  if (isBlankValue(value)) return []
  const row = (ordinal: number, column: Partial<Row>): Row => ({
    clientId,
    fieldId: field.id,
    ordinal,
    textValue: null,
    textKey: null,
    numberValue: null,
    dateValue: null,
    ...column,
  })
  if (Array.isArray(value)) return value.map((v, i) => row(i, { textValue: v, textKey: textKeyOf(v) }))
  if (field.type === 'yesNo') return [row(0, { numberValue: value ? 1 : 0 })]
  if (isNumberType(field.type)) return [row(0, { numberValue: String(value) })]
  if (field.type === 'date') return [row(0, { dateValue: String(value) })]
  return [row(0, { textValue: String(value), textKey: textKeyOf(String(value)) })]
}

/** A field's value from its rows (in ordinal order). */
export function valueOf(field: CustomFieldDefinition, rows: Row[]): CustomValue {
  if (rows.length === 0) return field.type === 'choices' ? [] : null
  const [first] = rows
  switch (field.type) {
    case 'choices':
      return rows.map((r) => r.textValue ?? '')
    case 'yesNo':
      return Number(first.numberValue) === 1
    case 'number':
    case 'decimal':
      return first.numberValue === null ? null : Number(first.numberValue)
    case 'money':
      return first.numberValue === null ? null : Number(first.numberValue).toFixed(2)
    case 'date':
      return first.dateValue === null ? null : String(first.dateValue).slice(0, 10)
    default:
      return first.textValue
  }
}

/** Client → field key → value, for these clients and fields: one query per thousand clients. */
export async function valuesOfClients(
  source: Source,
  clientIds: number[],
  fields: readonly CustomFieldDefinition[],
): Promise<Map<number, Record<string, CustomValue>>> {
  const out = new Map<number, Record<string, CustomValue>>()
  if (clientIds.length === 0 || fields.length === 0) return out
  const byId = new Map(fields.map((f) => [f.id, f]))
  const grouped = new Map<string, Row[]>()
  for (const part of chunks([...new Set(clientIds)])) {
    const rows = await source.getRepository(ClientCustomValue).find({
      where: { clientId: In(part), fieldId: In([...byId.keys()]) },
      order: { clientId: 'ASC', fieldId: 'ASC', ordinal: 'ASC' },
    })
    for (const row of rows) {
      const key = `${row.clientId}:${row.fieldId}`
      grouped.set(key, [...(grouped.get(key) ?? []), row])
    }
  }
  for (const id of clientIds) {
    const values: Record<string, CustomValue> = {}
    for (const field of fields) values[field.key] = valueOf(field, grouped.get(`${id}:${field.id}`) ?? [])
    out.set(id, values)
  }
  return out
}

/** Refuses a value of a unique field another client already has (`alreadyTaken` under its name). */
export async function refuseTakenValues(
  manager: EntityManager,
  clientId: number | null,
  fields: readonly CustomFieldDefinition[],
  values: Map<string, CustomValue>,
  nameOf: (key: string) => string,
): Promise<void> {
  const errors: Record<string, string> = {}
  for (const field of fields) {
    const value = values.get(field.key)
    if (!field.isUnique || value === undefined || isBlankValue(value)) continue
    const [row] = rowsOf(field, 0, value)
    const where = {
      fieldId: field.id,
      ...(row.textKey !== null ? { textKey: row.textKey } : {}),
      ...(row.numberValue !== null ? { numberValue: row.numberValue as string } : {}),
      ...(row.dateValue !== null ? { dateValue: row.dateValue } : {}),
      ...(clientId !== null ? { clientId: Not(clientId) } : {}),
    }
    if (await manager.getRepository(ClientCustomValue).existsBy(where))
      errors[nameOf(field.key)] = 'alreadyTaken'
  }
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors)
}

const same = (a: CustomValue, b: CustomValue) =>
  (isBlankValue(a) && isBlankValue(b)) || JSON.stringify(a) === JSON.stringify(b)

/**
 * Writes a client's new values (the fields in `values` only) and returns what changed, old →
 * new, one change per field: one DELETE of the changed fields' rows, one INSERT of their new ones.
 */
export async function writeValues(
  manager: EntityManager,
  clientId: number,
  fields: readonly CustomFieldDefinition[],
  values: Map<string, CustomValue>,
): Promise<FieldChange[]> {
  const touched = fields.filter((f) => values.has(f.key))
  if (touched.length === 0) return []
  const before = (await valuesOfClients(manager, [clientId], touched)).get(clientId) ?? {}
  const changed = touched.filter((f) => !same(before[f.key] ?? null, values.get(f.key) ?? null))
  if (changed.length === 0) return []
  await manager.getRepository(ClientCustomValue).delete({ clientId, fieldId: In(changed.map((f) => f.id)) })
  const rows = changed.flatMap((f) => rowsOf(f, clientId, values.get(f.key) ?? null))
  if (rows.length > 0)
    await manager
      .createQueryBuilder()
      .insert()
      .into(ClientCustomValue)
      .values(rows)
      .updateEntity(false)
      .execute()
  return changed.map((f) => ({
    field: f.key,
    from: isBlankValue(before[f.key] ?? null) ? null : before[f.key],
    to: isBlankValue(values.get(f.key) ?? null) ? null : (values.get(f.key) ?? null),
  }))
}
