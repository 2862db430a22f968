import { EntityManager, In, Not, type DataSource } from 'typeorm'
import { ClientCustomValue } from '../../entities/ClientCustomValue.js'
import type { FieldChange } from '../../entities/ClientEvent.js'
import {
  isBlankValue,
  isNumberType,
  type CustomFieldDefinition,
  type CustomValue,
} from '../../shared/customFields.js'
import { chunks, isMysqlFamily } from '../core/transaction.js'
import { EntityRows } from '../core/entityRows.js'
import { InvalidInputError } from '../core/errors.js'

// The clients' values of custom fields, typed by column (entities/ClientCustomValue.ts): read
// for a page of clients in one query, written for one client as one DELETE and one INSERT.

type Row = Pick<
  ClientCustomValue,
  'clientId' | 'fieldId' | 'ordinal' | 'textValue' | 'textKey' | 'numberValue' | 'dateValue' | 'uniqueValue'
>
type Source = DataSource | EntityManager

const dataSourceOf = (source: Source): DataSource =>
  source instanceof EntityManager ? source.connection : source

/** The text a value is found and compared by (what the text index holds). */
export const textKeyOf = (text: string): string => text.toLowerCase().slice(0, 191)

/**
 * A unique field's value as the database compares it (`uniqueValue`, UNIQUE with the field): the
 * text's key, a number with four decimals (what MariaDB's DECIMAL(19,4) gives as text), the day.
 * Null for the other fields: they never clash.
 */
export function uniqueValueOf(field: CustomFieldDefinition, value: CustomValue): string | null {
  if (!field.isUnique || isBlankValue(value) || Array.isArray(value) || typeof value === 'boolean')
    return null
  if (isNumberType(field.type)) return Number(value).toFixed(4)
  return field.type === 'date' ? String(value) : textKeyOf(String(value))
}

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
    uniqueValue: ordinal === 0 ? uniqueValueOf(field, value) : null,
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
    // One statement built once (EntityRows), hydrated as `find` hydrates: a page of the list asks it.
    const rows = await EntityRows.of(dataSourceOf(source), ClientCustomValue).whereIn(
      source,
      { clientId: part, fieldId: [...byId.keys()] },
      ['clientId', 'fieldId', 'ordinal'],
    )
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
    const uniqueValue = uniqueValueOf(field, values.get(field.key) ?? null)
    if (uniqueValue === null) continue
    const where = {
      fieldId: field.id,
      uniqueValue,
      ...(clientId !== null ? { clientId: Not(clientId) } : {}),
    }
    if (await manager.getRepository(ClientCustomValue).existsBy(where))
      errors[nameOf(field.key)] = 'alreadyTaken'
  }
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors)
}

/** A write refused by a unique index (MariaDB's duplicate entry, SQLite's constraint). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } }
  const code = e?.driverError?.code ?? e?.code
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT'
}

/**
 * Inserts value rows; another instance's value written since the check (`refuseTakenValues`)
 * makes the unique index refuse them: `alreadyTaken` under the unique fields written, not a 500.
 */
export async function insertValueRows(
  manager: EntityManager,
  fields: readonly CustomFieldDefinition[],
  rows: Row[],
  nameOf: (key: string) => string,
): Promise<void> {
  if (rows.length === 0) return
  try {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ClientCustomValue)
      .values(rows)
      .updateEntity(false)
      .execute()
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // MariaDB names the entry (`'12-abc'`: the field's id first); SQLite does not: every unique field written.
    const named = /Duplicate entry '(\d+)-/.exec(String((error as Error).message))?.[1]
    const clashing = fields.filter(
      (f) =>
        rows.some((r) => r.fieldId === f.id && r.uniqueValue !== null) &&
        (named === undefined || Number(named) === f.id),
    )
    throw new InvalidInputError(Object.fromEntries(clashing.map((f) => [nameOf(f.key), 'alreadyTaken'])))
  }
}

/**
 * Fills (or clears) `uniqueValue` for a field's rows when it is made unique (or no longer is),
 * in SQL: the same text as `uniqueValueOf` on each database. Two clients sharing a value make the
 * index refuse it (`customFieldValuesShared` under `isUnique`).
 */
export async function fillUniqueValues(
  manager: EntityManager,
  fieldId: number,
  unique: boolean,
): Promise<void> {
  const mysql = isMysqlFamily(manager.connection)
  const number = mysql ? 'CAST(numberValue AS CHAR)' : "printf('%.4f', numberValue)"
  const date = mysql ? 'CAST(dateValue AS CHAR)' : 'dateValue'
  const filled = unique ? `CASE WHEN ordinal = 0 THEN COALESCE(textKey, ${number}, ${date}) END` : 'NULL'
  try {
    await manager
      .createQueryBuilder()
      .update(ClientCustomValue)
      .set({ uniqueValue: () => filled })
      .where('fieldId = :fieldId', { fieldId })
      .execute()
  } catch (error) {
    if (isDuplicateKey(error)) throw new InvalidInputError({ isUnique: 'customFieldValuesShared' })
    throw error
  }
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
  nameOf: (key: string) => string,
): Promise<FieldChange[]> {
  const touched = fields.filter((f) => values.has(f.key))
  if (touched.length === 0) return []
  const before = (await valuesOfClients(manager, [clientId], touched)).get(clientId) ?? {}
  const changed = touched.filter((f) => !same(before[f.key] ?? null, values.get(f.key) ?? null))
  if (changed.length === 0) return []
  await manager.getRepository(ClientCustomValue).delete({ clientId, fieldId: In(changed.map((f) => f.id)) })
  const rows = changed.flatMap((f) => rowsOf(f, clientId, values.get(f.key) ?? null))
  await insertValueRows(manager, changed, rows, nameOf)
  return changed.map((f) => ({
    field: f.key,
    from: isBlankValue(before[f.key] ?? null) ? null : before[f.key],
    to: isBlankValue(values.get(f.key) ?? null) ? null : (values.get(f.key) ?? null),
  }))
}
