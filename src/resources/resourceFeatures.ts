import AdminJS, { type ComponentLoader, type ResourceWithOptions } from 'adminjs'
import { Database, Resource } from '@adminjs/typeorm'
import { PluginResource } from './pluginResource.js'
import type { ResourceDeps } from './resourceDeps.js'
import { prefixedReferences, startupChecks } from './startupChecks.js'

declare global {
  // AdminJS keeps its adapters on the global object.
  var RegisteredAdapters: { Database: unknown; Resource: unknown }[] | undefined
}

/** The resources are TypeORM entities: make sure AdminJS has the adapter, once. */
export function registerTypeormAdapter(): void {
  if (!(globalThis.RegisteredAdapters ?? []).some((adapter) => adapter.Resource === Resource)) {
    AdminJS.registerAdapter({ Database, Resource })
  }
}

/**
 * The start-up checks on the first resource (they run at `new AdminJS`); relations to prefixed
 * ids; each entity behind the plugin's adapter (pluginResource.ts).
 */
export function withFeatures(
  deps: ResourceDeps,
  componentLoader: ComponentLoader,
  resources: ResourceWithOptions[],
): ResourceWithOptions[] {
  const wrapped: ResourceWithOptions[] = resources.map((resource) => ({
    ...resource,
    // Records read by id through one prepared statement (pluginResource.ts).
    resource: new PluginResource(resource.resource, deps.dataSource),
  }))
  const checks = startupChecks({
    componentLoader,
    components: deps.components,
    ids: deps.ids,
    ownResources: () => wrapped,
  })
  return wrapped.map((resource, i) => ({
    ...resource,
    features: [
      ...(i === 0 ? [checks] : []),
      ...(deps.ids.Client === 'Client'
        ? []
        : [prefixedReferences(deps.dataSource, resources[i].resource, deps.ids)]),
      ...(resource.features ?? []),
    ],
  }))
}
