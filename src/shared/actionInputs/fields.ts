// The building blocks of the client actions' inputs: each `field.*` returns a zod schema that
// reads what a form sends (strings, or booleans from JSON) into the value the service receives,
// with the field's message key as its error, and registers what the form needs to draw it.
// One input shape per file beside this one; the server parses with it (`parseInput`, services/
// core/requestValues.ts), the service receives its output type, the panel's form draws its fields.
import * as z from 'zod/mini'
import { MAX_CONTRACT_IDS_LENGTH } from '../limits.js'

/** How the form draws a field (components/actionForm/FieldInput.tsx, one branch per kind). */
export type Widget =
  | 'textarea'
  | 'text'
  | 'checkbox'
  | 'password'
  | 'amount'
  | 'select'
  /** One client: the list of its contracts to tick; a selection: an "all active contracts" checkbox. */
  | 'contractChoice'
  /** The message templates to start an email from. */
  | 'templateChoice'
  /** Sent by another widget (the contract choice's ids), never drawn. */
  | 'hidden'

/** What the panel shows under a field besides its error. */
export type FieldExtra = 'strengthMeter' | 'balancePreview' | 'emailPreview'

export interface FieldMeta {
  widget: Widget
  required?: boolean
  /** The longest text the form lets one type (after trimming on the server). */
  maxLength?: number
  /** The longest raw value the server reads from the request before parsing (`tooLong` beyond). */
  limit: number
  /** A select's values, labelled by the resource's `labels.<field>.<value>`. */
  options?: readonly string[]
  extra?: FieldExtra
  /** Rows of a textarea. */
  rows?: number
}

/** Every field's form meta, keyed by its schema. */
export const formMeta = z.registry<FieldMeta>()

const described = <S extends z.core.$ZodType>(schema: S, meta: FieldMeta): S => {
  formMeta.add(schema, meta)
  return schema
}

const trimmed = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim())

// Optional as a key: a form leaves out what it does not send (an unticked checkbox), the field reads it.
const anything = () => z.optional(z.unknown())

const trimmedText = () => z.pipe(anything(), z.transform(trimmed))

/** A checkbox as forms send it (boolean, `true`, `on` or `1`). */
export const isChecked = (value: unknown) =>
  value === true || value === 'true' || value === 'on' || value === '1'

type TextWidget = 'text' | 'textarea'
interface TextOptions {
  maxLength: number
  rows?: number
  extra?: FieldExtra
}

/** A text the form must carry: blank is `fieldRequired`, longer than `maxLength` is `tooLong`. */
function requiredText(widget: TextWidget, { maxLength, ...rest }: TextOptions) {
  const schema = z.pipe(
    trimmedText(),
    z.string().check(z.minLength(1, 'fieldRequired'), z.maxLength(maxLength, 'tooLong')),
  )
  return described(schema, { widget, required: true, maxLength, limit: maxLength, ...rest })
}

/** A text the form may leave blank (null then); longer than `maxLength` is `tooLong`. */
function optionalText(widget: TextWidget, { maxLength, ...rest }: TextOptions) {
  const schema = z.pipe(
    z.pipe(trimmedText(), z.string().check(z.maxLength(maxLength, 'tooLong'))),
    z.transform((text): string | null => (text === '' ? null : text)),
  )
  return described(schema, { widget, maxLength, limit: maxLength, ...rest })
}

/** A password as typed (never trimmed); its rules are the server's (strength, confirmation). */
function password(limit: number, extra?: FieldExtra) {
  const schema = z.pipe(
    anything(),
    z.transform((value) => (typeof value === 'string' ? value : '')),
  )
  return described(schema, { widget: 'password', required: true, limit, ...(extra ? { extra } : {}) })
}

function checkbox() {
  return described(z.pipe(anything(), z.transform(isChecked)), { widget: 'checkbox', limit: 8 })
}

/**
 * The contracts a form ticked (sent by the contract choice as `contractIds`, a comma-separated
 * list of ids): `null` when the form sent none (the "all active contracts" checkbox decides then),
 * `[]` when none is ticked, `badContractIds` when it is anything but whole numbers.
 */
