import { createRequire } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import type AdminJS from 'adminjs'
import type { ComponentLoader, FeatureType, ResourceOptions, ResourceWithOptions } from 'adminjs'
import type { DataSource } from 'typeorm'
import { ClientManagementConfigError } from '../services/core/configError.js'
import { PLUGIN_RESOURCE_NAMES, type ResourceIds } from '../shared/resourceIds.js'
import { skippedBundleProblems, trackBundle } from './componentsBundle.js'

/** What the checks compare: the plugin's loader and components, its resources and their ids. */
export interface StartupCheckDeps {
  componentLoader: ComponentLoader
  components: Record<string, string | null>
  ids: ResourceIds
  ownResources: () => ResourceWithOptions[]
}

type RawResource = ResourceWithOptions | { id?: () => string; name?: string }

/** The id AdminJS gives a resource: its `options.id`, else the adapter's (an entity's class name). */
function idOf(raw: unknown): string | null {
  const entry = raw as { resource?: unknown; options?: { id?: unknown } }
  if (entry && typeof entry === 'object' && 'resource' in entry) {
    if (typeof entry.options?.id === 'string') return entry.options.id
    return idOf(entry.resource)
  }
  const resource = raw as RawResource
  if (typeof (resource as { id?: unknown }).id === 'function') return (resource as { id: () => string }).id()
  if (typeof raw === 'function') return (raw as { name: string }).name
  return null
}

/** Resource ids the host gives AdminJS that are also ours. */
function clashes(admin: AdminJS, deps: StartupCheckDeps): string[] {
  // AdminJS copies its options: our entries are known by their entity class, which it keeps.
  const own = new Set<unknown>(deps.ownResources().map((r) => r.resource))
  const ours = new Set(Object.values(deps.ids))
  const entity = (r: unknown) => (r && typeof r === 'object' && 'resource' in r ? r.resource : r)
  const hostIds = (admin.options.resources ?? []).filter((r) => !own.has(entity(r))).map(idOf)
  return [...new Set(hostIds.filter((id): id is string => id !== null && ours.has(id)))].map(
    (id) =>
      `resource id '${id}' is both one of your resources and one of adminjs-clients': pass resourceIdPrefix (e.g. 'Crm') to createClientManagement, or give yours another options.id`,
  )
}

/** The plugin's components must be on the loader AdminJS bundles, or every page of ours breaks. */
function missingComponents(admin: AdminJS, deps: StartupCheckDeps): string[] {
  if (admin.componentLoader === deps.componentLoader) return []
  const bundled = admin.componentLoader.getComponents()
  const missing = Object.entries(deps.components)
    .filter(([name, id]) => id !== null && !(name in bundled))
    .map(([name]) => name)
  if (missing.length === 0) return []
  return [
    `the components of adminjs-clients (${missing.join(', ')}) are not on the ComponentLoader AdminJS uses: pass your loader as createClientManagement({ componentLoader }) or give AdminJS clients.componentLoader (…clients.adminOptions)`,
  ]
}

/** The major of the Express the host runs, read from where the app starts; null when not found. */
function hostExpressMajor(from: string[] = [process.cwd(), path.dirname(process.argv[1] ?? '.')]) {
  for (const dir of from) {
    try {
      const file = createRequire(path.join(dir, 'noop.js')).resolve('express/package.json')
      const { version } = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }
      return Number(version.split('.')[0])
    } catch {
      // not installed there: try the next place
    }
  }
  return null
}

/**
 * Express 5 (its `send`) refuses to serve a file under a folder whose name starts with a dot, and
 * in production AdminJS serves its components bundle from ADMIN_JS_TMP_DIR (default `.adminjs`).
 */
export function bundleFolderProblems(
  env: NodeJS.ProcessEnv = process.env,
  expressMajor: number | null = hostExpressMajor(),
): string[] {
  if (env.NODE_ENV !== 'production' || expressMajor === null || expressMajor < 5) return []
  const folder = path.resolve(env.ADMIN_JS_TMP_DIR || '.adminjs')
  const dotted = folder.split(path.sep).find((part) => part.startsWith('.') && part !== '.')
  if (!dotted) return []
  return [
    `Express ${expressMajor} does not serve files under '${dotted}', where AdminJS keeps its components bundle (${folder}): set ADMIN_JS_TMP_DIR to a folder without a leading dot, e.g. ADMIN_JS_TMP_DIR=adminjs-bundle (and build the bundle there)`,
  ]
}

/**
 * Runs when AdminJS builds the plugin's first resource, that is at `new AdminJS(...)`: the
 * problems a host meets only later as broken pages become one error at start-up.
 */
export function startupChecks(deps: StartupCheckDeps): FeatureType {
  return (admin, options) => {
    const problems = [
      ...clashes(admin, deps),
      ...missingComponents(admin, deps),
      ...bundleFolderProblems(),
      ...skippedBundleProblems(admin),
    ]
    if (problems.length > 0) throw new ClientManagementConfigError(problems)
    trackBundle(admin)
    return options
  }
}

/**
 * The adapter names a relation's resource after the entity class (`Advisor`); with a prefix
 * those ids are `CrmAdvisor`: every relation to one of ours points at its prefixed id.
 */
export function prefixedReferences(dataSource: DataSource, entity: unknown, ids: ResourceIds): FeatureType {
  return (_admin, options: ResourceOptions) => {
    const properties: NonNullable<ResourceOptions['properties']> = {}
    for (const column of dataSource.getMetadata(entity as never).columns) {
      const target = column.referencedColumn?.entityMetadata.name
      const name = target === 'SettingsChange' ? 'SecuritySettings' : target
      if (name && (PLUGIN_RESOURCE_NAMES as readonly string[]).includes(name)) {
        properties[column.propertyName] = { reference: ids[name as keyof ResourceIds] }
      }
    }
    return { ...options, properties: { ...properties, ...(options.properties ?? {}) } }
  }
}
