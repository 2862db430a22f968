import type { DataSource } from 'typeorm'
import type { LifecycleResult } from '../../services/lifecycle/lifecycleResult.js'
import type { Actor } from '../../services/core/actor.js'
import { changeClientTags } from '../../services/tags/clientTagChanges.js'
import { readTagNames } from '../../services/tags/tagInput.js'
import { bulkClientAction, recordClientAction, type ClientActionDeps } from '../core/clientActionSpecs.js'

// "Add tags" / "Remove tags" on one client (its page's picker, or the account menu's form) and on
// the list's selection: the form's `tags` is a list of names separated by commas. Adding a name
// no tag has yet creates it (the actions are admins' by default: roles in core/accessControl.ts).

export const TAG_LIST_LENGTH = 1000

type Deps = ClientActionDeps & { dataSource: DataSource }
type Direction = 'add' | 'remove'

function tagChange(dataSource: DataSource, direction: Direction) {
  return async (actor: Actor, ids: number[], payload: Record<string, unknown>): Promise<LifecycleResult> => {
    const names = readTagNames(payload.tags)
    const change = direction === 'add' ? { add: names, remove: [] } : { add: [], remove: names }
    const result = await changeClientTags(dataSource, actor, ids, change, { create: true })
    return { changed: result.changed, skipped: result.skipped, emails: { queued: 0, failed: 0, error: null } }
  }
}

export const addTagsAction = (deps: Deps) =>
  recordClientAction(deps, {
    name: 'addTags',
    fields: { tags: TAG_LIST_LENGTH },
    group: 'account',
    icon: 'Tag',
    success: 'tagsAdded',
    onPost: (_lifecycle, actor, id, payload) => tagChange(deps.dataSource, 'add')(actor, [id], payload),
  })

export const removeTagsAction = (deps: Deps) =>
  recordClientAction(deps, {
    name: 'removeTags',
    fields: { tags: TAG_LIST_LENGTH },
    group: 'account',
    icon: 'Tag',
    success: 'tagsRemoved',
    onPost: (_lifecycle, actor, id, payload) => tagChange(deps.dataSource, 'remove')(actor, [id], payload),
  })

export const bulkAddTagsAction = (deps: Deps) =>
  bulkClientAction(deps, {
    name: 'bulkAddTags',
    fields: { tags: TAG_LIST_LENGTH },
    icon: 'Tag',
    onPost: (_lifecycle, actor, ids, payload) => tagChange(deps.dataSource, 'add')(actor, ids, payload),
  })

export const bulkRemoveTagsAction = (deps: Deps) =>
  bulkClientAction(deps, {
    name: 'bulkRemoveTags',
    fields: { tags: TAG_LIST_LENGTH },
    icon: 'Tag',
    onPost: (_lifecycle, actor, ids, payload) => tagChange(deps.dataSource, 'remove')(actor, ids, payload),
  })
