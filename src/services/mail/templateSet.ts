import { MASK } from '../core/secrets.js'
import { LANGUAGES, type Language } from '../../shared/language.js'
import {
  customMergeField,
  defaultTemplate,
  templateFields,
  type EmailTemplateKey,
  type TemplateText,
} from './templateCatalog.js'
import { valueText, type CustomFieldDefinition, type CustomValue } from '../../shared/customFields.js'
import { escapeHtml, fillTemplate, TemplateRefused } from './templateRender.js'

export type TemplateName = EmailTemplateKey

export interface RenderedEmail {
  subject: string
  text: string
  /** The HTML part as the client sees it (built from the text when the template has no HTML body). */
  html: string
  /** The template's own HTML body filled in, for the outbox to keep; null: built from the text when sent. */
  htmlBody: string | null
  /** The text as the EmailLog keeps it: a token in a link is masked. */
  logText: string
  template: TemplateName
  language: Language
  /** The link made clickable in the HTML (it may hold a token). */
  link: string | null
}

export interface EmailRecipient {
  /** The client's id: its custom values loaded with the set (`TemplateStore.load(manager, ids)`). */
  id?: number
  firstName: string | null
  lastName: string
  locale: string | null
  clientNumber?: string | null
  email?: string | null
  /** The client's custom values by field key (`{{custom.<key>}}`); absent: those fields are empty. */
  custom?: Record<string, CustomValue>
}

// The longest subject an EmailLog keeps.
const MAX_SUBJECT = 255

/** The client's language when we have it in both, else the panel's. */
export function emailLanguage(locale: string | null | undefined, fallback: Language): Language {
  const lang = String(locale ?? '')
    .slice(0, 2)
    .toLowerCase()
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : fallback
}

/**
 * The HTML of an email from its plain text, every value escaped: a client named `<script>` or an
 * admin's body with markup shows as text, never as HTML. `link` becomes a clickable link. The
 * outbox keeps only the text and builds the HTML again when it sends.
 */
export function emailHtml(language: Language, text: string, link: string | null): string {
  return `<!doctype html><html lang="${language}"><body style="font-family:sans-serif;line-height:1.5">${text
    .split('\n\n')
    .map((paragraph) => {
      let escaped = escapeHtml(paragraph).replace(/\n/g, '<br>')
      if (link)
        escaped = escaped.replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)
      return `<p>${escaped}</p>`
    })
    .join('')}</body></html>`
}

/** The client's merge fields. */
function clientValues(to: EmailRecipient, companyName: string): Record<string, string> {
  return {
    firstName: to.firstName ?? '',
    lastName: to.lastName ?? '',
    fullName: [to.firstName, to.lastName].filter(Boolean).join(' '),
    clientNumber: to.clientNumber ?? '',
    email: to.email ?? '',
    companyName,
  }
}

const overrideKey = (key: EmailTemplateKey, language: Language) => `${key}:${language}`

/**
 * The templates in force at one moment (the admins' versions over the shipped ones), rendering
 * synchronously: load it once (`TemplateStore.load`) for all the emails of a change.
 */
export class TemplateSet {
  constructor(
    private readonly overrides: ReadonlyMap<string, TemplateText>,
    private readonly companyName: string,
    /** The custom fields in use: the message templates' `{{custom.<key>}}`. */
    private readonly customFields: readonly CustomFieldDefinition[] = [],
    /** The custom values of the clients the set was loaded for, by client id. */
    private readonly clientCustom: ReadonlyMap<number, Record<string, CustomValue>> = new Map(),
  ) {}

  /** The custom fields in use when the set was loaded (a campaign's `{{custom.<key>}}`). */
  customFieldsInUse(): readonly CustomFieldDefinition[] {
    return this.customFields
  }

  /** The merge fields of a template, the custom fields' included where it takes them. */
  fieldsOf(key: EmailTemplateKey): readonly string[] {
    return templateFields(
      key,
      this.customFields.map((f) => f.key),
    )
  }

