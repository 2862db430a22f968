/**
 * Pure checks of values that come from a request (a form, a JSON body, a query string), shared
 * by the record validation hook and the actions' payload reader: one way to say "one plain value".
 */

// C0 controls and DEL. Multi-line texts keep tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** A string, number or boolean: what a form field holds. An array or an object is not. */
export const isPlainValue = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  typeof value === 'boolean'

export const hasControlCharacters = (text: string, multiline = false): boolean =>
  (multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(text)

/**
 * AdminJS flattens a nested payload (`lastName.0`, `lastName.foo`): a key under `field.` means the
 * client sent an array or an object for `field`.
 */
export const nestedUnder = (payload: Record<string, unknown>, field: string): boolean =>
  Object.keys(payload).some((key) => key.startsWith(`${field}.`))

/** `2025-02-28` (optionally followed by a time, as AdminJS's date picker sends) that is a real day. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** A decimal with at most `precision` digits of which `scale` after the point (`-1234.56`). */
export function isDecimal(text: string, precision = 12, scale = 2): boolean {
  const match = /^-?(\d+)(\.(\d+))?$/.exec(text)
  if (!match) return false
  const whole = match[1].replace(/^0+(?=\d)/, '')
  return (match[3]?.length ?? 0) <= scale && whole.length <= precision - scale
}

/** A whole number that fits a signed 32-bit INT column. */
export const isWholeNumber = (text: string): boolean =>
  /^-?\d{1,10}$/.test(text) && Math.abs(Number(text)) <= 2_147_483_647

/** A positive record id (`12`), as a path or a query string carries it. */
export const isRecordId = (text: string): boolean =>
  /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2_147_483_647
