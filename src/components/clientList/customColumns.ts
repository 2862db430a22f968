import type { BasePropertyJSON, ResourceJSON } from 'adminjs'
import { customFieldName, type CustomFieldDefinition } from '../../shared/customFields.js'
import { CUSTOM_COLUMN } from '../../shared/savedViews.js'

/** The registered name of the custom fields' list cell (components/index.ts). */
const CELL = 'CustomFieldCell'

/** The custom fields' columns a list URL's `columns` asks for (`cf__<key>`), in its order. */
export const customColumnsOf = (columns: string[]): string[] => columns.filter((c) => CUSTOM_COLUMN.test(c))

/**
 * A column of the list for a custom field: a property of the resource's own shape, virtual and
 * not sortable, drawn by CustomFieldCell from the definition it carries (`custom.field`); its
 * header is `cf__<key>` translated (useCustomFieldColumns gives the labels to the panel).
 */
export function customColumn(resource: ResourceJSON, field: CustomFieldDefinition): BasePropertyJSON {
  const name = customFieldName(field.key)
  const template = resource.listProperties[resource.listProperties.length - 1]
  return {
    ...template,
    name,
    label: name,
    propertyPath: name,
    type: 'string',
    isSortable: false,
    isTitle: false,
    isId: false,
    isVirtual: true,
    isArray: false,
    availableValues: null,
    reference: null,
    subProperties: [],
    components: { list: CELL },
    custom: { field },
  }
}

/**
 * The list's columns: the resource's own that `columns` names (all when it names none), then the
 * custom fields' it names, among those defined and visible to this admin.
 */
export function listColumnsOf(
  resource: ResourceJSON,
  columns: string[],
  fields: CustomFieldDefinition[],
): BasePropertyJSON[] {
  const own = resource.listProperties.filter((p) => columns.includes(p.propertyPath))
  const custom = customColumnsOf(columns)
    .map((column) => fields.find((f) => customFieldName(f.key) === column))
    .filter((f): f is CustomFieldDefinition => f !== undefined)
    .map((f) => customColumn(resource, f))
  return [...(own.length > 0 ? own : resource.listProperties), ...custom]
}
