import { normalizeIp } from './normalizeIp.js'
/** Who does something to a client, and from where: every history entry carries it. */
export interface Actor {
  /** The admin's email (or the client's, or the system job's name). */
  email: string | null
  ip: string | null
  type?: 'admin' | 'client' | 'system'
}

/** The admin behind a panel request: AdminJS's `currentAdmin.email` (if a string) and the request's IP, normalised. */
export function adminActor(email: unknown, ip: string | null | undefined): Actor {
  return { email: typeof email === 'string' ? email : null, ip: normalizeIp(ip), type: 'admin' }
}