  /** The custom values as merge values, in the email's language (choices by their labels). */
  private customValues(to: EmailRecipient, language: Language): Record<string, string> {
    const custom = to.custom ?? (to.id === undefined ? undefined : this.clientCustom.get(to.id))
    return Object.fromEntries(
      this.customFields.map((f) => [
        customMergeField(f.key),
        valueText(f, custom?.[f.key] ?? null, language),
      ]),
    )
  }

  static key = overrideKey

  /** The text in force: the admin's version, else the shipped one. */
  text(key: EmailTemplateKey, language: Language): TemplateText {
    return this.overrides.get(overrideKey(key, language)) ?? defaultTemplate(key, language)
  }

  /** Renders `source` (by default the template in force) for one client; a token is masked in `logText`. */
  render(
    key: EmailTemplateKey,
    language: Language,
    to: EmailRecipient,
    values: Record<string, string>,
    options: { secret?: string; source?: TemplateText } = {},
  ): RenderedEmail {
    const all = { ...this.customValues(to, language), ...clientValues(to, this.companyName), ...values }
    const fields = this.fieldsOf(key)
    const fill = (source: TemplateText) => ({
      subject: fillTemplate(source.subject, fields, all, false),
      text: fillTemplate(source.text, fields, all, false),
      htmlBody: source.html ? fillTemplate(source.html, fields, all, true) : null,
    })
    let filled: ReturnType<typeof fill>
    try {
      filled = fill(options.source ?? this.text(key, language))
    } catch (error) {
      // A stored version a later release no longer reads: the shipped text rather than no email.
      if (!(error instanceof TemplateRefused) || options.source) throw error
      filled = fill(defaultTemplate(key, language))
    }
    const link = values.link ?? null
    const { secret } = options
    return {
      subject: filled.subject
        .replace(/[\r\n]+/g, ' ')
        .trim()
        .slice(0, MAX_SUBJECT),
      text: filled.text,
      html: filled.htmlBody ?? emailHtml(language, filled.text, link),
      htmlBody: filled.htmlBody,
      logText: secret ? filled.text.split(secret).join(MASK) : filled.text,
      template: key,
      language,
      link,
    }
  }

  confirmation(language: Language, to: EmailRecipient, link: string, token: string, hours: number) {
    return this.render('confirmation', language, to, { link, hours: String(hours) }, { secret: token })
  }

  passwordReset(language: Language, to: EmailRecipient, link: string, token: string, minutes: number) {
    return this.render('passwordReset', language, to, { link, minutes: String(minutes) }, { secret: token })
  }

  suspended(language: Language, to: EmailRecipient, reason: string) {
    return this.render('suspended', language, to, { reason })
  }

  banned(language: Language, to: EmailRecipient, reason: string) {
    return this.render('banned', language, to, { reason })
  }

  reactivated(language: Language, to: EmailRecipient) {
    return this.render('reactivated', language, to, {})
  }

  /** To the owner of an address someone tried to register with: they already have an account. */
  accountExists(language: Language, to: EmailRecipient) {
    return this.render('accountExists', language, to, {})
  }

  /**
   * An email written by an admin in the `custom` frame. The subject and body go in as values,
   * not as templates: `{{name}}` typed by the admin stays as typed.
   */
  custom(language: Language, to: EmailRecipient, subject: string, body: string) {
    return this.render('custom', language, to, { subject, body })
  }

  /** An email an admin wrote from a message template: their subject and text, with its merge fields. */
  fromTemplate(key: EmailTemplateKey, language: Language, to: EmailRecipient, subject: string, text: string) {
    return this.render(key, language, to, {}, { source: { subject, text, html: null } })
  }
}

/** The shipped templates only (what a set without overrides renders). */
export const shippedTemplates = (companyName = '') => new TemplateSet(new Map(), companyName)

/** A link template such as `https://app.example.com/confirm?token={token}` with the token in it. */
export const linkWithToken = (template: string, token: string) =>
  template.split('{token}').join(encodeURIComponent(token))
