import {
  NotFoundError,
  type Action,
  type ActionContext,
  type ActionHandler,
  type ActionRequest,
  type ActionResponse,
  type BulkActionResponse,
  type NoticeMessage,
  type RecordActionResponse,
} from 'adminjs'
import type { ComponentIds } from '../../components/index.js'
import type { Actor } from '../../services/core/actor.js'
import type { LifecycleDeps, LifecycleResult } from '../../services/lifecycle/clientLifecycle.js'
import { parseInput } from '../../services/core/parseInput.js'
import { payloadLimits, type ActionInput, type InputValue } from '../../shared/actionInputs/fields.js'
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
  /** What the lifecycle's functions take (services/lifecycle/lifecycleDeps.ts). */
  lifecycle: LifecycleDeps
  components: Pick<ComponentIds, 'ClientActionForm'>
}

type Variant = 'default' | 'primary' | 'danger' | 'success' | 'info'

interface ActionSpec<S extends ActionInput | undefined> {
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
type Value<S> = S extends ActionInput ? InputValue<S> : Record<string, never>

/** Reads the request with the action's input: lengths and shapes first, then the schema. */
function readInput<S extends ActionInput | undefined>(
  request: ActionRequest,
  input: S | undefined,
): Value<S> {
  const payload = readPayload(request, payloadLimits(input))
  return (input ? parseInput(input, payload) : {}) as Value<S>
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

export interface BulkActionSpec<S extends ActionInput | undefined, R> extends ActionSpec<S> {
  /** What a POST does (a GET only answers with the selected records): one service call. */
  handler: (call: { actor: Actor; ids: number[]; input: Value<S> }) => Promise<R>
  /** The notice the panel shows after the POST (in the panel's language). */
  notice: (result: R, language: string) => NoticeMessage
}

/** What every form action shares: its name and look, and our form in a drawer. */
const drawerFormAction = <S extends ActionInput | undefined>(
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
  return {
    ...drawerFormAction(components, spec),
    // Thirteen buttons do not fit a page header: they are grouped in three dropdowns.
    parent: GROUP_MENUS[spec.group],
    actionType: 'record',
    isVisible: visibleWhen(spec.appliesTo ?? {}),
    handler: async (request, _response, context) => {
      const current = context.record?.toJSON(context.currentAdmin)
      if (request.method !== 'post') return { record: current } as RecordActionResponse
      try {
        const id = recordId(context)
        const input = readInput<S>(request, spec.input)
        const result = await spec.handler({ actor: actorOf(request, context), id, input })
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
 * A bulk action with the plugin's form (clients, contracts, commissions): all or nothing in one
 * transaction; the notice says what changed (and for clients which were skipped, and why), then
 * the panel goes back to the list.
 */
export function bulkFormAction<S extends ActionInput | undefined = undefined, R = LifecycleResult>(
  components: ClientActionDeps['components'],
  spec: BulkActionSpec<S, R>,
): Partial<Action<BulkActionResponse>> {
  return {
    ...drawerFormAction(components, spec),
    actionType: 'bulk',
    // POST reads the ids from the request (http/bulkPost.ts skips AdminJS's read of the records).
    handler: readingItsOwnRecordIds<ActionHandler<BulkActionResponse>>(
      async (request, _response, context) => {
        const current = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
        if (request.method !== 'post') return { records: current }
        try {
          const ids = requestedIds(request)
          const input = readInput<S>(request, spec.input)
          const result = await spec.handler({ actor: actorOf(request, context), ids, input })
          return {
            // The panel reloads the list after a bulk action: sending the records back would cost
            // a query and megabytes for a large selection.
            records: [],
            notice: spec.notice(result, panelLanguage(request, context)),
            redirectUrl: context.h.resourceUrl({ resourceId: context.resource.decorate().id() }),
          }
        } catch (error) {
          return refusalResponse(error, context) as BulkActionResponse
        }
      },
    ),
  }
}

/** The notice of a bulk client action: how many changed, which were skipped and why. */
export const clientsNotice = (result: LifecycleResult, language: string) => bulkNotice(language, result)

export type ClientAction = Partial<Action<ActionResponse>>
