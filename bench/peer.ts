import AdminJS from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import { Database, Resource } from '@adminjs/typeorm'
import type { Router } from 'express'
import type { Store } from 'express-session'
import { Advisor, Client, Contract } from '../src/index.js'

/** The peer's AdminJS: plain @adminjs/typeorm resources on the same tables, no options. */
export function peerAdmin(): AdminJS {
  // Registered by the plugin when it is in the same process; a process without it does it here.
  if (!(globalThis.RegisteredAdapters ?? []).some((adapter) => adapter.Resource === Resource))
    AdminJS.registerAdapter({ Database, Resource })
  return new AdminJS({
    rootPath: '/peer',
    loginPath: '/peer/login',
    logoutPath: '/peer/logout',
    resources: [{ resource: Client }, { resource: Advisor }, { resource: Contract }],
  })
}

/**
 * The peer: what a developer has without the plugin (`peerAdmin()`), behind the same login and
 * the same session store as ours.
 */
export function peerRouter(
  authenticate: (email: string, password: string) => Promise<unknown>,
  sessionStore: Store,
  secret: string,
  admin: AdminJS = peerAdmin(),
): { admin: AdminJS; router: Router } {
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    { authenticate: authenticate as never, cookieName: 'peer', cookiePassword: secret },
    null,
    { secret, store: sessionStore, resave: false, saveUninitialized: false },
  )
  return { admin, router }
}
