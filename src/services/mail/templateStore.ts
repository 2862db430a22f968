import type { DataSource, EntityManager } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { EmailTemplate } from '../../entities/EmailTemplate.js'
import { isValidEmail } from '../../shared/clientIdentity.js'
import type { Actor } from '../core/requestValues.js'
import { writeAudit } from '../core/adminAudit.js'
import { ClientActionRefused, InvalidInputError } from '../core/errors.js'
import { LANGUAGES, type Language } from '../../shared/language.js'
import { inTransaction, isMysqlFamily } from '../core/transaction.js'
import type { ClientEmail } from './clientMailer.js'
import { TemplateSet, type EmailRecipient, type RenderedEmail } from './templateSet.js'
import { activeFields } from '../customFields/fieldCatalog.js'
import { valuesOfClients } from '../customFields/customValues.js'
import {
  defaultTemplate,
  EMAIL_TEMPLATE_KEYS,
  SAMPLE_CLIENT,
  SAMPLE_VALUES,
  TEMPLATE_SPECS,
  type EmailTemplateKey,
  type TemplateKind,
  type TemplateText,
  customMergeField,
  templateFields,
  usesCustomFields,
} from './templateCatalog.js'
import {
  readClientId,
  readTemplateDraft,
  readTemplateId,
  type TemplateDraft,
  type TemplateDraftInput,
} from './templateInput.js'
import {
  auditResourceOf,
  templateChanges,
  templateHistory,
  writeTemplateChange,
  type TemplateChange,
} from './templateHistory.js'

/** A template in one language as the list shows it. */
export interface TemplateSummary {
  key: EmailTemplateKey
  kind: TemplateKind
  language: Language
  subject: string
  edited: boolean
  updatedBy: string | null
  updatedAt: Date | null
}

/** One template in one language as its page shows it. */
export interface TemplateDetails extends TemplateSummary {
  fields: readonly string[]
  /** The custom fields among `fields` (`custom.<key>`), with their labels for the editor's help. */
  customFields: { name: string; labelFr: string; labelEn: string }[]
  required: readonly string[]
  current: TemplateText
  shipped: TemplateText
  history: TemplateChange[]
}

/** The outbox as the templates page sends through it (ClientMailer). */
export interface TemplateOutbox {
  queue(manager: EntityManager, emails: ClientEmail[]): Promise<unknown>
  wake(): void
}

/** "Send me a test": five per admin in ten minutes, enough to check a template, too few to flood. */
export const TEMPLATE_TEST_LIMIT = { limit: 5, windowMs: 10 * 60_000 }

/** One more test send by this admin: allowed or not (counted in the database, across instances). */
export type TestSendLimit = (adminEmail: string) => Promise<{ allowed: boolean }>

/** What a preview shows: the email as the client would receive it. */
export interface TemplatePreview {
  subject: string
  text: string
  html: string
}

const toText = (row: EmailTemplate): TemplateText => ({
  subject: row.subject,
  text: row.textBody,
  html: row.htmlBody,
})

const sameText = (a: TemplateText, b: TemplateText) =>
  a.subject === b.subject && a.text === b.text && (a.html ?? null) === (b.html ?? null)

/**
 * The email templates: the shipped texts (in code) and the admins' versions (EmailTemplate
 * rows), read at each email so an edit applies from the next one on. Every save and reset is
 * recorded in the admin audit trail with the texts before and after.
 */
