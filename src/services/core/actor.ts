/** Who does something to a client, and from where: every history entry carries it. */
export interface Actor {
  /** The admin's email (or the client's, or the system job's name). */
  email: string | null
  ip: string | null
  type?: 'admin' | 'client' | 'system'
}
