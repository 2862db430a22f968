import type { Campaign, CampaignMessage } from '../../entities/Campaign.js'
// The campaigns' own strings, not the whole locale (which loads AdminJS): a worker process
// rendering 100,000 emails keeps its memory for them.
import { enCampaigns } from '../../locale/en/campaigns.js'
import { frCampaigns } from '../../locale/fr/campaigns.js'
import { LANGUAGES, type Language } from '../../shared/language.js'
import { InvalidInputError } from '../core/errors.js'
import { valueText, type CustomFieldDefinition, type CustomValue } from '../../shared/customFields.js'
import { customMergeField, isTemplateKey, TEMPLATE_SPECS } from '../mail/templateCatalog.js'
import { checkTemplate, compileTemplate, templateFields, TemplateRefused } from '../mail/templateRender.js'
import { emailLanguage, type TemplateSet } from '../mail/templateSet.js'
import { MASK } from '../core/secrets.js'

/** The merge fields of a campaign's message: the client's, the company's and the unsubscribe link. */
export const CAMPAIGN_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'clientNumber',
  'email',
  'companyName',
  'unsubscribeLink',
] as const

/** The merge fields with the custom fields in use: `{{custom.<key>}}` after the built-in ones. */
export function campaignFields(customKeys: readonly string[]): readonly string[] {
  return [...CAMPAIGN_FIELDS, ...customKeys.map(customMergeField)]
}

export const MAX_CAMPAIGN_SUBJECT = 200
export const MAX_CAMPAIGN_TEXT = 20_000

/**
 * The messages of a form or a script, checked: per language a subject and a text (both or
 * neither), within their lengths, with known merge fields only; at least one language, unless a
 * message template (kind `message`) gives them. Field errors as `subject_fr`, `text_en`…
 * `custom`: the custom fields in use, each a `{{custom.<key>}}` (any other is refused).
 */
export function readMessages(
  raw: Partial<Record<string, unknown>>,
  templateKey: string | null,
  custom: readonly { key: string }[] = [],
): Partial<Record<Language, CampaignMessage>> {
  const fields = campaignFields(custom.map((f) => f.key))
  const errors: Record<string, string> = {}
  const messages: Partial<Record<Language, CampaignMessage>> = {}
  for (const language of LANGUAGES) {
    const subject =
      typeof raw[`subject_${language}`] === 'string' ? String(raw[`subject_${language}`]).trim() : ''
    const text = typeof raw[`text_${language}`] === 'string' ? String(raw[`text_${language}`]).trim() : ''
    if (subject === '' && text === '') continue
    if (subject === '') errors[`subject_${language}`] = 'fieldRequired'
    if (text === '') errors[`text_${language}`] = 'fieldRequired'
    if (subject.length > MAX_CAMPAIGN_SUBJECT) errors[`subject_${language}`] = 'tooLong'
    if (text.length > MAX_CAMPAIGN_TEXT) errors[`text_${language}`] = 'tooLong'
    for (const [field, source] of [
      [`subject_${language}`, subject],
      [`text_${language}`, text],
    ] as const) {
      try {
        checkTemplate(source, fields)
      } catch (error) {
        if (!(error instanceof TemplateRefused)) throw error
        errors[field] ??= error.problem
      }
    }
    messages[language] = { subject, text }
  }
  if (templateKey !== null && (!isTemplateKey(templateKey) || TEMPLATE_SPECS[templateKey].kind !== 'message'))
    errors.templateKey = 'invalidChoice'
  if (Object.keys(messages).length === 0 && templateKey === null) errors.text_en = 'campaignNoMessage'
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors)
  return messages
}

/** What a campaign's email is written from (a saved campaign, or the editor's unsaved draft). */
export type MessageSource = Pick<Campaign, 'id' | 'messages' | 'templateKey'>

/** The message for a language: the campaign's own, else its template's, else the other language's. */
function messageFor(campaign: MessageSource, language: Language, templates: TemplateSet): CampaignMessage {
  const own = campaign.messages[language]
  if (own) return own
  if (campaign.templateKey && isTemplateKey(campaign.templateKey)) {
    const t = templates.text(campaign.templateKey, language)
    return { subject: t.subject, text: t.text }
  }
  const other = LANGUAGES.map((l) => campaign.messages[l]).find(Boolean)
  if (!other) throw new Error(`campaign ${campaign.id} has no message`)
  return other
}