function contractIds() {
  const schema = z.pipe(
    anything(),
    z.transform((value, ctx): number[] | null => {
      if (value === undefined || value === null) return null
      const text = String(value).trim()
      if (text === '') return []
      const parts = text.split(',').map((p) => p.trim())
      if (parts.every((p) => /^[1-9]\d{0,9}$/.test(p))) return [...new Set(parts.map(Number))]
      ctx.issues.push({ code: 'custom', message: 'badContractIds', input: value })
      return []
    }),
  )
  return described(schema, { widget: 'hidden', limit: MAX_CONTRACT_IDS_LENGTH })
}

/** One of `options`; anything else (blank included) is `fieldRequired`. */
function select<const T extends string>(options: readonly [T, ...T[]]) {
  const schema = z.pipe(trimmedText(), z.enum(options, { error: 'fieldRequired' }))
  return described(schema, { widget: 'select', required: true, options, limit: 32 })
}

// `1234.56`, `-12,5`, `+ 1 234,56`, `1 234.56` (regular, no-break or thin spaces as thousands separators).
const AMOUNT = /^([+-]?)\s*(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/

/**
 * A signed amount typed by a person, as integer cents: blank is `fieldRequired`, unreadable
 * `invalidAmount`, zero (`-0`, `0,00`: a change of nothing is a mistake) `amountZero`.
 */
function amount(extra?: FieldExtra) {
  const schema = z.pipe(
    trimmedText(),
    z.transform((text, ctx): bigint => {
      const match = AMOUNT.exec(text)
      const error = text === '' ? 'fieldRequired' : !match ? 'invalidAmount' : null
      if (error || !match) {
        ctx.issues.push({ code: 'custom', message: error ?? 'invalidAmount', input: text })
        return 0n
      }
      const units = BigInt(match[2].replace(/[\s\u00a0\u202f]/g, ''))
      const cents = units * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'))
      if (cents === 0n) ctx.issues.push({ code: 'custom', message: 'amountZero', input: text })
      return match[1] === '-' ? -cents : cents
    }),
  )
  return described(schema, { widget: 'amount', required: true, limit: 32, ...(extra ? { extra } : {}) })
}

/** The message template an email was written from (`paymentReminder`, `paymentReminder:fr`), or null. */
function templateChoice() {
  const schema = z.pipe(
    anything(),
    z.transform((value, ctx): string | null => {
      if (value === undefined || value === null || value === '') return null
      if (typeof value === 'string') return value
      ctx.issues.push({ code: 'custom', message: 'invalidValue', input: value })
      return null
    }),
  )
  return described(schema, { widget: 'templateChoice', limit: 32 })
}

export const field = {
  text: (options: TextOptions) => requiredText('text', options),
  textarea: (options: TextOptions) => requiredText('textarea', options),
  optionalTextarea: (options: TextOptions) => optionalText('textarea', options),
  password,
  checkbox,
  contractIds,
  select,
  amount,
  templateChoice,
  /** The "contracts too" checkbox that the contract choice replaces for one client. */
  contractChoice: () =>
    described(z.pipe(anything(), z.transform(isChecked)), { widget: 'contractChoice', limit: 8 }),
}

/** An action's input: an object of `field.*` entries, in the order the form shows them. */
export const actionInput = <Shape extends z.core.$ZodLooseShape>(shape: Shape) => z.object(shape)

export type ActionInput = z.ZodMiniObject<z.core.$ZodLooseShape>
/** What the service receives. */
export type InputValue<S extends z.core.$ZodType> = z.output<S>

/** A field of the form, as drawn. */
export interface FormField extends FieldMeta {
  name: string
}

/** The fields of an input in their order, each with its form meta (hidden ones included). */
export function fieldsOf(input: ActionInput | undefined): FormField[] {
  if (!input) return []
  return Object.entries(input.def.shape).map(([name, schema]) => {
    const meta = formMeta.get(schema)
    if (!meta) throw new Error(`field ${name} has no form meta: declare it with field.*`)
    return { name, ...meta }
  })
}

/** The longest raw value of each field, as the server reads the request before parsing. */
export const payloadLimits = (input: ActionInput | undefined): Record<string, number> =>
  Object.fromEntries(fieldsOf(input).map((f) => [f.name, f.limit]))
