import {
  NotFoundError,
  type Action,
  type ActionContext,
  type ActionHandler,
  type ActionResponse,
  type BulkActionResponse,
  type RecordActionResponse,
} from 'adminjs'
import type { ComponentIds } from '../../components/index.js'
import type { Actor } from '../../services/core/actor.js'
import type { ClientLifecycle, LifecycleResult } from '../../services/lifecycle/clientLifecycle.js'
import { ClientActionRefused } from '../../services/core/errors.js'
import { isDatabaseUnavailable } from '../../services/core/databaseFaults.js'
import { readingItsOwnRecordIds } from '../../services/core/bulkRequests.js'
import {
  actorOf,
  bulkNotice,
  freshRecords,
  recordId,
  readPayload,
  panelLanguage,
  recordNotice,
  refusalResponse,
  requestedIds,
} from './actionResponses.js'

export interface ClientActionDeps {
  lifecycle: ClientLifecycle
  components: ComponentIds
}

type Payload = Record<string, unknown>
type Variant = 'default' | 'primary' | 'danger' | 'success' | 'info'

interface ActionSpec {
  name: string
  icon: string
  variant?: Variant
  /** The texts the form sends, each with its longest length (checked before the service runs). */
  fields?: Record<string, number>
}

/** The header's dropdowns a record action sits in. */
export type ActionGroup = 'account' | 'status' | 'contact'

/**
 * Each dropdown is an action of its own with no handler (so no link): AdminJS labels a parent
 * that names an action with that action's translated label (`actions.statusMenu`), while a
 * plain string would stay as given whatever the panel's language.
 */
export const GROUP_MENUS: Record<ActionGroup, string> = {
  account: 'accountMenu',
  status: 'statusMenu',
  contact: 'contactMenu',
}
const MENU_ICONS: Record<ActionGroup, string> = { account: 'User', status: 'Activity', contact: 'Mail' }

/** The three dropdowns, and for each the actions in it: the menu shows to whoever may run one of them. */
export function actionGroupMenus(actions: Record<string, Partial<Action<ActionResponse>>>) {
  const menus: Record<string, Partial<Action<ActionResponse>>> = {}
  const rights: Record<string, string[]> = {}
  for (const [group, name] of Object.entries(GROUP_MENUS) as [ActionGroup, string][]) {
    rights[name] = Object.values(actions)
      .filter((a) => a.parent === name)
      .map((a) => a.name as string)
    menus[name] = {
      name,
      actionType: 'record',
      icon: MENU_ICONS[group],
      component: false,
      showInDrawer: false,
      guard: '',
      // A menu is not something to run: called anyway, it answers with an error notice.
      before: [
        () => {
          throw new NotFoundError(`${name} is a menu of the panel, not an action`, 'Action#before')
        },
      ],
    }
  }
  return { menus, rights }
}

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

/** What every client action shares: its name and look, and our form in a drawer. */
const drawerFormAction = (deps: ClientActionDeps, spec: ActionSpec) => ({
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
    ...drawerFormAction(deps, spec),
    // Thirteen buttons do not fit a page header: they are grouped in three dropdowns.
    parent: GROUP_MENUS[spec.group],
    actionType: 'record',
    isVisible: (context: ActionContext) => spec.appliesTo?.(context.record?.params ?? {}) ?? true,
    handler: async (request, _response, context) => {
      const current = context.record?.toJSON(context.currentAdmin)
      if (request.method !== 'post') return { record: current } as RecordActionResponse
      try {
        const id = recordId(context)
        const payload = readPayload(request, spec.fields)
        const result = await spec.onPost(deps.lifecycle, actorOf(request, context), id, payload)
        const [refusal] = result.skipped
        if (refusal && result.changed.length === 0)
          throw new ClientActionRefused(refusal.reason, refusal.clientNumber)
        // The change is committed: a failed read of the result must not answer "try again".
        const [record] = await freshRecords(context, [id]).catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) return [current]
          throw error
        })
        return {
          record: record ?? current,
          notice: recordNotice(panelLanguage(request, context), spec.success, result),
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

/**
 * A bulk action on clients: all or nothing in one transaction; the notice says how many changed
 * and which were skipped, and why.
 */
export function bulkClientAction(
  deps: ClientActionDeps,
  spec: BulkActionSpec,
): Partial<Action<BulkActionResponse>> {
  return {
    ...drawerFormAction(deps, spec),
    actionType: 'bulk',
    // POST reads the ids from the request (http/bulkPost.ts skips AdminJS's read of the records).
    handler: readingItsOwnRecordIds<ActionHandler<BulkActionResponse>>(
      async (request, _response, context) => {
        const current = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
        if (request.method !== 'post') return { records: current }
        try {
          const ids = requestedIds(request)
          const payload = readPayload(request, spec.fields)
          const result = await spec.onPost(deps.lifecycle, actorOf(request, context), ids, payload)
          return {
            // The panel reloads the list after a bulk action: sending the records back would cost
            // a query and megabytes for a large selection.
            records: [],
            notice: bulkNotice(panelLanguage(request, context), result),
            redirectUrl: context.h.resourceUrl({ resourceId: context.resource.decorate().id() }),
          }
        } catch (error) {
          return refusalResponse(error, context) as BulkActionResponse
        }
      },
    ),
  }
}

export type ClientAction = Partial<Action<ActionResponse>>
