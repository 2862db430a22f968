// A new client's extras from its import row: its custom values (read with the client form's
// schema), the unique ones some client already has, its tags and its consent.
import type { EntityManager } from 'typeorm'
import { ClientCustomValue } from '../../entities/ClientCustomValue.js'
import { customFieldName, type CustomValue } from '../../shared/customFields.js'
import { InvalidInputError } from '../core/errors.js'
import { readCustomValues } from '../customFields/customInput.js'
import { uniqueValueOf } from '../customFields/customValues.js'
import { tagKey } from '../tags/tagInput.js'
import type { ParsedRow } from './importRows.js'
import type { ImportState, NewClient, RowOutcome } from './importState.js'

/** By row, its custom values read as the client form reads them, or the field errors. */
export type RowCustom = Map<ParsedRow, Record<string, CustomValue> | 'invalid'>

/** Each row's custom values, read with the client form's schema (only the fields mapped). */
export function readCustom(rows: ParsedRow[], state: ImportState): RowCustom {
  const out: RowCustom = new Map()
  if (state.customFields.length === 0) return out
  for (const row of rows) {
    const sent = Object.fromEntries(
      // A blank cell is undefined, not '': a blank yes/no stays blank (the form's unticked box is a no).
      state.customFields.map((f) => [customFieldName(f.key), row.custom[f.key]]),
    )
    try {
      out.set(row, Object.fromEntries(readCustomValues(state.customFields, sent, false)))
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      out.set(row, 'invalid')
    }
  }
  return out
}

/** The unique custom values of the chunk some client already has: one query, whatever the chunk's size. */
export async function takenUniqueValues(
  manager: EntityManager,
  custom: RowCustom,
  state: ImportState,
): Promise<Set<string>> {
  const unique = state.customFields.filter((f) => f.isUnique)
  const values = new Set<string>()
  for (const read of custom.values()) {
    if (read === 'invalid') continue
    for (const f of unique) {
      const value = uniqueValueOf(f, read[f.key] ?? null)
      if (value !== null) values.add(value)
    }
  }
  if (values.size === 0) return new Set()
  const rows = await manager
    .getRepository(ClientCustomValue)
    .createQueryBuilder('v')
    .select(['v.fieldId', 'v.uniqueValue'])
    .where('v.fieldId IN (:...ids) AND v.uniqueValue IN (:...values)', {
      ids: unique.map((f) => f.id),
      values: [...values],
    })
    .getMany()
  return new Set(rows.map((r) => `${r.fieldId}:${r.uniqueValue}`))
}

/**
 * What a new client takes from its row besides its identity: its tags (unknown ones refused when
 * the admin may not create tags), its consent, its custom values (a bad one, or a unique one some
 * client already has, is a row error). Null when the row is refused.
 */
export function extrasOf(
  row: ParsedRow,
  outcome: RowOutcome,
  state: ImportState,
  { custom, takenUnique }: { custom: RowCustom; takenUnique: Set<string> },
): Pick<NewClient, 'tags' | 'consent' | 'custom' | 'uniqueKeys'> | null {
  if (state.tagKeys && row.tags.some((name) => !state.tagKeys!.has(tagKey(name))))
    outcome.errors.push('importUnknownTag')
  const read = custom.get(row)
  if (read === 'invalid') outcome.errors.push('importBadCustomValue')
  const values = read && read !== 'invalid' ? read : {}
  const unique = state.customFields
    .filter((f) => f.isUnique)
    .flatMap((f) => {
      const value = uniqueValueOf(f, values[f.key] ?? null)
      return value === null ? [] : [`${f.id}:${value}`]
    })
  if (unique.some((u) => takenUnique.has(u) || state.uniqueValues.has(u)))
    outcome.errors.push('importCustomValueTaken')
  if (outcome.errors.length > 0) return null
  const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null))
  return {
    tags: row.tags,
    ...(row.consent ? { consent: row.consent } : {}),
    ...(Object.keys(filled).length > 0 ? { custom: filled } : {}),
    ...(unique.length > 0 ? { uniqueKeys: unique } : {}),
  }
}
