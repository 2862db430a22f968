import type { Before } from 'adminjs'

/**
 * Before create and edit: only the fields the form shows are written. AdminJS itself writes
 * every field it receives, so `editProperties` alone does not stop `status=active` in a POST.
 */
export function keepOnlyEditable(editable: readonly string[]): Before {
  const allowed = new Set(editable)
  return async (request) => {
    if (!request.payload) return request
    const payload = Object.fromEntries(
      Object.entries(request.payload).filter(([key]) => allowed.has(key.split('.')[0])),
    )
    return { ...request, payload }
  }
}
