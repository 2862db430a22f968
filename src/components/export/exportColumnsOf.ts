import { EXPORT_COLUMNS, type ExportableResource, type ExportColumn } from '../../shared/exportColumns.js'
import { pluginResourceOf } from '../common/resourceId.js'

/**
 * The columns the Export drawer offers: a client's history, or the list of the resource it was
 * opened on, found by the plugin's own name of it (its id may carry the host's prefix).
 */
export function exportColumnsOf(resourceId: string, history: boolean): readonly ExportColumn[] {
  const list = history ? 'ClientHistory' : pluginResourceOf(resourceId)
  return (list && EXPORT_COLUMNS[list as ExportableResource]) || []
}
