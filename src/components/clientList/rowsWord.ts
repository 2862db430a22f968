import { pluginResourceOf } from '../common/resourceId.js'

/** The suffix of the bar's words that name the list's rows (`all`, `allContracts`…). */
export function rowsWord(resourceId: string): string {
  const name = pluginResourceOf(resourceId)
  return name === 'Contract' ? 'Contracts' : name === 'Commission' ? 'Commissions' : ''
}
