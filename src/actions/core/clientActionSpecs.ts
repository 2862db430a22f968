// What every client action shares: the spec an action file declares (name, look, input, one
// service call, its success notice), and the AdminJS action built from it — the request read and
// checked, the actor, the record as it now is, the notice, a refusal answered as a notice.
import {
  ValidationError,
  populator,
  type Action,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type NoticeMessage,
  type RecordActionResponse,
} from 'adminjs'
import type { ComponentIds } from '../../components/index.js'
import { chosenLanguage, translateMessage } from '../../locale/index.js'
import type { LifecycleDeps, LifecycleResult } from '../../services/lifecycle/clientLifecycle.js'
import { ClientActionRefused, ConcurrentChangeError, InvalidInputError } from '../../services/core/errors.js'
import { isDatabaseUnavailable } from '../../services/core/databaseFaults.js'
import {
  adminActor,
  hasControlCharacters,
  isPlainValue,
  isRecordId,
  nestedUnder,
  parseInput,
  type Actor,
} from '../../services/core/requestValues.js'
import { payloadLimits, type ActionInput, type InputValue } from '../../shared/actionInputs/fields.js'
import { MAX_EMAIL_BODY_LENGTH } from '../../shared/limits.js'
import { GROUP_MENUS, type ActionGroup } from './actionMenus.js'

export interface ClientActionDeps {
  /** What the lifecycle's functions take (services/lifecycle/lifecycleDeps.ts). */
  lifecycle: LifecycleDeps
  components: Pick<ComponentIds, 'ClientActionForm'>
}

type Variant = 'default' | 'primary' | 'danger' | 'success' | 'info'

export interface ActionSpec<S extends ActionInput | undefined> {
  name: string
  icon: string
  variant?: Variant
  /**
   * What the form sends (src/shared/actionInputs/): read and checked before the handler runs,
   * its fields drawn by the panel's form; none: a confirmation.
   */
  input?: S
}

/** The value the handler receives: the input's output, or nothing for a confirmation. */
export type Value<S> = S extends ActionInput ? InputValue<S> : Record<string, never>

/**
 * The reader of an action's input, made once: each field's longest raw value is known at setup;
 * a request is read for lengths and shapes first, then parsed with the schema.
 */
export function inputReader<S extends ActionInput | undefined>(input: S | undefined) {
  const limits = payloadLimits(input)
  return (request: ActionRequest): Value<S> => {
    const payload = readPayload(request, limits)
    return (input ? parseInput(input, payload) : {}) as Value<S>
  }
}

/**
 * When a record action applies to a client as listed (the button is hidden otherwise; the service
 * re-checks): data, not a function, so AdminJS asking every action whether it shows runs no
 * action's own code. Every condition given must hold.
 */
export interface AppliesWhen {
  /** Its status is one of these. */
  status?: readonly string[]
  /** Its status is none of these. */
  notStatus?: readonly string[]
  /** These properties are set (an email, a 2FA date…). */
  has?: readonly string[]
  /** These properties are not set (an anonymisation date…). */
  hasNot?: readonly string[]
}

/** Whether a client's properties meet `when` (no condition: always). */
export function applies(when: AppliesWhen | undefined, params: Record<string, unknown>): boolean {
  if (!when) return true
  const status = String(params.status ?? '')
  return (
    (!when.status || when.status.includes(status)) &&
    !(when.notStatus ?? []).includes(status) &&
    (when.has ?? []).every((key) => Boolean(params[key])) &&
    (when.hasNot ?? []).every((key) => !params[key])
  )
}

/** An action's `isVisible` from its `AppliesWhen`. */
export const visibleWhen =
  (when: AppliesWhen) =>
  (context: ActionContext): boolean =>
    applies(when, context.record?.params ?? {})

export interface RecordActionSpec<S extends ActionInput | undefined> extends ActionSpec<S> {
  group: ActionGroup
  /** When the action applies to a client as listed (see AppliesWhen). */
  appliesTo?: AppliesWhen
  /** What a POST does (a GET only answers with the record the form needs): one service call. */
  handler: (call: { actor: Actor; id: number; input: Value<S> }) => Promise<LifecycleResult>
  /** Message key of the success notice. */
  success: string
}

