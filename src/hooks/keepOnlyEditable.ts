import type { Before } from 'adminjs'

/**
 * Before create and edit: only the fields the form shows are written. AdminJS itself writes
 * every field it receives, so `editProperties` alone does not stop `status=active` in a POST.
 * A name ending in `*` keeps every field it starts (`cf__*`: the custom fields).
 */
export function keepOnlyEditable(editable: readonly string[]): Before {
  const allowed = new Set(editable)
  // `cf__*`: every field of that prefix (the custom fields, defined in the panel).
  const prefixes = editable.filter((name) => name.endsWith('*')).map((name) => name.slice(0, -1))
  const keeps = (field: string) => allowed.has(field) || prefixes.some((p) => field.startsWith(p))
  return async (request) => {
    if (!request.payload) return request
    const payload = Object.fromEntries(
      Object.entries(request.payload).filter(([key]) => keeps(key.split('.')[0])),
    )
    return { ...request, payload }
  }
}
