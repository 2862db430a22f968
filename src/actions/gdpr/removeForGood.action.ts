import type { Action, RecordActionResponse } from 'adminjs'
import type { GdprActionDeps } from './gdprArchive.action.js'
import { GROUP_MENUS } from '../core/actionMenus.js'
import { actorOf, refusalResponse, visibleWhen } from '../core/clientActionSpecs.js'

/**
 * Remove a client for good: only a soft-deleted one, by a role allowed to (admin by default).
 * The client is erased by the erasure map first (ClientGdpr.removeForGood), since what stays is
 * linked to no client. Answers with the list to go back to, since the record is gone.
 */
export const removeForGoodAction = (deps: GdprActionDeps): Partial<Action<RecordActionResponse>> => ({
  name: 'removeForGood',
  actionType: 'record',
  parent: GROUP_MENUS.status,
  icon: 'XOctagon',
  variant: 'danger',
  component: deps.components.ClientActionForm,
  showInDrawer: true,
  guard: '',
  isVisible: visibleWhen({ status: ['deleted'] }),
  handler: async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    if (request.method !== 'post') return { record: current }
    try {
      await deps.gdpr.removeForGood(actorOf(request, context), Number(context.record?.id()))
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
