import type { Action, BulkActionResponse } from 'adminjs'
import type { LifecycleDeps } from '../../services/lifecycle/lifecycleDeps.js'
import type { ComponentIds } from '../../components/index.js'
import { mergeClients, MERGE_FIELDS, type MergeField } from '../../services/lifecycle/clientMerge.js'
import { actorOf, readPayload, refusalResponse, requestedIds } from '../core/clientActionSpecs.js'

/**
 * Merge two clients (a bulk action on exactly two): the form (ClientMerge) picks the client to
 * keep and, field by field, the value that survives; services/lifecycle/clientMerge.ts moves everything.
 */
export const mergeClientsAction = ({
  lifecycle,
  components,
}: {
  lifecycle: LifecycleDeps
  components: Pick<ComponentIds, 'ClientMerge'>
}): Partial<Action<BulkActionResponse>> => ({
  name: 'mergeClients',
  actionType: 'bulk',
  icon: 'GitMerge',
  variant: 'danger',
  component: components.ClientMerge,
  showInDrawer: false,
  guard: '',
  custom: { fields: MERGE_FIELDS },
  handler: async (request, _response, context) => {
    const current = (context.records ?? []).map((r) => r.toJSON(context.currentAdmin))
    if (request.method !== 'post') return { records: current }
    try {
      const ids = requestedIds(request)
      const payload = readPayload(request, { keepId: 10 })
      const keepId = Number(payload.keepId)
      if (ids.length !== 2 || !ids.includes(keepId)) {
        return {
          records: current,
          notice: { message: 'mergeTwoClients', type: 'error', resourceId: context.resource.decorate().id() },
        }
      }
      const otherId = ids.find((id) => id !== keepId) as number
      const choices: Partial<Record<MergeField, 'keep' | 'other'>> = {}
      for (const field of MERGE_FIELDS) if (payload[`choice.${field}`] === 'other') choices[field] = 'other'
      const result = await mergeClients(lifecycle, actorOf(request, context), keepId, otherId, choices)
      return {
        records: [],
        notice: {
          message: 'clientsMerged',
          type: 'success',
          resourceId: context.resource.decorate().id(),
          options: { ...result.moved },
        },
        redirectUrl: context.h.recordActionUrl({
          resourceId: context.resource.decorate().id(),
          recordId: String(keepId),
          actionName: 'show',
        }),
      }
    } catch (error) {
      return refusalResponse(error, context) as BulkActionResponse
    }
  },
})
