import type { Action, ActionResponse, CurrentAdmin, RecordActionResponse } from 'adminjs'
import type { DataSource } from 'typeorm'
import type { AccessControl } from '../../services/core/accessControl.js'
import { activeFields, listActiveFields } from '../../services/customFields/fieldCatalog.js'
import { valuesOfClients } from '../../services/customFields/customValues.js'
import { isBlankValue, type CustomFieldDefinition } from '../../shared/customFields.js'

/**
 * Who sees a field marked "admins only": a role with the right `Client.adminOnlyFields` (a
 * right, not an action; `admin: '*'` has it, the default support role does not).
 */
export const seesAdminOnlyFields = (access: AccessControl, admin: CurrentAdmin | undefined) =>
  access.can(admin, 'Client', 'adminOnlyFields')

/**
 * The fields in use this admin may see, in their order; `cached`: the client list's pages, which
 * reuse the process's copy for a moment (`listActiveFields`).
 */
export async function visibleFields(
  dataSource: DataSource,
  access: AccessControl,
  admin: CurrentAdmin | undefined,
  cached = false,
): Promise<CustomFieldDefinition[]> {
  const all = await (cached ? listActiveFields(dataSource) : activeFields(dataSource))
  const sees = seesAdminOnlyFields(access, admin)
  return all.filter((f) => sees || f.visibility === 'everyone')
}

/**
 * The custom fields a new client's form draws: `GET …/actions/customFieldDefinitions`. Hidden,
 * read-only whatever the method, allowed to whoever may create a client (`rights`).
 */
export const customFieldDefinitionsAction = (
  dataSource: DataSource,
  access: AccessControl,
): Partial<Action<ActionResponse>> => ({
  name: 'customFieldDefinitions',
  actionType: 'resource',
  isVisible: false,
  showInDrawer: false,
  handler: async (_request, _response, context) => ({
    fields: await visibleFields(dataSource, access, context.currentAdmin),
  }),
})

/**
 * The custom fields the client list may show as columns and filter by: `GET
 * …/actions/customFieldColumns`. The same definitions as above, allowed to whoever may list the
 * clients (the list's records already carry their values).
 */
export const customFieldColumnsAction = (
  dataSource: DataSource,
  access: AccessControl,
): Partial<Action<ActionResponse>> => ({
  ...customFieldDefinitionsAction(dataSource, access),
  name: 'customFieldColumns',
})

/**
 * A client's custom fields and values, for its page and its edit form:
 * `GET …/records/:id/customValues` (and `missing`: the keys of required fields left empty).
 * Hidden, read-only, allowed to whoever may see the client.
 */
export const customValuesAction = (
  dataSource: DataSource,
  access: AccessControl,
): Partial<Action<RecordActionResponse>> => ({
  name: 'customValues',
  actionType: 'record',
  isVisible: false,
  showInDrawer: false,
  handler: async (_request, _response, context) => {
    const id = Number(context.record?.id())
    const fields = await visibleFields(dataSource, access, context.currentAdmin)
    const values = (await valuesOfClients(dataSource, [id], fields)).get(id) ?? {}
    // Required fields without a value (an admin-only one a support's create could not fill).
    const missing = fields.filter((f) => f.required && isBlankValue(values[f.key])).map((f) => f.key)
    return {
      record: context.record?.toJSON(context.currentAdmin),
      fields,
      values,
      missing,
    } as RecordActionResponse
  },
})
