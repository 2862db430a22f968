import type { ActionHandler, ActionResponse, RecordActionResponse } from 'adminjs'
import type { Actor } from '../../services/core/requestValues.js'
import { actorOf, refusalResponse, savedResponse } from './clientActionSpecs.js'

type Payload = Record<string, unknown>

/** The service calls of an admins' catalog (tags, custom fields): each handler makes one of them. */
export interface CatalogCalls {
  create: (actor: Actor, payload: Payload) => Promise<{ id: number }>
  update: (id: number, payload: Payload) => Promise<unknown>
  remove: (actor: Actor, id: number) => Promise<unknown>
  /** The notice after a removal (a custom field removed keeps its values: it says so). */
  removedNotice: string
}

/**
 * The new, edit and delete of a catalog resource: a GET shows the form or the record, a POST makes
 * one service call; a refusal is the form's field errors or a notice, never a 500.
 */
export function catalogHandlers(
  calls: CatalogCalls,
): Record<'new' | 'edit' | 'delete', ActionHandler<ActionResponse>> {
  const create: ActionHandler<RecordActionResponse> = async (request, _response, context) => {
    if (request.method !== 'post') return {} as RecordActionResponse
    try {
      const row = await calls.create(actorOf(request, context), (request.payload ?? {}) as Payload)
      return (await savedResponse(context, row.id, 'successfullyCreated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }
  const edit: ActionHandler<RecordActionResponse> = async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin)
    if (request.method !== 'post') return { record: current } as RecordActionResponse
    try {
      const id = Number(context.record?.id())
      await calls.update(id, (request.payload ?? {}) as Payload)
      return (await savedResponse(context, id, 'successfullyUpdated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }
  const remove: ActionHandler<ActionResponse> = async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin)
    if (request.method !== 'post') return { record: current }
    await calls.remove(actorOf(request, context), Number(context.record?.id()))
    return {
      record: current,
      redirectUrl: context.h.resourceUrl({ resourceId: context.resource.decorate().id() }),
      notice: { message: calls.removedNotice, type: 'success' },
    }
  }
  return { new: create, edit, delete: remove }
}
