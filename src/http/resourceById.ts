import type AdminJS from 'adminjs'

/** The panel's resource with this id (decoded, as Express gives its params), or null. */
export function resourceWithId(admin: AdminJS, id: string) {
  return admin.resources.find((resource) => resource.decorate().id() === id) ?? null
}

/** The panel's resource a URL names (its id still URL-encoded), or null: unknown or malformed. */
export function resourceById(admin: AdminJS, encodedId: string) {
  let id: string
  try {
    id = decodeURIComponent(encodedId)
  } catch {
    return null
  }
  return resourceWithId(admin, id)
}
