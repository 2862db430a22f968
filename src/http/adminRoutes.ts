import type { ActionDecorator, BaseResource } from 'adminjs'

/** Where an action may be called: `/records/:id/<action>`, `/bulk/<action>` or `/actions/<action>`. */
export type ActionRouteType = 'record' | 'bulk' | 'resource'

/** A route of the panel that names a page, a resource, or a resource's action. */
export type AdminRoute =
  | { kind: 'page'; name: string }
  | { kind: 'resource'; resourceId: string }
  | {
      kind: 'action'
      resourceId: string
      action: string
      type: ActionRouteType
      recordId?: string
      /** One of our download routes (downloads.ts), for the actions that offer one. */
      download?: true
    }

// Express matches routes case-insensitively and with or without a trailing slash: so do these.
const PAGE = /^\/(?:api\/)?pages\/([^/]+)$/i
const RESOURCE = /^\/(?:api\/)?resources\/([^/]+)(\/.*)?$/i
// After `/resources/:resourceId`: the shapes of AdminJS's router (adminjs/lib/backend/utils/
// router/router.js, its API and its pages) and of ours (downloads.ts).
type Shape = [RegExp, (m: RegExpExecArray) => [string, ActionRouteType, string | undefined, boolean?]]
const SHAPES: Shape[] = [
  [/^\/actions\/([^/]+)(?:\/[^/]+)?$/i, (m) => [m[1], 'resource', undefined]],
  [/^\/search(?:\/[^/]+)?$/i, () => ['search', 'resource', undefined]],
  [/^\/download\/([^/]+)$/i, (m) => [m[1], 'resource', undefined, true]],
  [/^\/records\/([^/]+)\/([^/]+)$/i, (m) => [m[2], 'record', m[1]]],
  [/^\/records\/([^/]+)\/download\/([^/]+)$/i, (m) => [m[2], 'record', m[1], true]],
  [/^\/bulk\/([^/]+)$/i, (m) => [m[1], 'bulk', undefined]],
]

/**
 * The page, resource or action a request path (relative to the panel's root) names, its parts
 * decoded; null when no route of the panel has this shape; 'malformed' when a part cannot be
 * decoded.
 */
export function adminRouteOf(path: string): AdminRoute | null | 'malformed' {
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path
  try {
    const page = PAGE.exec(trimmed)
    if (page) return { kind: 'page', name: decodeURIComponent(page[1]) }
    const resource = RESOURCE.exec(trimmed)
    if (!resource) return null
    const resourceId = decodeURIComponent(resource[1])
    if (resource[2] === undefined) return { kind: 'resource', resourceId }
    for (const [shape, parts] of SHAPES) {
      const match = shape.exec(resource[2])
      if (!match) continue
      const [action, type, recordId, download] = parts(match)
      return {
        kind: 'action',
        resourceId,
        action: decodeURIComponent(action),
        type,
        ...(recordId === undefined ? {} : { recordId: decodeURIComponent(recordId) }),
        ...(download ? { download: true as const } : {}),
      }
    }
    return null
  } catch {
    return 'malformed'
  }
}

/** Whether an action may be called through a route of this type (its `actionType` may be a list). */
export function servesRouteType(action: ActionDecorator, type: ActionRouteType): boolean {
  if (type === 'record') return action.isRecordType()
  if (type === 'bulk') return action.isBulkType()
  return action.isResourceType()
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/
const idTypes = new WeakMap<BaseResource, string | null>()

function idTypeOf(resource: BaseResource): string | null {
  if (!idTypes.has(resource)) {
    const id = Object.values(resource.decorate().properties).find((property) => property.isId())
    idTypes.set(resource, id ? id.type() : null)
  }
  return idTypes.get(resource) ?? null
}

/**
 * Whether `id` can be an id of this resource, by its id's type: a positive whole number for a
 * number id (AdminJS would put `NaN` in the query of a bulk action), a UUID for a uuid; any
 * other id a short text without control characters.
 */
export function isWellFormedId(resource: BaseResource, id: string): boolean {
  switch (idTypeOf(resource)) {
    case null:
      return false
    case 'number':
      return /^[1-9]\d{0,15}$/.test(id) && Number.isSafeInteger(Number(id))
    case 'float':
      return /^\d{1,15}(\.\d{1,15})?$/.test(id) && Number(id) > 0
    case 'uuid':
      return UUID.test(id)
    default:
      return id.length > 0 && id.length <= 255 && !CONTROL.test(id)
  }
}
