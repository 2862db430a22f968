import type { Client } from '../../entities/Client.js'
import type { ClientEventType } from '../../entities/columns.js'
import { issueClientToken } from '../accounts/clientTokens.js'
import { throwIfInvalid, type Actor, type FieldErrors } from '../core/requestValues.js'
import { eventRow, insertEvents, inTransaction } from '../core/transaction.js'
import { ClientActionRefused, InvalidInputError, type RefusalReason } from '../core/errors.js'
import { LANGUAGES, type Language } from '../../shared/language.js'
import { linkWithToken, type RenderedEmail, type TemplateSet } from '../mail/templateSet.js'
import { isTemplateKey, TEMPLATE_SPECS, templateFields } from '../mail/templateCatalog.js'
import { activeFields } from '../customFields/fieldCatalog.js'
import { valuesOfClients } from '../customFields/customValues.js'
import { checkTemplate, TemplateRefused } from '../mail/templateRender.js'
import {
  findClients,
  lockClient,
  NO_EMAILS,
  partitionByRefusal,
  type LifecycleResult,
} from './statusTransitions.js'
import type { SendEmailInput } from '../../shared/actionInputs/sendEmail.js'
import type { LifecycleDeps } from './lifecycleDeps.js'
import { clientEmail, languageOf } from './clientNotices.js'

interface TokenEmail {
  type: ClientEventType
  refuse: (client: Client) => RefusalReason | null
  purpose: 'email_confirmation' | 'password_reset'
  lifetimeMs: number
  render: (client: Client, language: Language, token: string, templates: TemplateSet) => RenderedEmail
  /** More for the event (`asClient` when an admin logged in as a client asked for it). */
  data?: Record<string, unknown>
}

/** A new single-use link: token, event and queued email in one transaction. */
async function sendTokenEmail(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  spec: TokenEmail,
): Promise<LifecycleResult> {
  const { client, emails } = await inTransaction(deps.dataSource, async (manager) => {
    const locked = await lockClient(deps.dataSource, manager, id)
    const refusal = spec.refuse(locked) ?? (locked.email ? null : 'noEmail')
    if (refusal) throw new ClientActionRefused(refusal, locked.clientNumber)
    const token = await issueClientToken(manager, locked.id, spec.purpose, spec.lifetimeMs)
    await insertEvents(manager, [
      eventRow(actor, locked.id, spec.type, null, null, { to: locked.email, ...spec.data }),
    ])
    const templates = await deps.mailer.templates.load(manager, [locked.id])
    const queued = await deps.mailer.queue(manager, [
      clientEmail(actor, locked, spec.render(locked, languageOf(deps, locked), token, templates)),
    ])
    return { client: locked, emails: queued }
  })
  deps.mailer.wake()
  return { changed: [client.id], skipped: [], emails }
}

/** A new confirmation link for a client who has not confirmed yet (older links stop working). */
export async function resendConfirmation(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  data?: Record<string, unknown>,
): Promise<LifecycleResult> {
  const hours = (await deps.security.current()).confirmationHours
  return sendTokenEmail(deps, actor, id, {
    data,
    type: 'confirmation_sent',
    refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status !== 'pending' ? 'notPending' : null),
    purpose: 'email_confirmation',
    lifetimeMs: hours * 3600_000,
    render: (c, lang, token, templates) =>
      templates.confirmation(lang, c, linkWithToken(deps.settings.links.confirmEmail, token), token, hours),
  })
}

export async function sendPasswordReset(
  deps: LifecycleDeps,
  actor: Actor,
  id: number,
  data?: Record<string, unknown>,
): Promise<LifecycleResult> {
  const minutes = (await deps.security.current()).passwordResetMinutes
  return sendTokenEmail(deps, actor, id, {
    data,
    type: 'password_reset_requested',
    refuse: (c) => (c.status === 'deleted' ? 'isDeleted' : c.status === 'banned' ? 'isBanned' : null),
    purpose: 'password_reset',
    lifetimeMs: minutes * 60_000,
    render: (c, lang, token, templates) =>
      templates.passwordReset(
        lang,
        c,
        linkWithToken(deps.settings.links.resetPassword, token),
        token,
        minutes,
      ),
  })
}

/**
 * The admin's own message template an email starts from (`template`), or null for a blank one:
 * its merge fields are then filled per client, and a field it does not have is refused.
 */
function messageTemplate({ template, subject, body }: SendEmailInput, customKeys: readonly string[]) {
  const fields: FieldErrors = {}
  if (template === null) return null
  // `paymentReminder`, or `paymentReminder:fr` as the form names the version it started from.
  const [key, language, ...rest] = template.split(':')
  const knownLanguage = language === undefined || (LANGUAGES as readonly string[]).includes(language)
  if (!isTemplateKey(key) || TEMPLATE_SPECS[key].kind !== 'message' || !knownLanguage || rest.length > 0) {
    throw new InvalidInputError({ template: 'invalidValue' })
  }
  for (const [name, source] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    try {
      checkTemplate(source, templateFields(key, customKeys))
    } catch (error) {
      if (!(error instanceof TemplateRefused)) throw error
      fields[name] = error.problem
    }
  }
  throwIfInvalid(fields)
  return key
}

/** An email written by the admin to one or many clients: EmailLog and `email_sent` for each. */
export async function sendEmail(
  deps: LifecycleDeps,
  actor: Actor,
  ids: number[],
  input: SendEmailInput,
): Promise<LifecycleResult> {
  const { subject, body } = input
  // A message template's `{{custom.<key>}}`: the custom fields in use, their values read for all the clients at once.
  const custom = await activeFields(deps.dataSource)
  const template = messageTemplate(
    input,
    custom.map((f) => f.key),
  )
  const unique = [...new Set(ids)]
  const clients = await findClients(deps.dataSource, deps.dataSource.manager, unique, false)
  const { eligible, skipped } = partitionByRefusal(unique, clients, (c) =>
    c.status === 'deleted' ? 'isDeleted' : !c.email ? 'noEmail' : null,
  )
  if (eligible.length === 0) return { changed: [], skipped, emails: NO_EMAILS }
  const emails = await inTransaction(deps.dataSource, async (manager) => {
    const templates = await deps.mailer.templates.load(manager)
    const values = template
      ? await valuesOfClients(
          manager,
          eligible.map((c) => c.id),
          custom,
        )
      : new Map<number, undefined>()
    const render = (c: Client) =>
      template
        ? templates.fromTemplate(
            template,
            languageOf(deps, c),
            { ...c, custom: values.get(c.id) },
            subject,
            body,
          )
        : templates.custom(languageOf(deps, c), c, subject, body)
    const queued = await deps.mailer.queue(
      manager,
      eligible.map((c) => clientEmail(actor, c, render(c))),
    )
    await insertEvents(
      manager,
      eligible.map((c) =>
        eventRow(actor, c.id, 'email_sent', null, null, {
          subject,
          queued: true,
          ...(template ? { template } : {}),
        }),
      ),
    )
    return queued
  })
  deps.mailer.wake()
  return { changed: eligible.map((c) => c.id), skipped, emails }
}
