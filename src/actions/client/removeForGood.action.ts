import type { Action, RecordActionResponse } from 'adminjs'
import { GROUP_MENUS, type ClientActionDeps } from '../core/clientActionSpecs.js'
import { actorOf, refusalResponse } from '../core/actionResponses.js'

/**
 * Remove a client for good: only a soft-deleted one, by a role allowed to (admin by default).
 * Answers with the list to go back to, since the record is gone.
 */
export const removeForGoodAction = (deps: ClientActionDeps): Partial<Action<RecordActionResponse>> => ({
  name: 'removeForGood',
  actionType: 'record',
  parent: GROUP_MENUS.status,
  icon: 'XOctagon',
  variant: 'danger',
  component: deps.components.ClientActionForm,
  showInDrawer: true,
  guard: '',
  isVisible: (context) => context.record?.params.status === 'deleted',
  handler: async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    if (request.method !== 'post') return { record: current }
    try {
      await deps.lifecycle.removeForGood(actorOf(request, context), Number(context.record?.id()))
      return {
        record: current,
        notice: {
          message: 'clientRemovedForGood',
          type: 'success',
          resourceId: context.resource.decorate().id(),
        },
        redirectUrl: context.h.resourceUrl({
          resourceId: context.resource.decorate().id(),
          search: '?filters.status=deleted',
        }),
      }
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  },
})
