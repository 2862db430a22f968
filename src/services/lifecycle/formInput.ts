import { InvalidInputError } from '../core/errors.js'

/** Field → message key of what is wrong with it, filled by the readers below. */
export type FieldErrors = Record<string, string>

function trimmed(value: unknown): string {
  return value === undefined || value === null ? '' : String(value).trim()
}

/** A text the form must carry: blank is `fieldRequired`, longer than `max` is `tooLong`. */
export function requiredText(fields: FieldErrors, name: string, value: unknown, max: number): string {
  const text = trimmed(value)
  if (text === '') fields[name] = 'fieldRequired'
  else if (text.length > max) fields[name] = 'tooLong'
  return text
}

/** A text the form may leave blank (null then); longer than `max` is `tooLong`. */
export function optionalText(fields: FieldErrors, name: string, value: unknown, max: number): string | null {
  const text = trimmed(value)
  if (text === '') return null
  if (text.length > max) fields[name] = 'tooLong'
  return text
}

/** Throws the field errors gathered, if any, before anything is written. */
export function throwIfInvalid(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
}

/**
 * The contracts a form ticked, as a comma-separated list of ids: `null` when the form sent none
 * (the bulk forms' "all active contracts" checkbox decides then), `[]` when none is ticked, a
 * field error when it is anything but whole numbers.
 */
export function contractIdList(fields: FieldErrors, name: string, value: unknown): number[] | null {
  if (value === undefined || value === null) return null
  const text = String(value).trim()
  if (text === '') return []
  const parts = text.split(',').map((p) => p.trim())
  if (!parts.every((p) => /^[1-9]\d{0,9}$/.test(p))) {
    fields[name] = 'badContractIds'
    return []
  }
  return [...new Set(parts.map(Number))]
}

/** A checkbox as forms send it (boolean, `true`, `on` or `1`). */
export const isChecked = (value: unknown) =>
  value === true || value === 'true' || value === 'on' || value === '1'
