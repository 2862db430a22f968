import { adminActor } from '../../services/core/actor.js'
import {
  ValidationError,
  populator,
  type ActionContext,
  type ActionRequest,
  type NoticeMessage,
} from 'adminjs'
import { chosenLanguage, translateMessage } from '../../locale/index.js'
import type { Actor } from '../../services/core/actor.js'
import type { LifecycleResult } from '../../services/lifecycle/clientLifecycle.js'
import { ClientActionRefused, ConcurrentChangeError, InvalidInputError } from '../../services/core/errors.js'
import { MAX_EMAIL_BODY_LENGTH } from '../../shared/limits.js'
import {
  hasControlCharacters,
  isPlainValue,
  isRecordId,
  nestedUnder,
} from '../../services/core/requestValues.js'

const RESOURCE = 'Client'

/**
 * The admin and the address the request came from. @adminjs/express hands the handler a copy of
 * Express's request, which keeps `res`, hence `res.req.ip` (the host's `trust proxy` applies).
 */
export function actorOf(request: ActionRequest, context: ActionContext): Actor {
  const copy = request as ActionRequest & {
    res?: { req?: { ip?: string } }
    socket?: { remoteAddress?: string }
  }
  return adminActor(context.currentAdmin?.email, copy.res?.req?.ip ?? copy.socket?.remoteAddress)
}

type Payload = Record<string, unknown>

/** Field → message key, as AdminJS shows them under each field. */
const fieldErrors = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, { message, type: message }]))

/**
 * Refuses a request no form of the panel sends (an array or object for a field, a list of ids
 * with holes): HTTP 400 and field errors, nothing written. @adminjs/express hands the handler a
 * copy of Express's request, which keeps `res`.
 */
export function refuseMalformed(request: ActionRequest, fields: Record<string, string>): never {
  ;(request as { res?: { status?: (code: number) => unknown } }).res?.status?.(400)
  throw new ValidationError(fieldErrors(fields), { message: 'thereWereValidationErrors', type: 'validation' })
}

/**
 * The payload of a custom action, checked before any service sees it: every value one plain
 * value (never an array or an object, nor `field.0` keys for a field the action reads), no
 * control characters other than line breaks and tabs, each text no longer than its field's
 * limit (`fields`: field → longest length) or than the longest text any form takes.
 */
