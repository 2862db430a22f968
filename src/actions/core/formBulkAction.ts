import type { Action, ActionContext, ActionHandler, ActionRequest, BulkActionResponse } from 'adminjs'
import { readingItsOwnRecordIds } from '../../services/core/bulkRequests.js'
import { readPayload, refusalResponse, requestedIds } from './actionResponses.js'

export interface FormBulkActionSpec {
  name: string
  icon: string
  /** The resource the notice and the redirect go to. */
  resourceId: string
  /** The form's fields and their longest lengths (none: a confirmation only). */
  fields?: Record<string, number>
  /** The success notice's message key. */
  success: string
  /** The one service call; returns the notice's options (counts). */
  onPost: (
    ids: number[],
    payload: Record<string, unknown>,
    request: ActionRequest,
    context: ActionContext,
  ) => Promise<Record<string, unknown>>
}

/**
 * A bulk action with the plugin's confirmation form (outside the client lifecycle): GET returns
 * the selected records for the form, POST reads the fields, makes one service call and answers
 * with a notice and a redirect to the list; a refusal or bad input is a notice, never a 500.
 */
export function formBulkAction(
  components: { ClientActionForm: string },
  spec: FormBulkActionSpec,
): Partial<Action<BulkActionResponse>> {
  return {
    name: spec.name,
    actionType: 'bulk',
    icon: spec.icon,
    component: components.ClientActionForm,
    showInDrawer: true,
    guard: '',
    // POST reads the ids from the request (http/bulkPost.ts skips AdminJS's read of the records).
    handler: readingItsOwnRecordIds<ActionHandler<BulkActionResponse>>(
      async (request, _response, context) => {
        const current = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
        if (request.method !== 'post') return { records: current }
        try {
          const payload = readPayload(request, spec.fields ?? {})
          const options = await spec.onPost(requestedIds(request), payload, request, context)
          return {
            records: [],
            notice: {
              message: spec.success,
              type: 'success',
              resourceId: context.resource.decorate().id(),
              options,
            },
            redirectUrl: context.h.resourceUrl({ resourceId: context.resource.decorate().id() }),
          }
        } catch (error) {
          return refusalResponse(error, context) as BulkActionResponse
        }
      },
    ),
  }
}
