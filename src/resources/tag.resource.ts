import type { ResourceWithOptions } from 'adminjs'
import { Tag } from '../entities/Tag.js'
import { tagHandlers } from '../actions/tags/tagHandlers.js'
import { TAG_COLOURS } from '../shared/tags.js'
import { secureActions, valuesOf } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

const EDITABLE = ['name', 'colour']

/**
 * The firm's tags (issue 28): admins create, rename, recolour and delete them; support may list
 * and show them (the default roles give it `list`, `show` and `search` only).
 */
export function createTagResource(deps: ResourceDeps): ResourceWithOptions {
  const chip = { list: deps.components.TagChipCell, show: deps.components.TagChipCell }
  return {
    resource: Tag,
    options: {
      id: deps.ids.Tag,
      navigation: deps.navigation,
      sort: { sortBy: 'nameKey', direction: 'asc' },
      listProperties: ['name', 'colour', 'createdAt', 'createdBy'],
      filterProperties: ['name', 'colour'],
      showProperties: ['name', 'colour', 'createdAt', 'createdBy'],
      editProperties: EDITABLE,
      properties: {
        name: { isTitle: true, components: chip },
        colour: { availableValues: valuesOf(TAG_COLOURS) },
        nameKey: { isVisible: false },
      },
      actions: secureActions(deps, {
        resourceId: 'Tag',
        entity: Tag,
        editable: EDITABLE,
        rules: { required: ['name'] },
        // One tag at a time: its clients' history says which tag each lost.
        disabled: ['bulkDelete'],
        handlers: tagHandlers(deps.dataSource),
      }),
    },
  }
}
