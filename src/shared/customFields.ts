// Custom fields (issue 28): the types a firm may give a field, what a definition holds, and the
// schema that reads a client's values for a set of definitions. Built once from the definitions
// and read by the server (the client's create and edit, the import) and the panel (the inputs).
import * as z from 'zod/mini'
import { isValidEmail } from './clientIdentity.js'
import type { TagColour } from './tags.js'

export const CUSTOM_FIELD_TYPES = [
  'shortText',
  'longText',
  'number',
  'decimal',
  'money',
  'date',
  'yesNo',
  'choice',
  'choices',
  'email',
  'url',
  'phone',
] as const
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number]

/** Who sees a field: everyone who sees the client, or the admins (`Client.seeAdminOnlyFields`). */
export const CUSTOM_FIELD_VISIBILITIES = ['everyone', 'adminOnly'] as const
export type CustomFieldVisibility = (typeof CUSTOM_FIELD_VISIBILITIES)[number]

export interface CustomFieldChoice {
  /** Stored on the clients: renaming a choice's labels keeps their values. */
  value: string
  labelFr: string
  labelEn: string
  colour: TagColour
}

/** A definition as the services and the panel read it (entities/CustomField.ts stores it). */
export interface CustomFieldDefinition {
  id: number
  key: string
  type: CustomFieldType
  labelFr: string
  labelEn: string
  required: boolean
  isUnique: boolean
  defaultValue: string | null
  pattern: string | null
  choices: CustomFieldChoice[]
  position: number
  personal: boolean
  searchable: boolean
  visibility: CustomFieldVisibility
}

/** A value as the services hold it: text, number, `YYYY-MM-DD`, yes/no, or several choices. */
export type CustomValue = string | number | boolean | string[] | null

/** The form's (and the payload's) name of a field: `cf__birth_date`. */
export const CUSTOM_FIELD_PREFIX = 'cf__'
export const customFieldName = (key: string): string => `${CUSTOM_FIELD_PREFIX}${key}`
export const isCustomFieldName = (name: string): boolean => name.startsWith(CUSTOM_FIELD_PREFIX)

export const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/
export const CHOICE_VALUE = /^[a-z0-9][a-z0-9_-]{0,39}$/
export const MAX_SHORT_TEXT = 255
export const MAX_LONG_TEXT = 5000
export const MAX_CHOICES = 50
export const MAX_LABEL_LENGTH = 100
const MAX_PATTERN_LENGTH = 200

export const isNumberType = (type: CustomFieldType): boolean =>
  type === 'number' || type === 'decimal' || type === 'money'

// A control character other than a line break or tab (in a long text) has no place in a value.
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f]/
const INTEGER = /^[+-]?\d{1,15}$/
const DECIMAL = /^[+-]?\d{1,15}(?:[.,]\d{1,4})?$/
const MONEY = /^[+-]?\d{1,13}(?:[.,]\d{1,2})?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const PHONE = /^\+?[0-9 ().-]{4,30}$/

export const isCalendarDay = (text: string): boolean => {
  const match = DATE.exec(text)
  if (!match) return false
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return day.toISOString().slice(0, 10) === text
}

const isUrl = (text: string): boolean => {
  if (!/^https?:\/\//i.test(text) || text.length > 2000) return false
  try {
    return Boolean(new URL(text).host)
  } catch {
    return false
  }
}

/** A definition's pattern as a RegExp (anchored), or null if it does not compile. */
export function patternOf(pattern: string): RegExp | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return null
  try {
    return new RegExp(`^(?:${pattern})$`, 'u')
  } catch {
    return null
  }
}

/** The yes/no a form sends, or undefined if it is neither. */
function yesNo(text: string): boolean | undefined {
  if (['true', 'on', '1', 'yes', 'oui'].includes(text.toLowerCase())) return true
  if (['false', 'off', '0', 'no', 'non'].includes(text.toLowerCase())) return false
  return undefined
}

type Read = { value: CustomValue } | { error: string }

/** One non-blank value of a field read from what a form sends, or the message key of what is wrong. */
export function readValue(field: CustomFieldDefinition, text: string): Read {
  const control = field.type === 'longText' ? CONTROL : CONTROL_OR_BREAK
  if (control.test(text)) return { error: 'invalidCharacters' }
  switch (field.type) {
    case 'shortText':
    case 'longText': {
      const max = field.type === 'longText' ? MAX_LONG_TEXT : MAX_SHORT_TEXT
      if (text.length > max) return { error: 'tooLong' }
      const pattern = field.pattern ? patternOf(field.pattern) : null
      if (pattern && !pattern.test(text)) return { error: 'customFieldPattern' }
      return { value: text }
    }
    case 'email':
      return text.length <= MAX_SHORT_TEXT && isValidEmail(text)
        ? { value: text.toLowerCase() }
        : { error: 'invalidEmail' }
    case 'url':
      return isUrl(text) ? { value: text } : { error: 'invalidUrl' }
    case 'phone':
      return PHONE.test(text) ? { value: text } : { error: 'invalidPhone' }
    case 'number':
      return INTEGER.test(text) ? { value: Number(text) } : { error: 'invalidNumber' }
    case 'decimal':
      return DECIMAL.test(text) ? { value: Number(text.replace(',', '.')) } : { error: 'invalidNumber' }
    case 'money':
      return MONEY.test(text)
        ? { value: Number(text.replace(',', '.')).toFixed(2) }
        : { error: 'invalidAmount' }
    case 'date':
      return isCalendarDay(text) ? { value: text } : { error: 'invalidDate' }
    case 'yesNo': {
      const answer = yesNo(text)
      return answer === undefined ? { error: 'invalidValue' } : { value: answer }
    }
    case 'choice':
      return field.choices.some((c) => c.value === text) ? { value: text } : { error: 'invalidChoice' }
    case 'choices': {
      const picked = [...new Set(text.split(',').map((part) => part.trim()))].filter(Boolean)
      if (!picked.every((value) => field.choices.some((c) => c.value === value)))
        return { error: 'invalidChoice' }
      // In the definition's order, whatever the form's.
      return { value: field.choices.map((c) => c.value).filter((v) => picked.includes(v)) }
    }
  }
}

