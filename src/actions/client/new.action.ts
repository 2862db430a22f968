import type { ActionHandler, RecordActionResponse } from 'adminjs'
import type { AccessControl } from '../../services/core/accessControl.js'
import { seesAdminOnlyFields } from '../customFields/customValues.action.js'
import { createClient } from '../../services/lifecycle/profileChanges.js'
import { actorOf, refusalResponse, savedResponse, type ClientActionDeps } from '../core/clientActionSpecs.js'

/**
 * AdminJS's new, with the save done by the lifecycle service: the client and its `created`
 * event in one transaction. Only a POST creates.
 */
export const newClientHandler =
  (
    deps: ClientActionDeps & { access: AccessControl },
    editable: readonly string[],
  ): ActionHandler<RecordActionResponse> =>
  async (request, _response, context) => {
    if (request.method !== 'post') return {} as RecordActionResponse
    try {
      const id = await createClient(
        deps.lifecycle,
        actorOf(request, context),
        request.payload ?? {},
        editable,
        // A field marked "admins only" sent by who may not see it: a field error, nothing written.
        { adminOnlyFields: seesAdminOnlyFields(deps.access, context.currentAdmin) },
      )
      return (await savedResponse(context, id, 'successfullyCreated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }
