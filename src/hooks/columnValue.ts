import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js'
import {
  hasControlCharacters,
  isCalendarDate,
  isDecimal,
  isPlainValue,
  isWholeNumber,
} from '../services/core/requestValues.js'

/** What is wrong with one value of a payload: a message key, and whether no form could send it. */
export interface ValueProblem {
  message: string
  /** An array, an object, a number for a text: a crafted request (HTTP 400), not a typing mistake. */
  malformed: boolean
}

// A TEXT column holds 65,535 bytes; a character of utf8mb4 takes up to four.
const MAX_TEXT_LENGTH = 16_000
const TRUE_OR_FALSE = new Set(['true', 'false', '1', '0'])

const kindOf = (column: ColumnMetadata): string => {
  const { type } = column
  if (type === Number) return 'int'
  if (type === Boolean) return 'boolean'
  if (type === Date) return 'datetime'
  if (type === String) return 'varchar'
  return String(type)
}

const malformed = (message = 'invalidValue'): ValueProblem => ({ message, malformed: true })
const wrong = (message: string): ValueProblem => ({ message, malformed: false })

/**
 * Checks one payload value against its column, driven by the TypeORM metadata: a single value
 * of the column's type (text, whole number, decimal within precision and scale, real date,
 * boolean), no control characters, no longer than the column, one of `choices` when there are.
 */
export function columnValueProblem(
  column: ColumnMetadata,
  value: unknown,
  choices: readonly string[] | null,
): ValueProblem | null {
  if (value === undefined) return null
  if (value === null) return column.isNullable ? null : wrong('fieldRequired')
  if (!isPlainValue(value)) return malformed()
  const kind = kindOf(column)
  const numeric = ['int', 'integer', 'decimal', 'float', 'double'].includes(kind)
  if (typeof value === 'boolean' && kind !== 'boolean') return malformed()
  if (typeof value === 'number' && !numeric) return malformed()
  const text = String(value)
  if (text === '') return choices && !column.isNullable ? wrong('invalidChoice') : null
  if (hasControlCharacters(text, kind === 'text')) return wrong('invalidCharacters')
  if (kind === 'int' || kind === 'integer') return isWholeNumber(text) ? null : wrong('invalidWholeNumber')
  if (kind === 'decimal') {
    return isDecimal(text, column.precision ?? 12, column.scale ?? 2) ? null : wrong('invalidNumber')
  }
  if (kind === 'date' || kind === 'datetime') return isCalendarDate(text) ? null : wrong('invalidDate')
  if (kind === 'boolean') return TRUE_OR_FALSE.has(text) ? null : wrong('invalidValue')
  const max = column.length ? Number(column.length) : kind === 'text' ? MAX_TEXT_LENGTH : null
  if (max !== null && text.length > max) return wrong('tooLong')
  const allowed = choices ?? (column.enum ? column.enum.map(String) : null)
  if (allowed && !allowed.includes(text)) return wrong('invalidChoice')
  return null
}