export const isBlankValue = (value: CustomValue | undefined): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * The schema of one field's value: what a form sends (a string; a boolean from JSON; several
 * choices comma-separated) into the value stored, null when blank; `fieldRequired` when the
 * field is required and blank, else the message key of what is wrong (`invalidEmail`…).
 */
export function customValueSchema(field: CustomFieldDefinition) {
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((raw, ctx): CustomValue => {
      const issue = (message: string) => {
        ctx.issues.push({ code: 'custom', message, input: raw })
        return null
      }
      if (raw !== null && raw !== undefined && !['string', 'number', 'boolean'].includes(typeof raw))
        return issue('invalidValue')
      const text = raw === null || raw === undefined ? '' : String(raw).trim()
      // An unticked yes/no is a "no", not a blank.
      if (text === '' && field.type === 'yesNo' && raw !== undefined && raw !== null) return false
      if (text === '') return field.required ? issue('fieldRequired') : null
      const read = readValue(field, text)
      if ('error' in read) return issue(read.error)
      if (field.required && isBlankValue(read.value)) return issue('fieldRequired')
      return read.value
    }),
  )
}

/** The label of a field in a language. */
export const fieldLabel = (field: Pick<CustomFieldDefinition, 'labelFr' | 'labelEn'>, language: string) =>
  language === 'fr' ? field.labelFr : field.labelEn

/** A value as one line of text (the page, the export, a merge field): choices by their labels. */
export function valueText(field: CustomFieldDefinition, value: CustomValue, language: string): string {
  if (value === null || value === undefined) return ''
  const choiceLabel = (v: string) => {
    const choice = field.choices.find((c) => c.value === v)
    return choice ? fieldLabel(choice, language) : v
  }
  if (Array.isArray(value)) return value.map(choiceLabel).join(', ')
  if (field.type === 'choice') return choiceLabel(String(value))
  if (typeof value === 'boolean') return language === 'fr' ? (value ? 'Oui' : 'Non') : value ? 'Yes' : 'No'
  return String(value)
}

/**
 * The list's filter on custom fields, one URL parameter (`filters.customFields`): up to ten
 * `key:op:argument` joined by `;` — `eq:text` (whole text, any case), `contains:text` (any
 * case), `yes:` / `no:`,
 * `range:from..to` (numbers or dates, either end left out), `any:a|b` / `all:a|b` (choices).
 */
export const CUSTOM_FILTER_OPS = ['eq', 'contains', 'yes', 'no', 'range', 'any', 'all'] as const
export type CustomFilterOp = (typeof CUSTOM_FILTER_OPS)[number]
const FILTER_ITEM = `[a-z][a-z0-9_]{0,39}:(?:${CUSTOM_FILTER_OPS.join('|')}):[^;]{0,200}`
export const CUSTOM_FILTER_PATTERN = new RegExp(`^${FILTER_ITEM}(?:;${FILTER_ITEM}){0,9}$`)

export interface CustomFilterItem {
  key: string
  op: CustomFilterOp
  /** eq, contains: the text; any/all: the choices; range: [from, to] ('' for an open end). */
  values: string[]
}

const RANGE_END = /^(-?\d{1,15}(?:\.\d{1,4})?|\d{4}-\d{2}-\d{2})?$/

/** The filter as sent, or null when it is absent or does not fit (the list then ignores it). */
export function readCustomFilter(raw: unknown): CustomFilterItem[] | null {
  if (typeof raw !== 'string' || !CUSTOM_FILTER_PATTERN.test(raw.trim())) return null
  const items: CustomFilterItem[] = []
  for (const part of raw.trim().split(';')) {
    const [key, op, ...rest] = part.split(':')
    const argument = rest.join(':').trim()
    const item = { key, op: op as CustomFilterOp }
    if (op === 'yes' || op === 'no') items.push({ ...item, values: [] })
    else if ((op === 'eq' || op === 'contains') && argument !== '')
      items.push({ ...item, values: [argument] })
    else if (op === 'any' || op === 'all') {
      const values = [...new Set(argument.split('|').map((v) => v.trim()))].filter((v) =>
        CHOICE_VALUE.test(v),
      )
      if (values.length === 0) return null
      items.push({ ...item, values })
    } else if (op === 'range') {
      const [from = '', to = ''] = argument.split('..').map((v) => v.trim())
      if (!RANGE_END.test(from) || !RANGE_END.test(to) || (from === '' && to === '')) return null
      items.push({ ...item, values: [from, to] })
    } else return null
  }
  return items
}
