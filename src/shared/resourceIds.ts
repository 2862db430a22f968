/**
 * The plugin's AdminJS resources by their own name. Their ids are these names, or these names
 * after the `resourceIdPrefix` option (`CrmClient`…) when a host already has one of them.
 * Role maps keep the plain names (`Client.suspend`) whatever the prefix.
 */
export const PLUGIN_RESOURCE_NAMES = [
  'Client',
  'Advisor',
  'Contract',
  'Commission',
  'ClientEvent',
  'EmailLog',
  'ClientNote',
  'ImportBatch',
  'SecuritySettings',
  'AdminAuditEntry',
  'EmailTemplate',
  'Tag',
  'CustomField',
  'Campaign',
] as const

export type PluginResource = (typeof PLUGIN_RESOURCE_NAMES)[number]

export type ResourceIds = Record<PluginResource, string>

/** The key of AdminJS's `env` (sent to the browser) that carries the prefix to the components. */
export const RESOURCE_PREFIX_ENV = 'ADMINJS_CLIENTS_RESOURCE_PREFIX'

/** A prefix is a plain identifier: it ends up in URLs and translation keys. */
export const RESOURCE_PREFIX_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,30}$/

export function resourceIdsFor(prefix: string): ResourceIds {
  return Object.fromEntries(PLUGIN_RESOURCE_NAMES.map((name) => [name, `${prefix}${name}`])) as ResourceIds
}