/** What every form action shares: its name and look, and our form in a drawer. */
export const drawerFormAction = <S extends ActionInput | undefined>(
  components: ClientActionDeps['components'],
  spec: ActionSpec<S>,
) => ({
  name: spec.name,
  icon: spec.icon,
  variant: spec.variant ?? 'default',
  component: components.ClientActionForm,
  showInDrawer: true,
  // Our form asks for confirmation itself; AdminJS's guard would call the action with GET.
  guard: '',
})

/**
 * A record action on a client with the plugin's form (components/actionForm/): GET answers with
 * the record (what the form needs), POST reads the input, runs the handler and answers with the
 * record as it now is and a translated notice; a refusal or bad input is a notice, never a 500.
 */
export function recordFormAction<S extends ActionInput | undefined = undefined>(
  components: ClientActionDeps['components'],
  spec: RecordActionSpec<S>,
): Partial<Action<RecordActionResponse>> {
  const readInput = inputReader(spec.input)
  return {
    ...drawerFormAction(components, spec),
    // Thirteen buttons do not fit a page header: they are grouped in three dropdowns.
    parent: GROUP_MENUS[spec.group],
    actionType: 'record',
    isVisible: visibleWhen(spec.appliesTo ?? {}),
    handler: async (request, _response, context) => {
      // The record as read before the change: the GET's answer; a POST answers with it only when
      // the record as it now is cannot be read (its JSON, titles and actions, is built then only).
      const current = () => context.record?.toJSON(context.currentAdmin)
      if (request.method !== 'post') return { record: current() } as RecordActionResponse
      try {
        const id = recordId(context)
        const result = await spec.handler({ actor: actorOf(request, context), id, input: readInput(request) })
        const [refusal] = result.skipped
        if (refusal && result.changed.length === 0)
          throw new ClientActionRefused(refusal.reason, refusal.clientNumber)
        // The change is committed: a failed read of the result must not answer "try again".
        const [record] = await freshRecords(context, [id]).catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) return [current()]
          throw error
        })
        return {
          record: record ?? current(),
          notice: recordNotice(() => panelLanguage(request, context), spec.success, result),
          redirectUrl: context.h.recordActionUrl({
            resourceId: context.resource.decorate().id(),
            recordId: String(id),
            actionName: 'show',
          }),
        } as RecordActionResponse
      } catch (error) {
        return refusalResponse(error, context) as RecordActionResponse
      }
    },
  }
}

export type ClientAction = Partial<Action<ActionResponse>>

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

/** A language, or how to read it when a text is built (most notices build none). */
export type LanguageOf = string | (() => string)

export const t = (language: LanguageOf, key: string, options?: Record<string, unknown>) =>
  translateMessage(typeof language === 'function' ? language() : language, key, options)

/** " 3 emails queued." in the panel's language, or nothing. */
export function queuedText(language: LanguageOf, result: LifecycleResult): string {
  const count = result.emails.queued
  return count > 0
    ? ` ${t(language, count === 1 ? 'emailsQueued_one' : 'emailsQueued_other', { count })}`
    : ''
}

/** The notice after a single-client action: its own success message, or the email refused at once. */
export function recordNotice(language: LanguageOf, success: string, result: LifecycleResult): NoticeMessage {
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

/**
 * Our service errors as AdminJS answers: bad input → field errors (ValidationError), an action
 * that does not apply → an error notice. Anything else is a bug and stays an error.
 */
export function refusalResponse(error: unknown, context: ActionContext) {
  if (error instanceof InvalidInputError) throw new ValidationError(fieldErrors(error.fields))
  const record = context.record?.toJSON(context.currentAdmin)
  const records = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
  if (error instanceof ClientActionRefused || error instanceof ConcurrentChangeError) {
    const message = error instanceof ClientActionRefused ? error.reason : 'concurrentChange'
    return {
      record,
      records,
      notice: { message, type: 'error', resourceId: RESOURCE } satisfies NoticeMessage,
    }
  }
  throw error
}
