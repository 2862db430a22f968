// What a request carries, read once for every entry point (the panel's actions, the record hooks,
// the list and export queries, the client area): who sends it and from where (the actor and its
// IP), one plain value per field, and an action's input parsed with its schema.
import { isIP } from 'node:net'
import * as z from 'zod/mini'
import { InvalidInputError } from './errors.js'

/** Who does something to a client, and from where: every history entry carries it. */
export interface Actor {
  /** The admin's email (or the client's, or the system job's name). */
  email: string | null
  ip: string | null
  type?: 'admin' | 'client' | 'system'
}

/**
 * The address a request came from, as history and login records keep it: an IPv4-mapped IPv6
 * address (`::ffff:127.0.0.1`, what Node gives on a dual-stack socket) written as IPv4, anything
 * that is not an IP address dropped (null). One helper for the panel and every account entry point,
 * so the same caller reads the same everywhere.
 */
export function normalizeIp(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const text = raw.trim()
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text)
  const ip = mapped ? mapped[1] : text
  return isIP(ip) ? ip : null
}

/** The admin behind a panel request: AdminJS's `currentAdmin.email` (if a string) and the request's IP, normalised. */
export function adminActor(email: unknown, ip: string | null | undefined): Actor {
  return { email: typeof email === 'string' ? email : null, ip: normalizeIp(ip), type: 'admin' }
}

// Checks of values from a form, a JSON body or a query string, shared by the record validation
// hook and the actions' payload reader: one way to say "one plain value".

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

/** Field → message key of what is wrong with it. */
export type FieldErrors = Record<string, string>

/**
 * Reads what a form (or a host's call) sent with an action's input schema (src/shared/
 * actionInputs/): the typed value, or InvalidInputError with each field's first message key
 * (`fieldRequired`, `tooLong`, `badContractIds`…) before anything is written.
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = z.safeParse(schema, payload ?? {})
  if (result.success) return result.data
  const fields: FieldErrors = {}
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '')
    fields[name] ??= issue.message
  }
  throw new InvalidInputError(fields)
}

/** Throws the field errors gathered, if any, before anything is written. */
export function throwIfInvalid(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
}
