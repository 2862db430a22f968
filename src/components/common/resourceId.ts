import { PLUGIN_RESOURCE_NAMES, RESOURCE_PREFIX_ENV, type PluginResource } from '../../shared/resourceIds.js'

type AdminJSGlobal = { AdminJS?: { env?: Record<string, string | undefined> } }

/**
 * The AdminJS id of one of the plugin's resources in the browser: its name after the host's
 * `resourceIdPrefix`, which `clients.adminOptions.env` carries into the components bundle.
 */
export function resourceId(name: PluginResource): string {
  const env = typeof window === 'undefined' ? undefined : (window as unknown as AdminJSGlobal).AdminJS?.env
  return `${env?.[RESOURCE_PREFIX_ENV] ?? ''}${name}`
}

/** Which of the plugin's resources an AdminJS id names (`CrmClient` → `Client`), or null. */
export function pluginResourceOf(id: string): PluginResource | null {
  const prefix = resourceId('Client').slice(0, -'Client'.length)
  const name = id.startsWith(prefix) ? id.slice(prefix.length) : ''
  return (PLUGIN_RESOURCE_NAMES as readonly string[]).includes(name) ? (name as PluginResource) : null
}