export class TemplateStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companyName: string,
    private readonly outbox: TemplateOutbox,
    /** Counts an admin's test sends (the database's rate limiter, wired by `createClientManagement`). */
    private readonly limitTests: TestSendLimit = async () => ({ allowed: true }),
  ) {}

  /**
   * The row locked (MySQL/MariaDB: `FOR UPDATE`, which also holds the gap where a row would go, so
   * two admins saving a template first edited at once are one after the other); SQLite writes one at a time.
   */
  private lock() {
    return isMysqlFamily(this.dataSource) ? { lock: { mode: 'pessimistic_write' as const } } : {}
  }

  /**
   * The templates in force now (one query), to render every email of a change with; with the
   * custom values of `clientIds` (the clients the emails go to) in one more query, read only
   * when a template in force names a custom field (the shipped ones do not).
   */
  async load(
    manager: EntityManager = this.dataSource.manager,
    clientIds: readonly number[] = [],
  ): Promise<TemplateSet> {
    const rows = await manager.getRepository(EmailTemplate).find()
    const overrides = new Map<string, TemplateText>()
    for (const row of rows) {
      if (!(EMAIL_TEMPLATE_KEYS as readonly string[]).includes(row.templateKey)) continue
      if (!(LANGUAGES as readonly string[]).includes(row.language)) continue
      overrides.set(
        TemplateSet.key(row.templateKey as EmailTemplateKey, row.language as Language),
        toText(row),
      )
    }
    const fields = await activeFields(manager)
    const named = clientIds.length > 0 && [...overrides.values()].some(usesCustomFields)
    const values = named ? await valuesOfClients(manager, [...clientIds], fields) : new Map()
    return new TemplateSet(overrides, this.companyName, fields, values)
  }

  /** The keys of the custom fields in use (the templates' `{{custom.<key>}}`). */
  private async customKeys(): Promise<string[]> {
    return (await activeFields(this.dataSource)).map((f) => f.key)
  }

  /** Every template in both languages, edited or not. */
  async overview(): Promise<TemplateSummary[]> {
    const rows = await this.dataSource.getRepository(EmailTemplate).find()
    const byId = new Map(rows.map((r) => [`${r.templateKey}:${r.language}`, r]))
    return EMAIL_TEMPLATE_KEYS.flatMap((key) =>
      LANGUAGES.map((language) => this.summary(key, language, byId.get(`${key}:${language}`) ?? null)),
    )
  }

  private summary(key: EmailTemplateKey, language: Language, row: EmailTemplate | null): TemplateSummary {
    return {
      key,
      kind: TEMPLATE_SPECS[key].kind,
      language,
      subject: row?.subject ?? defaultTemplate(key, language).subject,
      edited: row !== null,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt ?? null,
    }
  }

  /** One template with its merge fields, shipped text and history. */
  async details(input: TemplateDraftInput): Promise<TemplateDetails> {
    const { key, language } = readTemplateId(input)
    const row = await this.dataSource.getRepository(EmailTemplate).findOneBy({ templateKey: key, language })
    const shipped = defaultTemplate(key, language)
    const custom = await activeFields(this.dataSource)
    const fields = templateFields(
      key,
      custom.map((f) => f.key),
    )
    return {
      ...this.summary(key, language, row),
      fields,
      customFields: custom
        .filter((f) => fields.includes(customMergeField(f.key)))
        .map((f) => ({ name: customMergeField(f.key), labelFr: f.labelFr, labelEn: f.labelEn })),
      required: TEMPLATE_SPECS[key].required,
      current: row ? toText(row) : shipped,
      shipped,
      history: await templateHistory(this.dataSource, key, language),
    }
  }

  /**
   * Saves an admin's version (refused with field errors, nothing written, when it does not
   * check out). The shipped text saved as is removes the admin's version.
   */
  async save(actor: Actor, input: TemplateDraftInput): Promise<TemplateDetails> {
    const draft = readTemplateDraft(input, await this.customKeys())
    const shipped = defaultTemplate(draft.key, draft.language)
    if (sameText(draft.text, shipped)) return this.reset(actor, input)
    await inTransaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(EmailTemplate)
      const where = { templateKey: draft.key, language: draft.language }
      const row = await repo.findOne({ where, ...this.lock() })
      const before = row ? toText(row) : shipped
      const changes = templateChanges(before, draft.text)
      if (changes.length === 0) return
      const values = {
        subject: draft.text.subject,
        textBody: draft.text.text,
        htmlBody: draft.text.html,
        updatedBy: actor.email,
      }
      if (row) await repo.update({ id: row.id }, values)
      else await repo.insert({ ...where, ...values })
      await writeTemplateChange(manager, actor, 'email_template_saved', draft.key, draft.language, changes)
    })
    return this.details(input)
  }

  /** Back to the shipped text: the admin's version is removed, and the change recorded. */
  async reset(actor: Actor, input: TemplateDraftInput): Promise<TemplateDetails> {
    const { key, language } = readTemplateId(input)
    await inTransaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(EmailTemplate)
      const row = await repo.findOne({ where: { templateKey: key, language }, ...this.lock() })
      if (!row) return
      await repo.delete({ id: row.id })
      const changes = templateChanges(toText(row), defaultTemplate(key, language))
      await writeTemplateChange(manager, actor, 'email_template_reset', key, language, changes)
    })
    return this.details({ template: key, language })
  }

  /** The draft rendered for a client of the admin's choosing (or a sample one); nothing written. */
  async preview(input: TemplateDraftInput): Promise<TemplatePreview> {
    const draft = readTemplateDraft(input, await this.customKeys())
    const rendered = await this.renderDraft(draft, readClientId(input.clientId))
    return { subject: rendered.subject, text: rendered.text, html: rendered.html }
  }

  /**
   * The draft, as previewed, to the admin's own address through the outbox: linked to the client
   * it was previewed for (its anonymisation erases it with the rest), a few per admin and window
   * (`templateTestLimited` past that), and one `email_template_tested` entry in the admin audit
   * trail, in the transaction that queues it.
   */
  async sendTest(actor: Actor, input: TemplateDraftInput): Promise<{ to: string }> {
    const draft = readTemplateDraft(input, await this.customKeys())
    const to = actor.email
    if (!to || !isValidEmail(to)) throw new InvalidInputError({ to: 'templateNoAdminEmail' })
    const clientId = readClientId(input.clientId)
    const rendered = await this.renderDraft(draft, clientId)
    if (!(await this.limitTests(to)).allowed) throw new ClientActionRefused('templateTestLimited')
    await inTransaction(this.dataSource, async (manager) => {
      await this.outbox.queue(manager, [
        {
          clientId,
          to,
          subject: `[TEST] ${rendered.subject}`.slice(0, 255),
          text: rendered.text,
          htmlBody: rendered.htmlBody,
          language: rendered.language,
          link: rendered.link,
          template: draft.key,
          actor: actor.email,
        },
      ])
      await writeAudit(manager, actor, {
        action: 'email_template_tested',
        resourceId: auditResourceOf(draft.key, draft.language),
        rowCount: 1,
        details: { clientId },
      })
    })
    this.outbox.wake()
    return { to }
  }

  /** The admin's message templates in force, to start an email from (subject and text, both languages). */
  async messageTemplates(): Promise<
    { key: EmailTemplateKey; language: Language; subject: string; text: string }[]
  > {
    const set = await this.load()
    return EMAIL_TEMPLATE_KEYS.filter((key) => TEMPLATE_SPECS[key].kind === 'message').flatMap((key) =>
      LANGUAGES.map((language) => {
        const { subject, text } = set.text(key, language)
        return { key, language, subject, text }
      }),
    )
  }

  private async renderDraft(draft: TemplateDraft, clientId: number | null): Promise<RenderedEmail> {
    let to: EmailRecipient = { ...SAMPLE_CLIENT[draft.language], locale: draft.language } as EmailRecipient
    if (clientId !== null) {
      const client = await this.dataSource.getRepository(Client).findOneBy({ id: clientId })
      if (!client) throw new InvalidInputError({ clientId: 'notFound' })
      const [values] = (
        await valuesOfClients(this.dataSource, [client.id], await activeFields(this.dataSource))
      ).values()
      to = { ...client, custom: values }
    }
    const set = await this.load()
    return set.render(draft.key, draft.language, to, SAMPLE_VALUES[draft.language], { source: draft.text })
  }
}
