import { enEmails, type EmailTranslation } from '../../locale/en/emails.js'
import { frEmails } from '../../locale/fr/emails.js'
import { MASK } from '../core/secrets.js'
import type { Language } from '../core/options.js'

const EMAILS: Record<Language, EmailTranslation> = { en: enEmails, fr: frEmails }

export type TemplateName = 'confirmation' | 'passwordReset' | 'suspended' | 'accountExists' | 'custom'

export interface RenderedEmail {
  subject: string
  text: string
  html: string
  /** The text as the EmailLog keeps it: a token in a link is masked. */
  logText: string
  template: TemplateName
  language: Language
  /** The link made clickable in the HTML (it may hold a token). */
  link: string | null
}

export interface EmailRecipient {
  firstName: string | null
  lastName: string
  locale: string | null
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  )

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole)

/** The client's language when we have it in both, else the panel's. */
export function emailLanguage(locale: string | null | undefined, fallback: Language): Language {
  const lang = String(locale ?? '')
    .slice(0, 2)
    .toLowerCase()
  return lang in EMAILS ? (lang as Language) : fallback
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

/** Builds the plain text first, then the HTML from the same text. */
function compose(
  template: TemplateName,
  language: Language,
  to: EmailRecipient,
  subject: string,
  body: string,
  values: Record<string, string>,
  secret?: string,
): RenderedEmail {
  const t = EMAILS[language]
  const name = [to.firstName, to.lastName].filter(Boolean).join(' ')
  const text = [fill(t.greeting, { name }), fill(body, values), t.signature].join('\n\n')
  const link = values.link ?? null
  return {
    subject: subject.replace(/[\r\n]+/g, ' '),
    text,
    html: emailHtml(language, text, link),
    logText: secret ? text.split(secret).join(MASK) : text,
    template,
    language,
    link,
  }
}

export const renderEmail = {
  confirmation(language: Language, to: EmailRecipient, link: string, token: string, hours: number) {
    const t = EMAILS[language].confirmation
    return compose('confirmation', language, to, t.subject, t.body, { link, hours: String(hours) }, token)
  },
  passwordReset(language: Language, to: EmailRecipient, link: string, token: string, minutes: number) {
    const t = EMAILS[language].passwordReset
    return compose(
      'passwordReset',
      language,
      to,
      t.subject,
      t.body,
      { link, minutes: String(minutes) },
      token,
    )
  },
  suspended(language: Language, to: EmailRecipient, reason: string) {
    const t = EMAILS[language].suspended
    return compose('suspended', language, to, t.subject, t.body, { reason })
  },
  /** To the owner of an address someone tried to register with: they already have an account. */
  accountExists(language: Language, to: EmailRecipient) {
    const t = EMAILS[language].accountExists
    return compose('accountExists', language, to, t.subject, t.body, {})
  },
  /** An email written by an admin: their subject and body, our greeting and signature. */
  custom(language: Language, to: EmailRecipient, subject: string, body: string) {
    // The body goes in as a value, not as a template: `{{name}}` typed by the admin stays as typed.
    return compose('custom', language, to, subject, '{{body}}', { body })
  },
}

/** A link template such as `https://app.example.com/confirm?token={token}` with the token in it. */
export const linkWithToken = (template: string, token: string) =>
  template.split('{token}').join(encodeURIComponent(token))
