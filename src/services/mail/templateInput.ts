import {
  MAX_TEMPLATE_HTML_LENGTH,
  MAX_TEMPLATE_SUBJECT_LENGTH,
  MAX_TEMPLATE_TEXT_LENGTH,
} from '../../shared/limits.js'
import { InvalidInputError } from '../core/errors.js'
import { LANGUAGES, type Language } from '../../shared/language.js'
import {
  isTemplateKey,
  TEMPLATE_SPECS,
  templateFields,
  type EmailTemplateKey,
  type TemplateText,
} from './templateCatalog.js'
import { checkTemplate, TemplateRefused } from './templateRender.js'

/** What the template page sends: which template, and its texts as typed. */
export interface TemplateDraftInput {
  template?: unknown
  language?: unknown
  subject?: unknown
  text?: unknown
  html?: unknown
  clientId?: unknown
}

export interface TemplateDraft {
  key: EmailTemplateKey
  language: Language
  text: TemplateText
}

type FieldErrors = Record<string, string>

/** Which template in which language; field errors when the request names none we have. */
export function readTemplateId(input: TemplateDraftInput): { key: EmailTemplateKey; language: Language } {
  const fields: FieldErrors = {}
  if (!isTemplateKey(input.template)) fields.template = 'invalidValue'
  if (!(LANGUAGES as readonly unknown[]).includes(input.language)) fields.language = 'invalidValue'
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
  return { key: input.template as EmailTemplateKey, language: input.language as Language }
}

function text(fields: FieldErrors, name: string, value: unknown, max: number, required: boolean): string {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    fields[name] = 'invalidValue'
    return ''
  }
  // Line ends as the browser sends them (\r\n) become \n; nothing else is changed.
  const raw = (value ?? '').replace(/\r\n?/g, '\n')
  if (raw.trim() === '') {
    if (required) fields[name] = 'fieldRequired'
    return ''
  }
  if (raw.length > max) fields[name] = 'tooLong'
  return raw
}

function check(
  fields: FieldErrors,
  name: string,
  source: string,
  key: EmailTemplateKey,
  customKeys: readonly string[],
  required = false,
) {
  if (fields[name] || source === '') return
  const spec = TEMPLATE_SPECS[key]
  try {
    checkTemplate(source, templateFields(key, customKeys), required ? spec.required : [])
  } catch (error) {
    if (!(error instanceof TemplateRefused)) throw error
    fields[name] = error.problem
  }
}

/**
 * A template as an admin typed it, checked before anything is written or sent: lengths, a
 * subject on one line, only the template's own merge fields, and those it needs (the link of a
 * confirmation or a reset) in the text body and in the HTML body when there is one.
 */
export function readTemplateDraft(
  input: TemplateDraftInput,
  customKeys: readonly string[] = [],
): TemplateDraft {
  const { key, language } = readTemplateId(input)
  const fields: FieldErrors = {}
  const subject = text(fields, 'subject', input.subject, MAX_TEMPLATE_SUBJECT_LENGTH, true).trim()
  if (!fields.subject && /\n/.test(subject)) fields.subject = 'invalidCharacters'
  const body = text(fields, 'text', input.text, MAX_TEMPLATE_TEXT_LENGTH, true)
  const html = text(fields, 'html', input.html, MAX_TEMPLATE_HTML_LENGTH, false)
  check(fields, 'subject', subject, key, customKeys)
  check(fields, 'text', body, key, customKeys, true)
  check(fields, 'html', html, key, customKeys, true)
  if (Object.keys(fields).length > 0) throw new InvalidInputError(fields)
  return { key, language, text: { subject, text: body, html: html === '' ? null : html } }
}

/** A client id sent by the preview (blank: a sample client). */
export function readClientId(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id < 1 || !/^\d+$/.test(String(value))) {
    throw new InvalidInputError({ clientId: 'invalidValue' })
  }
  return id
}
