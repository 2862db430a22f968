import type { Action, ActionHandler, BulkActionResponse, NoticeMessage } from 'adminjs'
import type { LifecycleResult } from '../../services/lifecycle/clientLifecycle.js'
import type { Actor } from '../../services/core/requestValues.js'
import { readingItsOwnRecordIds } from '../../services/core/bulkRequests.js'
import type { ActionInput } from '../../shared/actionInputs/fields.js'
import {
  actorOf,
  drawerFormAction,
  inputReader,
  panelLanguage,
  queuedText,
  refusalResponse,
  requestedIds,
  t,
  type ActionSpec,
  type ClientActionDeps,
  type Value,
} from './clientActionSpecs.js'

const RESOURCE = 'Client'

export interface BulkActionSpec<S extends ActionInput | undefined, R> extends ActionSpec<S> {
  /** What a POST does (a GET only answers with the selected records): one service call. */
  handler: (call: { actor: Actor; ids: number[]; input: Value<S> }) => Promise<R>
  /** The notice the panel shows after the POST (in the panel's language). */
  notice: (result: R, language: string) => NoticeMessage
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
  const readInput = inputReader(spec.input)
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
          const input = readInput(request)
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

/** "C7K2M9QX4: already banned; C4…: no email address" in the panel's language. */
function skippedDetails(language: string, result: LifecycleResult): string {
  return result.skipped
    .map((s) =>
      t(language, 'skippedDetail', { client: s.clientNumber ?? `#${s.id}`, reason: t(language, s.reason) }),
    )
    .join('; ')
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

/** The notice of a bulk client action: how many changed, which were skipped and why. */
export const clientsNotice = (result: LifecycleResult, language: string) => bulkNotice(language, result)
