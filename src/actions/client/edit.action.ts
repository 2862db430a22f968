import type { ActionHandler, RecordActionResponse } from 'adminjs'
import type { AccessControl } from '../../services/core/accessControl.js'
import { seesAdminOnlyFields } from '../customFields/customValues.action.js'
import { updateProfile } from '../../services/lifecycle/profileChanges.js'
import {
  actorOf,
  recordId,
  refusalResponse,
  savedResponse,
  type ClientActionDeps,
} from '../core/clientActionSpecs.js'

/**
 * AdminJS's edit, with the save done by the lifecycle service: one transaction writes the
 * profile and a `profile_updated` event with each changed field (old → new, secrets masked).
 */
export const editClientHandler =
  (
    deps: ClientActionDeps & { access: AccessControl },
    editable: readonly string[],
  ): ActionHandler<RecordActionResponse> =>
  async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin)
    if (request.method !== 'post') return { record: current } as RecordActionResponse
    try {
      const id = recordId(context)
      // A field marked "admins only" sent by who may not see it: a field error, nothing written.
      await updateProfile(deps.lifecycle, actorOf(request, context), id, request.payload ?? {}, editable, {
        adminOnlyFields: seesAdminOnlyFields(deps.access, context.currentAdmin),
      })
      return (await savedResponse(context, id, 'successfullyUpdated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }
