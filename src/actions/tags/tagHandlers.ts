import type { ActionHandler, ActionResponse, RecordActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { createTag, deleteTags, updateTag } from '../../services/tags/tagCatalog.js'
import { actorOf, refusalResponse, savedResponse } from '../core/clientActionSpecs.js'

// The Tag resource's new, edit and delete, each one call of services/tags/tagCatalog.ts (the
// name's uniqueness whatever its case, the palette, the history of the clients that carried it).

type Payload = Record<string, unknown>
const fieldsOf = (payload: Payload | undefined) => ({ name: payload?.name, colour: payload?.colour })

export const newTagHandler =
  (dataSource: DataSource): ActionHandler<RecordActionResponse> =>
  async (request, _response, context) => {
    if (request.method !== 'post') return {} as RecordActionResponse
    try {
      const tag = await createTag(dataSource, actorOf(request, context), fieldsOf(request.payload))
      return (await savedResponse(context, tag.id, 'successfullyCreated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }

export const editTagHandler =
  (dataSource: DataSource): ActionHandler<RecordActionResponse> =>
  async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin)
    if (request.method !== 'post') return { record: current } as RecordActionResponse
    try {
      const id = Number(context.record?.id())
      await updateTag(dataSource, id, fieldsOf(request.payload))
      return (await savedResponse(context, id, 'successfullyUpdated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }

export const deleteTagHandler =
  (dataSource: DataSource): ActionHandler<ActionResponse> =>
  async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin)
    if (request.method !== 'post') return { record: current }
    await deleteTags(dataSource, actorOf(request, context), [Number(context.record?.id())])
    return {
      record: current,
      redirectUrl: context.h.resourceUrl({ resourceId: context.resource.decorate().id() }),
      notice: { message: 'successfullyDeleted', type: 'success' },
    }
  }
