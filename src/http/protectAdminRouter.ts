import { ComponentLoader, type default as AdminJS } from 'adminjs'
import express, { type Router } from 'express'
import { SessionRenewingAuthProvider, type AdminAuthenticate } from './authProvider.js'
import { bodyLimits, formidableLimits, type BodyLimitOptions } from './bodyLimits.js'
import { withBulkPost } from './bulkPost.js'
import { downloadRoutes } from './downloads.js'
import { errorHandler, type ErrorLogger } from './errorHandler.js'
import { knownRoutes } from './knownRoutes.js'
import { listQuery } from './listQuery.js'
import { recordIdsQuery } from './recordIdsQuery.js'
import { retryLostReads } from './retryLostReads.js'
import { sameOrigin } from './sameOrigin.js'
import { sessionCookie, type SessionCookieOptions } from './sessionCookie.js'
import { ClientManagementConfigError } from '../services/core/configError.js'

export interface AdminRouterProtectionOptions extends BodyLimitOptions {
  /** Checks an admin's email and password; returns the admin (`{ email, role, … }`) or null. */
  authenticate: AdminAuthenticate
  /** The origins the panel is served at (`https://admin.example.com`); default: the request's own. */
  origins?: string[]
  /** Where server errors are logged (default `console`). */
  logger?: ErrorLogger
}

export interface AdminRouterProtection {
  /** Pass as `buildAuthenticatedRouter`'s third argument (the router it builds on). */
  router: Router
  /** Pass as `auth.provider` (instead of `auth.authenticate`). */
  provider: SessionRenewingAuthProvider
  /** Pass as `buildAuthenticatedRouter`'s fifth argument. */
  formidableOptions: ReturnType<typeof formidableLimits>
  /**
   * Call on the router `buildAuthenticatedRouter` returned: adds the downloads (list exports, GDPR
   * archives) behind its login check, a bulk POST that skips reading the selected records
   * (bulkPost.ts), then the error handler after its routes.
   */
  handleErrors: (router: Router) => Router
  /**
   * `buildAuthenticatedRouter`'s arguments after `admin`, in order: the auth (this provider), this
   * router, the session (`sessionCookie()`, no resave, none before login, your `store`) and
   * the body limits. `AdminJSExpress.buildAuthenticatedRouter(admin, ...guard.routerArgs({…}))`.
   */
  routerArgs: <Store>(session: AdminSessionOptions<Store>) => [
    { provider: SessionRenewingAuthProvider; cookieName: string; cookiePassword: string },
    Router,
    {
      secret: string
      resave: false
      saveUninitialized: false
      cookie: ReturnType<typeof sessionCookie>
      store: Store
    },
    ReturnType<typeof formidableLimits>,
  ]
}

/** The panel's session: its cookie's name, the secret that signs it, and a store every instance shares. */
export interface AdminSessionOptions<Store> {
  cookieName: string
  secret: string
  /** In your database or Redis, shared by every instance; never express-session's MemoryStore. */
  store: Store
  cookie?: SessionCookieOptions
}

/**
 * What an AdminJS router needs in front of it, in one call. Before the session and the body
 * parser: the same-origin check on every state-changing request and on logout, the body's type
 * and size, unknown resources and actions as 404, list parameters cleaned, `recordIds` one list. Around the login: a
 * new session id. After the routes: errors answered 4xx in AdminJS's notice shape, never a
 * stack trace.
 *
 * ```ts
 * const guard = protectAdminRouter(admin, { authenticate })
 * const router = AdminJSExpress.buildAuthenticatedRouter(admin, ...guard.routerArgs({ cookieName, secret, store }))
 * app.use(admin.options.rootPath, guard.handleErrors(router))
 * ```
 */
export function protectAdminRouter(
  admin: AdminJS,
  options: AdminRouterProtectionOptions,
): AdminRouterProtection {
  if (typeof options?.authenticate !== 'function') {
    throw new TypeError(
      'protectAdminRouter: options.authenticate must be a function (email, password) => admin | null',
    )
  }
  // AdminJS's login and logout paths default to /admin/…: under another rootPath the login form
  // posts where no route listens, and every login bounces back to the form.
  const { rootPath, loginPath, logoutPath } = admin.options
  const outside = [loginPath, logoutPath].filter(
    (p) => !`${p}/`.startsWith(`${rootPath.replace(/\/$/, '')}/`),
  )
  if (outside.length > 0) {
    throw new ClientManagementConfigError([
      `loginPath and logoutPath must be under rootPath '${rootPath}' (${outside.join(', ')} is not): set loginPath: '${rootPath}/login' and logoutPath: '${rootPath}/logout' in new AdminJS`,
    ])
  }
  const relative = (full: string) => {
    const path = full.startsWith(admin.options.rootPath) ? full.slice(admin.options.rootPath.length) : full
    return path.startsWith('/') ? path : `/${path}`
  }
  const router = express.Router()
  router.use(sameOrigin({ origins: options.origins, logoutPath: relative(admin.options.logoutPath) }))
  router.use(bodyLimits(options))
  router.use(knownRoutes(admin))
  router.use(listQuery(admin))
  router.use(recordIdsQuery())
  const provider = new SessionRenewingAuthProvider(
    options.authenticate,
    admin.options.componentLoader ?? new ComponentLoader(),
  )
  const formidableOptions = formidableLimits(options)
  return {
    router,
    provider,
    formidableOptions,
    routerArgs: ({ cookieName, secret, store, cookie }) => [
      { provider, cookieName, cookiePassword: secret },
      router,
      { secret, resave: false, saveUninitialized: false, cookie: sessionCookie(cookie), store },
      formidableOptions,
    ],
    handleErrors: (built) => {
      withBulkPost(admin, built)
      built.use(downloadRoutes(admin, options.logger))
      built.use(retryLostReads(built))
      built.use(
        errorHandler(options.logger, {
          loginPage: {
            path: relative(admin.options.loginPath),
            render: (errorMessage) => admin.renderLogin({ action: admin.options.loginPath, errorMessage }),
          },
        }),
      )
      return built
    },
  }
}
