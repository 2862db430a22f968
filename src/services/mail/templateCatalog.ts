import { enEmails, type EmailTranslation } from '../../locale/en/emails.js'
import { frEmails } from '../../locale/fr/emails.js'
import type { Language } from '../../shared/language.js'

/** Every email template the product ships, each in French and English. */
export const EMAIL_TEMPLATE_KEYS = [
  'confirmation',
  'passwordReset',
  'suspended',
  'banned',
  'reactivated',
  'accountExists',
  'custom',
  'paymentReminder',
  'documentsRequest',
] as const
export type EmailTemplateKey = (typeof EMAIL_TEMPLATE_KEYS)[number]

/** Sent by an action or the client area (`system`), or a starting point of the admin's own message (`message`). */
export type TemplateKind = 'system' | 'message'

/** The merge fields of every template: the client's and the company's. */
const CLIENT_FIELDS = ['firstName', 'lastName', 'fullName', 'clientNumber', 'email', 'companyName'] as const

export interface TemplateSpec {
  key: EmailTemplateKey
  kind: TemplateKind
  /** The merge fields this template may use; any other is refused. */
  fields: readonly string[]
  /** Fields the text body must use (a confirmation without its link is useless). */
  required: readonly string[]
}

const spec = (
  key: EmailTemplateKey,
  kind: TemplateKind,
  own: string[] = [],
  required: string[] = [],
): TemplateSpec => ({ key, kind, fields: [...CLIENT_FIELDS, ...own], required })

export const TEMPLATE_SPECS: Record<EmailTemplateKey, TemplateSpec> = {
  confirmation: spec('confirmation', 'system', ['link', 'hours'], ['link']),
  passwordReset: spec('passwordReset', 'system', ['link', 'minutes'], ['link']),
  suspended: spec('suspended', 'system', ['reason']),
  banned: spec('banned', 'system', ['reason']),
  reactivated: spec('reactivated', 'system'),
  accountExists: spec('accountExists', 'system'),
  // The admin's own message: their subject and body inside this frame.
  custom: spec('custom', 'system', ['subject', 'body'], ['body']),
  paymentReminder: spec('paymentReminder', 'message'),
  documentsRequest: spec('documentsRequest', 'message'),
}

/** A custom field's merge field: `{{custom.birth_date}}`. */
export const customMergeField = (key: string): string => `custom.${key}`

/**
 * The merge fields of a template with the firm's custom fields: every template (the admins'
 * message templates and the system emails alike, as each takes the client's built-in fields)
 * takes one per custom field in use; the values are read with the clients they are sent to.
 */
export function templateFields(key: EmailTemplateKey, customKeys: readonly string[]): readonly string[] {
  return [...TEMPLATE_SPECS[key].fields, ...customKeys.map(customMergeField)]
}

/** Whether a template's text names a custom field (its clients' values are then worth reading). */
export const usesCustomFields = (text: TemplateText): boolean =>
  [text.subject, text.text, text.html ?? ''].some((part) => part.includes('custom.'))

export const isTemplateKey = (value: unknown): value is EmailTemplateKey =>
  typeof value === 'string' && (EMAIL_TEMPLATE_KEYS as readonly string[]).includes(value)

/** A template's texts: the subject and text body always, the HTML body when an admin wrote one. */
export interface TemplateText {
  subject: string
  text: string
  html: string | null
}

const EMAILS: Record<Language, EmailTranslation> = { en: enEmails, fr: frEmails }

/** The shipped text: greeting, the email's own words, signature. */
export function defaultTemplate(key: EmailTemplateKey, language: Language): TemplateText {
  const t = EMAILS[language]
  const own = key === 'custom' ? { subject: '{{subject}}', body: '{{body}}' } : t[key]
  return { subject: own.subject, text: [t.greeting, own.body, t.signature].join('\n\n'), html: null }
}

/** Values shown in a preview for what only the sending action knows (the link, the reason…). */
export const SAMPLE_VALUES: Record<Language, Record<string, string>> = {
  en: {
    link: 'https://app.example.com/account/confirm?token=EXAMPLE',
    hours: '48',
    minutes: '60',
    reason: 'Unpaid invoices',
    subject: 'Your subject',
    body: 'Your message.',
  },
  fr: {
    link: 'https://app.example.com/account/confirm?token=EXAMPLE',
    hours: '48',
    minutes: '60',
    reason: 'Factures impayées',
    subject: 'Votre objet',
    body: 'Votre message.',
  },
}

/** A client to preview with when the admin has not chosen one. */
export const SAMPLE_CLIENT: Record<Language, Record<string, string>> = {
  en: { firstName: 'Jane', lastName: 'Doe', clientNumber: 'C0000001', email: 'jane.doe@example.com' },
  fr: {
    firstName: 'Jeanne',
    lastName: 'Martin',
    clientNumber: 'C0000001',
    email: 'jeanne.martin@example.com',
  },
}
