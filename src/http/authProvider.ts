import { DefaultAuthProvider, type ComponentLoader, type CurrentAdmin } from 'adminjs'
import type { Request } from 'express'
import { MAX_EMAIL_LENGTH } from '../shared/clientIdentity.js'
import { MAX_PASSWORD_FIELD_LENGTH } from '../shared/limits.js'
import { isDatabaseUnavailable } from '../services/core/databaseFaults.js'
import { DatabaseUnavailableError } from '../services/core/errors.js'

export type AdminAuthenticate = (
  credentials: { email: string; password: string },
  context: { req: Request },
) => Promise<CurrentAdmin | null>

/**
 * AdminJS's email and password login with two things more: a new session id at login (a cookie
 * planted before cannot ride the admin's session), and a refresh-token endpoint that answers
 * (without a provider, `@adminjs/express` throws there and the process exits). Credentials that
 * are not one string each are refused without calling `authenticate`. While the database is away
 * (no session, a lost connection) the login page says "try again", and nothing crashes.
 */
export class SessionRenewingAuthProvider extends DefaultAuthProvider {
  constructor(authenticate: AdminAuthenticate, componentLoader: ComponentLoader) {
    super({
      componentLoader,
      authenticate: async ({ email, password }, context) => {
        if (typeof email !== 'string' || typeof password !== 'string') return null
        if (email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_FIELD_LENGTH) return null
        const req = (context as { req: Request }).req
        // No session (a store express-session gave up on): @adminjs/express would write into
        // `req.session` after this returns and throw where nothing catches it (the process ends).
        // Thrown here, the error's message is shown on the login page: "try again".
        if (!(req as Request & { session?: unknown }).session) throw new DatabaseUnavailableError()
        try {
          const admin = await authenticate({ email, password }, { req })
          if (admin) await renewSession(req)
          return admin
        } catch (error) {
          // The login page shows the error's message: a translation key, never the driver's text.
          if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError({ cause: error })
          throw error
        }
      },
    })
  }

  override async handleRefreshToken(): Promise<Record<string, never>> {
    return {}
  }
}

/** A new session id with what the old one had to carry over (where to go after login). */
async function renewSession(req: Request): Promise<void> {
  const session = (req as Request & { session?: SessionLike }).session
  if (!session?.regenerate) return
  const redirectTo = session.redirectTo
  await new Promise<void>((resolve, reject) =>
    session.regenerate((error) => (error ? reject(error) : resolve())),
  )
  const renewed = (req as Request & { session?: SessionLike }).session
  if (renewed && typeof redirectTo === 'string' && redirectTo.startsWith('/')) renewed.redirectTo = redirectTo
}

interface SessionLike {
  regenerate: (callback: (error?: unknown) => void) => void
  redirectTo?: unknown
}
