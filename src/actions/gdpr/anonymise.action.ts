import type { Action, RecordActionResponse } from 'adminjs'
import type { GdprActionDeps } from './gdprArchive.action.js'
import { GROUP_MENUS } from '../core/actionMenus.js'
import {
  actorOf,
  freshRecords,
  inputReader,
  recordId,
  refusalResponse,
  visibleWhen,
} from '../core/clientActionSpecs.js'
import { anonymiseInput } from '../../shared/actionInputs/gdpr.js'

const readInput = inputReader(anonymiseInput)

/**
 * Anonymise a client (GDPR erasure), admins only by default: the form (ClientActionForm) says
 * it is irreversible and asks for the client's number; refused while the client has active
 * contracts or unpaid commissions unless forced with a reason. GET answers with the record; its
 * input (`anonymiseInput`, shared/actionInputs/gdpr.ts) is the form's fields and what a POST is read with.
 */
export const anonymiseAction = (deps: GdprActionDeps): Partial<Action<RecordActionResponse>> => ({
  name: 'anonymise',
  actionType: 'record',
  parent: GROUP_MENUS.status,
  icon: 'UserX',
  variant: 'danger',
  component: deps.components.ClientActionForm,
  showInDrawer: true,
  guard: '',
  isVisible: visibleWhen({ hasNot: ['anonymisedAt'] }),
  handler: async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin) as RecordActionResponse['record']
    if (request.method !== 'post') return { record: current }
    try {
      const input = readInput(request)
      const id = recordId(context)
      await deps.gdpr.anonymise(actorOf(request, context), id, input)
      const [record] = await freshRecords(context, [id])
      return {
        record: record ?? current,
        notice: {
          message: 'clientAnonymised',
          type: 'success',
          resourceId: context.resource.decorate().id(),
        },
        redirectUrl: context.h.recordActionUrl({
          resourceId: context.resource.decorate().id(),
          recordId: String(id),
          actionName: 'show',
        }),
      }
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  },
})