export interface CampaignRecipientValues {
  firstName: string | null
  lastName: string
  clientNumber: string
  email: string
  locale: string | null
  /** Their custom values (`valuesOfClients`), for `{{custom.<key>}}`. */
  custom?: Record<string, CustomValue>
}

export interface RenderedCampaignEmail {
  language: Language
  subject: string
  text: string
  /** What the EmailLog shows: the unsubscribe token masked. */
  logText: string
  link: string
}

/** A campaign's messages checked and parsed once, for all of its recipients. */
export interface CampaignRenderer {
  /** The custom fields its messages use: the only values a recipient needs read. */
  customFields: readonly CustomFieldDefinition[]
  render(to: CampaignRecipientValues, unsubscribe: { link: string; token: string }): RenderedCampaignEmail
}

/**
 * A campaign's emails: merge fields filled (the custom fields in use in the email's language,
 * choices by their labels; the fields `templates` was loaded with, the values in `to.custom`), the
 * unsubscribe link at the end when the text has none. Each language's message is checked and
 * parsed at its first recipient, not again for each one.
 */
export function campaignRenderer(
  campaign: MessageSource,
  templates: TemplateSet,
  companyName: string,
  fallback: Language,
): CampaignRenderer {
  const defined = templates.customFieldsInUse()
  const compiled = new Map<Language, ReturnType<typeof compile>>()
  function compile(language: Language) {
    const message = messageFor(campaign, language, templates)
    // A field removed since the message was written renders empty rather than stopping the campaign.
    const written = [message.subject, message.text].flatMap((source) => templateFields(source))
    const gone = written.filter((name) => name.startsWith(customMergeField('')))
    const fields = [...new Set([...campaignFields(defined.map((f) => f.key)), ...gone])]
    return {
      written,
      subject: compileTemplate(message.subject, fields, false),
      text: compileTemplate(message.text, fields, false),
    }
  }
  const of = (language: Language) => {
    let one = compiled.get(language)
    if (!one) compiled.set(language, (one = compile(language)))
    return one
  }
  // Every language a recipient may be written in.
  const used = new Set(LANGUAGES.flatMap((l) => of(l).written))
  const customFields = defined.filter((f) => used.has(customMergeField(f.key)))
  return {
    customFields,
    render(to, unsubscribe) {
      const language = emailLanguage(to.locale, fallback)
      const message = of(language)
      const values = {
        ...Object.fromEntries(
          customFields.map((f) => [
            customMergeField(f.key),
            valueText(f, to.custom?.[f.key] ?? null, language),
          ]),
        ),
        firstName: to.firstName ?? '',
        lastName: to.lastName,
        fullName: [to.firstName, to.lastName].filter(Boolean).join(' '),
        clientNumber: to.clientNumber,
        email: to.email,
        companyName,
        unsubscribeLink: unsubscribe.link,
      }
      const subject = message
        .subject(values)
        .replace(/[\r\n]+/g, ' ')
        .trim()
        .slice(0, 255)
      let text = message.text(values)
      if (!text.includes(unsubscribe.link)) {
        const footer = { en: enCampaigns, fr: frCampaigns }[language].messages.campaignUnsubscribeFooter
        text += `\n\n--\n${footer.replace('{{link}}', unsubscribe.link)}`
      }
      return {
        language,
        subject,
        text,
        logText: text.split(unsubscribe.token).join(MASK),
        link: unsubscribe.link,
      }
    },
  }
}

/** One recipient's email (`campaignRenderer`'s, for a single one: the preview and the test). */
export function renderCampaignEmail(
  campaign: MessageSource,
  templates: TemplateSet,
  companyName: string,
  fallback: Language,
  to: CampaignRecipientValues,
  unsubscribe: { link: string; token: string },
): RenderedCampaignEmail {
  return campaignRenderer(campaign, templates, companyName, fallback).render(to, unsubscribe)
}
