import AdminJS from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import type { Router } from 'express'
import type { Store } from 'express-session'
import { Advisor, Client, Contract } from '../src/index.js'

/**
 * The peer: what a developer has without the plugin. Plain @adminjs/typeorm resources on the
 * same tables, no options, behind the same login and the same session store as ours.
 */
export function peerRouter(
  authenticate: (email: string, password: string) => Promise<unknown>,
  sessionStore: Store,
  secret: string,
): { admin: AdminJS; router: Router } {
  const admin = new AdminJS({
    rootPath: '/peer',
    loginPath: '/peer/login',
    logoutPath: '/peer/logout',
    resources: [{ resource: Client }, { resource: Advisor }, { resource: Contract }],
  })
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    { authenticate: authenticate as never, cookieName: 'peer', cookiePassword: secret },
    null,
    { secret, store: sessionStore, resave: false, saveUninitialized: false },
  )
  return { admin, router }
}
