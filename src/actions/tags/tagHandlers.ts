import type { DataSource } from 'typeorm'
import { createTag, deleteTags, updateTag } from '../../services/tags/tagCatalog.js'
import { catalogHandlers } from '../core/catalogHandlers.js'

// The Tag resource's new, edit and delete, each one call of services/tags/tagCatalog.ts (the
// name's uniqueness whatever its case, the palette, the history of the clients that carried it).

type Payload = Record<string, unknown>
const fieldsOf = (payload: Payload) => ({ name: payload.name, colour: payload.colour })

export const tagHandlers = (dataSource: DataSource) =>
  catalogHandlers({
    create: (actor, payload) => createTag(dataSource, actor, fieldsOf(payload)),
    update: (id, payload) => updateTag(dataSource, id, fieldsOf(payload)),
    remove: (actor, id) => deleteTags(dataSource, actor, [id]),
    removedNotice: 'successfullyDeleted',
  })