export function readPayload(request: ActionRequest, fields: Record<string, number> = {}): Payload {
  const payload = (request.payload ?? {}) as Payload
  const malformed: Record<string, string> = {}
  const wrong: Record<string, string> = {}
  for (const field of Object.keys(fields)) if (nestedUnder(payload, field)) malformed[field] = 'invalidValue'
  for (const [key, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue
    if (!isPlainValue(value)) {
      malformed[key.split('.')[0]] ??= 'invalidValue'
      continue
    }
    if (typeof value !== 'string') continue
    if (hasControlCharacters(value, true)) wrong[key] = 'invalidCharacters'
    else if (value.length > (fields[key] ?? MAX_EMAIL_BODY_LENGTH)) wrong[key] = 'tooLong'
  }
  if (Object.keys(malformed).length > 0) refuseMalformed(request, { ...wrong, ...malformed })
  if (Object.keys(wrong).length > 0) throw new InvalidInputError(wrong)
  return payload
}

/**
 * Ids of a bulk request as asked for, including those that no longer exist (reported as such).
 * Anything but a comma-separated list of positive whole numbers is refused (400).
 */
export function requestedIds(request: ActionRequest): number[] {
  const raw = (request.query as Record<string, unknown> | undefined)?.recordIds
  const parts = typeof raw === 'string' ? raw.split(',') : null
  if (!parts || !parts.every(isRecordId)) refuseMalformed(request, { recordIds: 'invalidRecordIds' })
  return [...new Set(parts.map(Number))]
}

export const recordId = (context: ActionContext) => Number(context.record?.id())

/** The records again, as they are after the change, with their references. */
export async function freshRecords(context: ActionContext, ids: number[]) {
  const records = await context.resource.findMany(ids.map(String), context)
  return (await populator(records, context)).map((r) => r.toJSON(context.currentAdmin))
}

/** After a create or an edit: the record as saved, its page, and AdminJS's own notice. */
export async function savedResponse(
  context: ActionContext,
  id: number,
  message: 'successfullyCreated' | 'successfullyUpdated',
) {
  const [record] = await freshRecords(context, [id])
  return {
    record,
    redirectUrl: context.h.recordActionUrl({
      resourceId: context.resource.decorate().id(),
      recordId: String(id),
      actionName: 'show',
    }),
    notice: { message, type: 'success' } satisfies NoticeMessage,
  }
}

/** The language the admin chose for the panel (its cookie), for the texts built here. */
export function panelLanguage(request: ActionRequest, context: ActionContext): string {
  const copy = request as ActionRequest & { res?: { req?: { headers?: { cookie?: string } } } }
  // AdminJS keeps the locale in its options (its `locale` field is never set); a host may give a function.
  const configured = context._admin.options.locale
  return chosenLanguage(
    copy.res?.req?.headers?.cookie,
    typeof configured === 'object' ? configured : undefined,
  )
}

const t = (language: string, key: string, options?: Record<string, unknown>) =>
  translateMessage(language, key, options)

/** "C7K2M9QX4: already banned; C4…: no email address" in the panel's language. */
function skippedDetails(language: string, result: LifecycleResult): string {
  return result.skipped
    .map((s) =>
      t(language, 'skippedDetail', { client: s.clientNumber ?? `#${s.id}`, reason: t(language, s.reason) }),
    )
    .join('; ')
}

/** " 3 emails queued." in the panel's language, or nothing. */
function queuedText(language: string, result: LifecycleResult): string {
  const count = result.emails.queued
  return count > 0
    ? ` ${t(language, count === 1 ? 'emailsQueued_one' : 'emailsQueued_other', { count })}`
    : ''
}

/** The notice after a single-client action: its own success message, or the email refused at once. */
export function recordNotice(language: string, success: string, result: LifecycleResult): NoticeMessage {
  if (result.emails.failed > 0) {
    return {
      message: 'actionDoneEmailFailed',
      type: 'error',
      resourceId: RESOURCE,
      options: { error: result.emails.error ?? '' },
    }
  }
  return {
    message: success,
    type: 'success',
    resourceId: RESOURCE,
    options: { emailsQueued: queuedText(language, result), count: result.emails.queued },
  }
}

/** The notice after a bulk action: how many changed, which were skipped and why, emails queued or refused. */
export function bulkNotice(language: string, result: LifecycleResult): NoticeMessage {
  const count = result.changed.length
  const skipped = result.skipped.length
  const emailsFailed =
    result.emails.failed > 0
      ? ` ${t(language, result.emails.failed === 1 ? 'emailsFailed_one' : 'emailsFailed_other', {
          count: result.emails.failed,
          error: result.emails.error ?? '',
        })}`
      : ''
  const options = {
    count,
    skipped,
    details: skippedDetails(language, result),
    emailsQueued: queuedText(language, result),
    emailsFailed,
  }
  if (count === 0) return { message: 'bulkNothingChanged', type: 'error', resourceId: RESOURCE, options }
  return {
    message: skipped > 0 ? 'bulkChangedSomeSkipped' : 'bulkChanged',
    type: skipped > 0 || result.emails.failed > 0 ? 'info' : 'success',
    resourceId: RESOURCE,
    options,
  }
}

/**
 * Our service errors as AdminJS answers: bad input → field errors (ValidationError), an action
 * that does not apply → an error notice. Anything else is a bug and stays an error.
 */
export function refusalResponse(error: unknown, context: ActionContext) {
  if (error instanceof InvalidInputError) throw new ValidationError(fieldErrors(error.fields))
  const record = context.record?.toJSON(context.currentAdmin)
  const records = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
  if (error instanceof ClientActionRefused) {
    return {
      record,
      records,
      notice: {
        message: error.reason,
        type: 'error',
        resourceId: RESOURCE,
      } satisfies NoticeMessage,
    }
  }
  if (error instanceof ConcurrentChangeError) {
    return {
      record,
      records,
      notice: { message: 'concurrentChange', type: 'error', resourceId: RESOURCE } satisfies NoticeMessage,
    }
  }
  throw error
}
