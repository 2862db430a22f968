// "Add tags" / "Remove tags" on one client (its page's picker, or the account menu's form) and on
// the list's selection. Adding a name no tag has yet creates it (the actions are admins' by
// default: roles in core/accessControl.ts).
import { tagChangeInput } from '../../shared/actionInputs/tags.js'
import { bulkFormAction, clientsNotice } from '../core/bulkFormAction.js'
import { recordFormAction, type ClientActionDeps } from '../core/clientActionSpecs.js'
import { changeTags } from './tagChange.js'

export const addTagsAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'addTags',
    group: 'account',
    icon: 'Tag',
    input: tagChangeInput,
    handler: ({ actor, id, input }) => changeTags(lifecycle.dataSource, actor, [id], 'add', input),
    success: 'tagsAdded',
  })

export const removeTagsAction = ({ lifecycle, components }: ClientActionDeps) =>
  recordFormAction(components, {
    name: 'removeTags',
    group: 'account',
    icon: 'Tag',
    input: tagChangeInput,
    handler: ({ actor, id, input }) => changeTags(lifecycle.dataSource, actor, [id], 'remove', input),
    success: 'tagsRemoved',
  })

export const bulkAddTagsAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkAddTags',
    icon: 'Tag',
    input: tagChangeInput,
    handler: ({ actor, ids, input }) => changeTags(lifecycle.dataSource, actor, ids, 'add', input),
    notice: clientsNotice,
  })

export const bulkRemoveTagsAction = ({ lifecycle, components }: ClientActionDeps) =>
  bulkFormAction(components, {
    name: 'bulkRemoveTags',
    icon: 'Tag',
    input: tagChangeInput,
    handler: ({ actor, ids, input }) => changeTags(lifecycle.dataSource, actor, ids, 'remove', input),
    notice: clientsNotice,
  })
