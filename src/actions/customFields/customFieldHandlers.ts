import type { ActionHandler, ActionResponse, RecordActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { createField, removeField, updateField } from '../../services/customFields/fieldCatalog.js'
import { actorOf, refusalResponse, savedResponse } from '../core/clientActionSpecs.js'

// The CustomField resource's new, edit and delete, each one call of services/customFields/
// fieldCatalog.ts (the definition read with its schema, key and type kept, values kept on removal).

type Payload = Record<string, unknown>

export const newCustomFieldHandler =
  (dataSource: DataSource): ActionHandler<RecordActionResponse> =>
  async (request, _response, context) => {
    if (request.method !== 'post') return {} as RecordActionResponse
    try {
      const field = await createField(
        dataSource,
        actorOf(request, context),
        (request.payload ?? {}) as Payload,
      )
      return (await savedResponse(context, field.id, 'successfullyCreated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }

export const editCustomFieldHandler =
  (dataSource: DataSource): ActionHandler<RecordActionResponse> =>
  async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin)
    if (request.method !== 'post') return { record: current } as RecordActionResponse
    try {
      const id = Number(context.record?.id())
      await updateField(dataSource, id, (request.payload ?? {}) as Payload)
      return (await savedResponse(context, id, 'successfullyUpdated')) as RecordActionResponse
    } catch (error) {
      return refusalResponse(error, context) as RecordActionResponse
    }
  }

/** Removes the field from every form and list; its values stay for the history and the archive. */
export const deleteCustomFieldHandler =
  (dataSource: DataSource): ActionHandler<ActionResponse> =>
  async (request, _response, context) => {
    const current = context.record?.toJSON(context.currentAdmin)
    if (request.method !== 'post') return { record: current }
    await removeField(dataSource, Number(context.record?.id()))
    return {
      record: current,
      redirectUrl: context.h.resourceUrl({ resourceId: context.resource.decorate().id() }),
      notice: { message: 'customFieldRemoved', type: 'success' },
    }
  }
