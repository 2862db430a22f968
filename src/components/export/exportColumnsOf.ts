import type { CustomFieldDefinition } from '../../shared/customFields.js'
import {
  EXPORTABLE,
  exportColumnList,
  type ExportableResource,
  type ExportColumn,
} from '../../shared/exportColumns.js'
import { pluginResourceOf } from '../common/resourceId.js'

/**
 * The columns the Export drawer offers: a client's history, or the list of the resource it was
 * opened on, found by the plugin's own name of it (its id may carry the host's prefix); the
 * clients' list adds the custom fields this admin may see (`cf__<key>`), as the server does.
 */
export function exportColumnsOf(
  resourceId: string,
  history: boolean,
  fields: readonly CustomFieldDefinition[] = [],
): readonly ExportColumn[] {
  const list = history ? 'ClientHistory' : pluginResourceOf(resourceId)
  if (!list || !(EXPORTABLE as readonly string[]).includes(list)) return []
  return exportColumnList(list as ExportableResource, fields)
}
