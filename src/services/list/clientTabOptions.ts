import { BUILT_IN_TABS } from '../../shared/clientPageTabs.js'

/**
 * A tab of the client page for one of the host's AdminJS resources that references the client,
 * e.g. `{ resourceId: 'Invoice', foreignKey: 'clientId', columns: ['number', 'total', 'status'] }`.
 */
export interface ClientTabOption {
  /** The id of the host's AdminJS resource (its label is the tab's title). */
  resourceId: string
  /** Its property holding the client's id: a reference or a number, not a string. */
  foreignKey: string
  /** The properties shown, in order (labelled as the host's resource labels them). */
  columns: string[]
}

// The plugin's resources that already have a place on the client page: a host tab may not take their id.
const RESERVED_TAB_RESOURCES = [
  'Client',
  'Advisor',
  'Contract',
  'Commission',
  'ClientEvent',
  'EmailLog',
  'ClientNote',
]

/** What is wrong with the `clientTabs` option, one sentence per problem (empty when it is right). */
export function checkClientTabs(tabs: unknown): string[] {
  if (tabs === undefined) return []
  if (!Array.isArray(tabs)) {
    return [
      "clientTabs must be a list, e.g. [{ resourceId: 'Invoice', foreignKey: 'clientId', columns: ['number'] }]",
    ]
  }
  const problems: string[] = []
  const seen = new Set<string>()
  tabs.forEach((tab: unknown, i) => {
    const at = `clientTabs[${i}]`
    if (typeof tab !== 'object' || tab === null) {
      problems.push(`${at} must be an object { resourceId, foreignKey, columns }`)
      return
    }
    const { resourceId, foreignKey, columns } = tab as Record<string, unknown>
    if (typeof resourceId !== 'string' || !resourceId.trim()) {
      problems.push(`${at}.resourceId must be the id of one of your AdminJS resources, e.g. 'Invoice'`)
    } else if (
      (BUILT_IN_TABS as readonly string[]).includes(resourceId) ||
      RESERVED_TAB_RESOURCES.includes(resourceId)
    ) {
      problems.push(`${at}.resourceId '${resourceId}' is already a tab of the client page`)
    } else if (seen.has(resourceId)) {
      problems.push(`${at}.resourceId '${resourceId}' is given twice`)
    } else seen.add(resourceId)
    if (typeof foreignKey !== 'string' || !foreignKey.trim()) {
      problems.push(`${at}.foreignKey must name the property that holds the client's id, e.g. 'clientId'`)
    }
    if (
      !Array.isArray(columns) ||
      columns.length === 0 ||
      !columns.every((c) => typeof c === 'string' && c.trim() !== '')
    ) {
      problems.push(`${at}.columns must list the properties to show, e.g. ['number', 'total', 'status']`)
    }
  })
  return problems
}
