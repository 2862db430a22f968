import type { Action, RecordActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import { allTags } from '../../services/tags/tagCatalog.js'
import { tagsOfClients } from '../../services/tags/tagsOfClients.js'
import { isTagColour } from '../../shared/tags.js'

/**
 * The client's tags and the firm's, for the client page's chips and picker:
 * `GET …/records/:id/clientTags`. Read-only whatever the method, hidden, allowed to whoever may
 * see the client (`rights: { clientTags: 'show' }`); changes go through addTags / removeTags.
 */
export const clientTagsAction = (dataSource: DataSource): Partial<Action<RecordActionResponse>> => ({
  name: 'clientTags',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (_request, _response, context) => {
    const id = Number(context.record?.id())
    const [own, all] = await Promise.all([tagsOfClients(dataSource, [id]), allTags(dataSource)])
    return {
      record: context.record?.toJSON(context.currentAdmin),
      tags: own.get(id) ?? [],
      available: all.map((t) => ({
        id: t.id,
        name: t.name,
        colour: isTagColour(t.colour) ? t.colour : 'grey',
      })),
    } as RecordActionResponse
  },
})
