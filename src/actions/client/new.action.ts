import type { ActionHandler, RecordActionResponse } from 'adminjs'
import { createClient } from '../../services/lifecycle/profileChanges.js'
import { actorOf, refusalResponse, savedResponse, type ClientActionDeps } from '../core/clientActionSpecs.js'

/**
 * AdminJS's new, with the save done by the lifecycle service: the client and its `created`
 * event in one transaction. Only a POST creates.
 */
export const newClientHandler =
  (deps: ClientActionDeps, editable: readonly string[]): ActionHandler<RecordActionResponse> =>
  async (request, _response, context) => {
    if (request.method !== 'post') return {} as RecordActionResponse
    try {
      const id = await createClient(
        deps.lifecycle,
        actorOf(request, context),
        request.payload ?? {},
        editable,
      )
      return (await savedResponse(context, id, 'successfullyCreated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }
