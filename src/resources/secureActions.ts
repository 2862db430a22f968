import {
  ForbiddenError,
  type Action,
  type ActionHandler,
  type ActionRequest,
  type ActionResponse,
  type After,
  type Before,
  type ResourceWithOptions,
} from 'adminjs'
import type { EntityTarget, ObjectLiteral } from 'typeorm'
import { accessibleBy, refusedWith403 } from '../services/core/accessControl.js'
import { dropSecretsFromPayload, stripSecretsFromResponse } from '../services/core/secrets.js'
import { showPage } from '../actions/core/leanRecords.js'
import { keepOnlyEditable } from '../hooks/keepOnlyEditable.js'
import { normalizePayload } from '../hooks/normalizePayload.js'
import { validateRecord, type RecordRules } from '../hooks/validateRecord.js'
import { importUploads } from '../services/import/importUploads.js'
import type { ResourceDeps } from './resourceDeps.js'

// What every action of the plugin's resources gets, put together here at setup: the role check
// (services/core/accessControl.ts: invisible in the panel, 403 through the API), secrets kept out
// of its response and out of create and edit's payload (services/core/secrets.ts), and on create
// and edit the payload cleaned and validated before the adapter sees it (hooks/).

const BUILT_IN_ACTIONS = ['list', 'search', 'show', 'new', 'edit', 'delete', 'bulkDelete'] as const
type BuiltIn = (typeof BUILT_IN_ACTIONS)[number]

export interface SecureActionsSpec {
  resourceId: string
  entity: EntityTarget<ObjectLiteral>
  /** Built-in actions this resource does not offer at all (e.g. history is never edited). */
  disabled?: BuiltIn[]
  /** The only fields create and edit may write (the form's fields). */
  editable?: readonly string[]
  /** Checks on create and edit. */
  rules?: RecordRules
  /** More before hooks for create and edit, after the rules (e.g. the duplicates warning). */
  checks?: Before[]
  /** Handlers replacing a built-in action's (its hooks stay). */
  handlers?: Partial<Record<BuiltIn, ActionHandler<ActionResponse>>>
  /** Components replacing a built-in action's view. */
  components?: Partial<Record<BuiltIn, string>>
  /** Actions of the resource's own, or replacing a built-in one, by name. */
  custom?: Record<string, Partial<Action<ActionResponse>>>
  /**
   * Custom actions allowed to whoever may run another one, e.g. `{ tab: 'show' }` (a read of the
   * page), or any of several (a menu, to whoever may run one of its actions).
   */
  rights?: Record<string, string | string[]>
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/**
 * AdminJS's own `new` throws on a GET (a 500): nothing to read there, so a 405 before its handler.
 * The panel's form posts; only a hand-made request gets here.
 */
const createsOnPostOnly: Before = (request) => {
  if (request.method === 'post') return request
  throw Object.assign(new Error('new is a POST'), { status: 405 })
}

/**
 * Every action of a resource, built-in or custom, gets: the role check from the roles map
 * (invisible in the panel, 403 through the API), secrets stripped from its response, and on
 * create and edit the payload cleaned and validated before the adapter sees it.
 */
export function secureActions(
  deps: Pick<ResourceDeps, 'access' | 'dataSource'> & Partial<Pick<ResourceDeps, 'commissionImport'>>,
  spec: SecureActionsSpec,
): Record<string, Partial<Action<ActionResponse>>> {
  const { access, dataSource } = deps
  const uploadDir = deps.commissionImport?.limits.uploadDir
  // A refused multipart request's files do not stay on disk.
  const discard = uploadDir
    ? (request: ActionRequest) => importUploads.discardReceived(request, uploadDir)
    : undefined
  const actions: Record<string, Partial<Action<ActionResponse>>> = {}
  const disabled = new Set(spec.disabled ?? [])

  for (const name of BUILT_IN_ACTIONS) {
    if (disabled.has(name)) {
      actions[name] = { isAccessible: false, before: [refusedWith403(null, spec.resourceId, name, discard)] }
      continue
    }
    const before: Before[] = [refusedWith403(access, spec.resourceId, name, discard)]
    if (name === 'new' && !spec.handlers?.new) before.push(createsOnPostOnly)
    if (name === 'new' || name === 'edit') {
      before.push(dropSecretsFromPayload)
      if (spec.editable) before.push(keepOnlyEditable(spec.editable))
      before.push(normalizePayload(dataSource, spec.entity))
      if (spec.rules) before.push(validateRecord(dataSource, spec.entity, spec.rules))
      before.push(...(spec.checks ?? []))
    }
    // A record's page without what it never reads (actions/core/leanRecords.ts: pageRecord).
    const handler = spec.handlers?.[name] ?? (name === 'show' ? showPage : undefined)
    actions[name] = {
      isAccessible: accessibleBy(access, spec.resourceId, name),
      before,
      ...(handler ? { handler } : {}),
      ...(spec.components?.[name] ? { component: spec.components[name] } : {}),
      after: [stripSecretsFromResponse],
    }
  }

  for (const [name, action] of Object.entries(spec.custom ?? {})) {
    const right = spec.rights?.[name] ?? name
    actions[name] = {
      ...action,
      isAccessible: accessibleBy(access, spec.resourceId, right, action.isAccessible),
      before: [
        refusedWith403(access, spec.resourceId, right, discard),
        ...(asArray(action.before) as Before[]),
      ],
      after: [...(asArray(action.after) as After<ActionResponse>[]), stripSecretsFromResponse],
    }
  }
  return actions
}

/** Answers 403 when the action's own `isAccessible` refuses (AdminJS would answer 200 and a notice). */
const forbidWith403: Before = (request, context) => {
  try {
    context.action.canInvokeAction(context)
  } catch (error) {
    if (error instanceof ForbiddenError) {
      ;(request as { res?: { status?: (code: number) => unknown } }).res?.status?.(403)
    }
    throw error
  }
  return request
}

/**
 * For the host's own resources: every action its options declare answers a refusal (its
 * `isAccessible`, e.g. `new: { isAccessible: false }`) with HTTP 403 through the API, as the
 * plugin's resources do. `resources: [...clients.resources, ...mine.map(refusalsAs403)]`.
 */
export function refusalsAs403(resource: ResourceWithOptions): ResourceWithOptions {
  const declared = resource.options?.actions ?? {}
  const actions: Record<string, Partial<Action<ActionResponse>>> = {}
  for (const [name, action] of Object.entries(declared) as [string, Partial<Action<ActionResponse>>][]) {
    actions[name] = { ...action, before: [forbidWith403, ...(asArray(action.before) as Before[])] }
  }
  return { ...resource, options: { ...resource.options, actions } }
}

export const valuesOf = (values: readonly string[]) => values.map((value) => ({ value, label: value }))
