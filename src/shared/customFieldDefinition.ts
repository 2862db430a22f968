// What an admin types to define a custom field (issue 28), read with one schema: the key, the
// type, the labels in both languages, the choices (one a line: `value | Libellé | Label | colour`),
// the pattern and the default (checked against the field it defines). Every mistake is a field
// error under the form's field, never a 500.
import * as z from 'zod/mini'
import {
  CHOICE_VALUE,
  CUSTOM_FIELD_KEY,
  CUSTOM_FIELD_TYPES,
  CUSTOM_FIELD_VISIBILITIES,
  MAX_CHOICES,
  MAX_LABEL_LENGTH,
  patternOf,
  readValue,
  type CustomFieldChoice,
  type CustomFieldDefinition,
} from './customFields.js'
import { isTagColour } from './tags.js'

// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/

const text = (raw: unknown) => (raw === undefined || raw === null ? '' : String(raw).trim())
const checked = (raw: unknown) => raw === true || ['true', 'on', '1'].includes(text(raw))

/** The choices' lines as the form shows them. */
export const choicesText = (choices: readonly CustomFieldChoice[]): string =>
  choices.map((c) => [c.value, c.labelFr, c.labelEn, c.colour].join(' | ')).join('\n')

/** `value | Libellé fr | Label en | colour` a line (English label and colour optional). */
export function readChoices(raw: unknown): CustomFieldChoice[] | { error: string } {
  const lines = text(raw)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  if (lines.length > MAX_CHOICES) return { error: 'customFieldTooManyChoices' }
  const choices: CustomFieldChoice[] = []
  for (const line of lines) {
    const [value = '', labelFr = '', labelEn = '', colour = ''] = line.split('|').map((p) => p.trim())
    if (!CHOICE_VALUE.test(value)) return { error: 'customFieldChoiceValue' }
    if (choices.some((c) => c.value === value)) return { error: 'customFieldChoiceTwice' }
    const label = labelFr || value
    const english = labelEn || label
    if ([label, english].some((l) => l.length > MAX_LABEL_LENGTH || CONTROL.test(l)))
      return { error: 'customFieldChoiceLabel' }
    if (colour !== '' && !isTagColour(colour)) return { error: 'customFieldChoiceColour' }
    choices.push({ value, labelFr: label, labelEn: english, colour: colour === '' ? 'grey' : colour })
  }
  return choices
}

const label = () =>
  z.pipe(
    z.pipe(z.optional(z.unknown()), z.transform(text)),
    z.string().check(
      z.minLength(1, 'fieldRequired'),
      z.maxLength(MAX_LABEL_LENGTH, 'tooLong'),
      z.refine((l) => !CONTROL.test(l), 'invalidCharacters'),
    ),
  )

const optionalText = (max: number) =>
  z.pipe(
    z.pipe(z.optional(z.unknown()), z.transform(text)),
    z.pipe(
      z.string().check(z.maxLength(max, 'tooLong')),
      z.transform((t): string | null => (t === '' ? null : t)),
    ),
  )

/** The definition form's fields, read one by one (the cross-field checks come after). */
const definitionShape = z.object({
  key: z.pipe(
    z.pipe(z.optional(z.unknown()), z.transform(text)),
    z.string().check(z.regex(CUSTOM_FIELD_KEY, 'customFieldKeyInvalid')),
  ),
  type: z.pipe(
    z.pipe(z.optional(z.unknown()), z.transform(text)),
    z.enum(CUSTOM_FIELD_TYPES, 'invalidChoice'),
  ),
  labelFr: label(),
  labelEn: label(),
  required: z.pipe(z.optional(z.unknown()), z.transform(checked)),
  isUnique: z.pipe(z.optional(z.unknown()), z.transform(checked)),
  personal: z.pipe(z.optional(z.unknown()), z.transform(checked)),
  searchable: z.pipe(z.optional(z.unknown()), z.transform(checked)),
  visibility: z.pipe(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((v) => text(v) || 'everyone'),
    ),
    z.enum(CUSTOM_FIELD_VISIBILITIES, 'invalidChoice'),
  ),
  position: z.pipe(
    z.pipe(
      z.optional(z.unknown()),
      z.transform((v) => text(v) || '0'),
    ),
    z.pipe(
      z.string().check(z.regex(/^-?\d{1,6}$/, 'invalidNumber')),
      z.transform((v) => Number(v)),
    ),
  ),
  defaultValue: optionalText(255),
  pattern: optionalText(200),
  choices: z.optional(z.unknown()),
})

export type DefinitionInput = Omit<CustomFieldDefinition, 'id'>

/**
 * A definition from the form, or the field errors (form field → message key). The choices are
 * required for the choice types and refused for the others; a pattern only for text, and it
 * must compile; a default must be a valid value of the field; unique is for text, numbers, dates.
 */
export function readDefinition(
  payload: Record<string, unknown>,
): { definition: DefinitionInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const parsed = z.safeParse(definitionShape, payload)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
    return { errors }
  }
  const { choices: rawChoices, ...fields } = parsed.data
  const choices = readChoices(rawChoices)
  const definition: DefinitionInput = { ...fields, choices: Array.isArray(choices) ? choices : [] }
  const choosing = fields.type === 'choice' || fields.type === 'choices'
  if (!Array.isArray(choices)) errors.choices = choices.error
  else if (choosing && choices.length === 0) errors.choices = 'customFieldChoicesRequired'
  else if (!choosing && choices.length > 0) errors.choices = 'customFieldNoChoices'
  if (fields.pattern !== null) {
    if (fields.type !== 'shortText' && fields.type !== 'longText') errors.pattern = 'customFieldNoPattern'
    else if (!patternOf(fields.pattern)) errors.pattern = 'customFieldPatternInvalid'
  }
  if (fields.isUnique && (fields.type === 'yesNo' || choosing || fields.type === 'longText'))
    errors.isUnique = 'customFieldNotUnique'
  if (fields.searchable && !['shortText', 'longText', 'email', 'url', 'phone'].includes(fields.type))
    errors.searchable = 'customFieldNotSearchable'
  if (fields.defaultValue !== null && !errors.choices && !errors.pattern) {
    const read = readValue({ ...definition, id: 0 }, fields.defaultValue)
    if ('error' in read) errors.defaultValue = read.error
  }
  return Object.keys(errors).length > 0 ? { errors } : { definition }
}
