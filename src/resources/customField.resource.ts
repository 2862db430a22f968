import type { ResourceWithOptions } from 'adminjs'
import { CustomField } from '../entities/CustomField.js'
import { customFieldHandlers } from '../actions/customFields/customFieldHandlers.js'
import { CUSTOM_FIELD_TYPES, CUSTOM_FIELD_VISIBILITIES } from '../shared/customFields.js'
import { secureActions, valuesOf } from './secureActions.js'
import type { ResourceDeps } from './resourceDeps.js'

const EDITABLE = [
  'key',
  'type',
  'labelFr',
  'labelEn',
  'required',
  'isUnique',
  'defaultValue',
  'pattern',
  'choices',
  'position',
  'personal',
  'searchable',
  'visibility',
]

/**
 * The firm's custom fields (issue 28): admins define them (a qualified-only resource: a role
 * sees it only when named, `CustomField.list`…); everyone who sees a client sees its values.
 */
export function createCustomFieldResource(deps: ResourceDeps): ResourceWithOptions {
  return {
    resource: CustomField,
    options: {
      id: deps.ids.CustomField,
      navigation: deps.navigation,
      sort: { sortBy: 'position', direction: 'asc' },
      listProperties: ['position', 'labelFr', 'labelEn', 'key', 'type', 'required', 'personal', 'removedAt'],
      filterProperties: ['key', 'type', 'personal', 'removedAt'],
      showProperties: [...EDITABLE, 'createdAt', 'createdBy', 'updatedAt', 'removedAt'],
      editProperties: EDITABLE,
      properties: {
        labelFr: { isTitle: true },
        type: { availableValues: valuesOf(CUSTOM_FIELD_TYPES) },
        visibility: { availableValues: valuesOf(CUSTOM_FIELD_VISIBILITIES) },
        choices: { type: 'textarea' },
      },
      actions: secureActions(deps, {
        resourceId: 'CustomField',
        entity: CustomField,
        editable: EDITABLE,
        rules: {},
        // One field at a time: removing one is a decision about its values.
        disabled: ['bulkDelete'],
        handlers: customFieldHandlers(deps.dataSource),
      }),
    },
  }
}
