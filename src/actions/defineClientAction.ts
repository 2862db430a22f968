import type {
  Action,
  ActionContext,
  ActionRequest,
  ActionResponse,
  BulkActionResponse,
  RecordActionResponse,
} from 'adminjs'
import type { ComponentIds } from '../components/index.js'
import type { Actor } from '../services/actor.js'
import type { ClientLifecycle, LifecycleResult } from '../services/clientLifecycle.js'
import { ClientActionRefused } from '../services/lifecycleErrors.js'
import {
  actorOf,
  bulkNotice,
  freshRecords,
  recordId,
  recordNotice,
  refusalResponse,
  requestedIds,
} from './actionResponses.js'

export interface ClientActionDeps {
  lifecycle: ClientLifecycle
  components: ComponentIds
  /** The label of a group of actions, in the panel's language (AdminJS shows a parent as given). */
  groupLabel: (group: ActionGroup) => string
}

type Payload = Record<string, unknown>
type Variant = 'default' | 'primary' | 'danger' | 'success' | 'info'

interface ActionSpec {
  name: string
  icon: string
  variant?: Variant
}

/** The header's dropdowns a record action sits in (labels: `actionGroups.<group>` in src/locale). */
export type ActionGroup = 'account' | 'status' | 'contact'

export interface RecordActionSpec extends ActionSpec {
  group: ActionGroup
  /** Whether the action applies to a record as listed (hides it otherwise; the service re-checks). */
  appliesTo?: (params: Record<string, unknown>) => boolean
  /** Message key of the success notice. */
  success: string
  /** What a POST does (a GET only answers with the record the form needs). */
  onPost: (lifecycle: ClientLifecycle, actor: Actor, id: number, payload: Payload) => Promise<LifecycleResult>
}

export interface BulkActionSpec extends ActionSpec {
  /** What a POST does (a GET only answers with the selected records). */
  onPost: (
    lifecycle: ClientLifecycle,
    actor: Actor,
    ids: number[],
    payload: Payload,
  ) => Promise<LifecycleResult>
}

const payloadOf = (request: ActionRequest): Payload => (request.payload ?? {}) as Payload

const look = (deps: ClientActionDeps, spec: ActionSpec) => ({
  name: spec.name,
  icon: spec.icon,
  variant: spec.variant ?? 'default',
  component: deps.components.ClientActionForm,
  showInDrawer: true,
  // Our form asks for confirmation itself; AdminJS's guard would call the action with GET.
  guard: '',
})

/**
 * A record action on a client (its form: components/clientActionForms.ts): GET answers with the record (what the form needs), POST runs one
 * lifecycle method and answers with the record as it now is and a translated notice.
 */
export function recordClientAction(
  deps: ClientActionDeps,
  spec: RecordActionSpec,
): Partial<Action<RecordActionResponse>> {
  return {
    ...look(deps, spec),
    // Thirteen buttons do not fit a page header: they are grouped in three dropdowns.
    parent: deps.groupLabel(spec.group),
    actionType: 'record',
    isVisible: (context: ActionContext) => spec.appliesTo?.(context.record?.params ?? {}) ?? true,
    handler: async (request, _response, context) => {
      const current = context.record?.toJSON(context.currentAdmin)
      if (request.method !== 'post') return { record: current } as RecordActionResponse
      try {
        const id = recordId(context)
        const result = await spec.onPost(deps.lifecycle, actorOf(request, context), id, payloadOf(request))
        const [refusal] = result.skipped
        if (refusal && result.changed.length === 0)
          throw new ClientActionRefused(refusal.reason, refusal.clientNumber)
        const [record] = await freshRecords(context, [id])
        return {
          record: record ?? current,
          notice: recordNotice(spec.success, result),
          redirectUrl: context.h.recordActionUrl({
            resourceId: context.resource.id(),
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

/**
 * A bulk action on clients: all or nothing in one transaction; the notice says how many changed
 * and which were skipped, and why.
 */
export function bulkClientAction(
  deps: ClientActionDeps,
  spec: BulkActionSpec,
): Partial<Action<BulkActionResponse>> {
  return {
    ...look(deps, spec),
    actionType: 'bulk',
    handler: async (request, _response, context) => {
      const current = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
      if (request.method !== 'post') return { records: current }
      try {
        const ids = requestedIds(request)
        const result = await spec.onPost(deps.lifecycle, actorOf(request, context), ids, payloadOf(request))
        return {
          // The panel reloads the list after a bulk action: sending the records back would cost
          // a query and megabytes for a large selection.
          records: [],
          notice: bulkNotice(context, result),
          redirectUrl: context.h.resourceUrl({ resourceId: context.resource.id() }),
        }
      } catch (error) {
        return refusalResponse(error, context) as BulkActionResponse
      }
    },
  }
}

export type ClientAction = Partial<Action<ActionResponse>>
