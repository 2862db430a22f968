import AdminJS, { type ComponentLoader, type ResourceWithOptions } from 'adminjs'
import { Database, Resource } from '@adminjs/typeorm'
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

/** The start-up checks on the first resource (they run at `new AdminJS`); relations to prefixed ids. */
export function withFeatures(
  deps: ResourceDeps,
  componentLoader: ComponentLoader,
  resources: ResourceWithOptions[],
): ResourceWithOptions[] {
  const checks = startupChecks({
    componentLoader,
    components: deps.components,
    ids: deps.ids,
    ownResources: () => resources,
  })
  return resources.map((resource, i) => ({
    ...resource,
    features: [
      ...(i === 0 ? [checks] : []),
      ...(deps.ids.Client === 'Client'
        ? []
        : [prefixedReferences(deps.dataSource, resource.resource, deps.ids)]),
      ...(resource.features ?? []),
    ],
  }))
}
