// The emails a change queues to the clients it changed (suspended, reactivated, banned…), in the
// change's transaction, and the one email of one client every lifecycle email is built as.
import type { EntityManager } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import type { Language } from '../../shared/language.js'
import type { Actor } from '../core/requestValues.js'
import type { ClientEmail, QueuedEmails } from '../mail/clientMailer.js'
import { emailLanguage, type RenderedEmail, type TemplateSet } from '../mail/templateSet.js'
import type { LifecycleDeps } from './lifecycleDeps.js'

export const languageOf = (deps: LifecycleDeps, client: Client): Language =>
  emailLanguage(client.locale, deps.settings.language)

export function clientEmail(actor: Actor, client: Client, rendered: RenderedEmail): ClientEmail {
  return {
    clientId: client.id,
    to: client.email as string,
    subject: rendered.subject,
    text: rendered.text,
    logText: rendered.logText,
    language: rendered.language,
    link: rendered.link,
    htmlBody: rendered.htmlBody,
    template: rendered.template,
    actor: actor.email,
  }
}

/**
 * Queues an email to each client a change was made to (those with an address), in the change's
 * transaction: the outbox sends them after the commit. Call `deps.mailer.wake()` once committed.
 */
export async function notifyClients(
  deps: LifecycleDeps,
  manager: EntityManager,
  actor: Actor,
  clients: Client[],
  render: (client: Client, language: Language, templates: TemplateSet) => RenderedEmail,
): Promise<QueuedEmails> {
  const reachable = clients.filter((c) => c.email)
  if (reachable.length === 0) return { queued: 0, failed: 0, error: null }
  // The templates as they are now: an edit applies from the next email on.
  const templates = await deps.mailer.templates.load(
    manager,
    reachable.map((c) => c.id),
  )
  return deps.mailer.queue(
    manager,
    reachable.map((c) => clientEmail(actor, c, render(c, languageOf(deps, c), templates))),
  )
}
