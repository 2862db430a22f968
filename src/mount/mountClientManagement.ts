import AdminJS, { ComponentLoader, type AdminJSOptions, type Locale } from 'adminjs'
import type { Express, Router } from 'express'
import type { Store } from 'express-session'
import type { DataSource } from 'typeorm'
import type { ClientManagement } from '../clientManagement.js'
import { mergeLocale } from '../locale/index.js'
import { bundleReady } from '../resources/componentsBundle.js'
import { databaseSessionStore } from '../http/databaseSessionStore.js'
import { healthRoutes } from '../http/healthRoutes.js'
import { resilientSessionStore } from '../http/resilientSessionStore.js'
import { protectAdminRouter, type AdminRouterProtectionOptions } from '../http/protectAdminRouter.js'
import type { SessionCookieOptions } from '../http/sessionCookie.js'
import type { ClientManagementOptions } from '../options/clientManagementOptions.js'
import { clientManagementDataSource, prepareClientTables, usesMigrations } from './pluginDataSource.js'

type PluginOptions = Omit<ClientManagementOptions, 'dataSource' | 'mailer' | 'mailFrom' | 'links'>

export interface MountOptions extends PluginOptions {
  /** Your DataSource: the plugin gets one of its own on the same database, with only its entities. */
  dataSource: DataSource
  /** Put before each of the plugin's tables (`crm_` → `crm_contracts`); default none. */
  tablePrefix?: string
  /** Where the panel is served (AdminJS's rootPath); default `/admin`. */
  path?: string
  /** The admins' login, the session's cookie and secret; `origins` only behind a proxy rewriting Host. */
  auth: Pick<AdminRouterProtectionOptions, 'authenticate' | 'origins' | 'logger'> & {
    secret: string
    cookieName?: string
    cookie?: SessionCookieOptions
  }
  /** The nodemailer transport and the From of the clients' emails. */
  mail: { transport: ClientManagementOptions['mailer']; from: string }
  /** The client area's links, or its base URL (`https://app.example/account` → `/confirm?token=…`, `/reset?token=…`). */
  links: ClientManagementOptions['links'] | string
  /** Your own AdminJS resources, next to the plugin's. */
  resources?: AdminJSOptions['resources']
  /** Your translations, over the plugin's (yours win). */
  locale?: Partial<Locale>
  /** Your component loader, if your resources have components of their own. */
  componentLoader?: ComponentLoader
  /** Any other AdminJS option (branding, pages, dashboard…); the plugin's dashboard is the home page and the page `clients` by default. */
  admin?: Omit<AdminJSOptions, 'resources' | 'rootPath' | 'locale' | 'componentLoader'>
  /** The panel's session store; default the plugin's table `client_admin_sessions`. */
  session?: { store?: Store }
  /**
   * The load balancer's routes, `/health/live` and `/health/ready` (the database, the plugin's
   * migrations, the components bundle); `path` moves them, `false` leaves them out.
   */
  health?: { path?: string } | false
  /** Run the outbox and import workers in this process (default true); they stop with `close()`. */
  workers?: boolean
  /** Signals that stop the workers and close the plugin's DataSource (default SIGTERM, SIGINT; `false`: none). */
  stopOn?: NodeJS.Signals[] | false
}

export interface MountedPanel {
  admin: AdminJS
  clients: ClientManagement
  /** The plugin's own DataSource. */
  dataSource: DataSource
  router: Router
  /** Stops the workers, then closes the plugin's DataSource (yours stays open). */
  close: () => Promise<void>
}

const MOUNT_KEYS = [
  'tablePrefix',
  'path',
  'auth',
  'mail',
  'resources',
  'locale',
  'admin',
  'session',
  'health',
  'workers',
  'stopOn',
]
const withoutMountKeys = (options: MountOptions) =>
  Object.fromEntries(
    Object.entries(options).filter(([key]) => !MOUNT_KEYS.includes(key)),
  ) as PluginOptions & {
    componentLoader?: ComponentLoader
  }

const linksFrom = (links: MountOptions['links']) =>
  typeof links === 'string'
    ? { confirmEmail: `${links}/confirm?token={token}`, resetPassword: `${links}/reset?token={token}` }
    : links

/**
 * Mounts the plugin into `app` in one call: its tables (checked, then migrated), AdminJS with
 * the plugin's resources, locale, components and dashboard merged with yours, the protected
 * router with its session, the workers. Resolves once the panel can answer (in production,
 * after its components bundle is built). The pieces it uses stay exported for hosts that
 * compose AdminJS themselves. (`createClientManagement` is given by src/index.ts, which defines it.)
 */
export async function mountWith(
  createClientManagement: (
    options: ClientManagementOptions & { componentLoader?: ComponentLoader },
  ) => ClientManagement,
  app: Express,
  options: MountOptions,
): Promise<MountedPanel> {
  const {
    dataSource: host,
    tablePrefix,
    auth,
    mail,
    links,
    resources = [],
    locale,
    admin: extra = {},
  } = options
  const {
    session,
    health = {},
    workers: runWorkers = true,
    stopOn = ['SIGTERM', 'SIGINT'],
    path = '/admin',
  } = options
  // What is left are createClientManagement's own options (roles, language, resourceIdPrefix…).
  const { componentLoader: _loader, ...plugin } = withoutMountKeys(options)
  if (!host.isInitialized) await host.initialize()
  const dataSource = clientManagementDataSource(host, { tablePrefix })
  await prepareClientTables(dataSource, [host])

  const componentLoader = options.componentLoader ?? new ComponentLoader()
  const clients = createClientManagement({
    ...plugin,
    dataSource,
    componentLoader,
    mailer: mail.transport,
    mailFrom: mail.from,
    links: linksFrom(links),
  })
  const admin = new AdminJS({
    ...clients.adminOptions,
    dashboard: clients.dashboard,
    ...extra,
    env: { ...extra.env, ...clients.adminOptions.env },
    // The plugin's dashboard is the home page (unless yours) and the page `clients` too.
    pages: { clients: clients.dashboard, ...extra.pages },
    locale: mergeLocale(clients.locale, locale),
    rootPath: path,
    loginPath: `${path}/login`,
    logoutPath: `${path}/logout`,
    resources: [...clients.resources, ...resources],
  })

  const guard = protectAdminRouter(admin, auth)
  const { default: AdminJSExpress } = await import('@adminjs/express')
  const { Store } = await import('express-session')
  // The host's store, else the plugin's table; wrapped so that a database outage answers 503
  // and the store is used again once the database answers (express-session drops a store for
  // good at its first 'disconnect').
  const store = resilientSessionStore(session?.store ?? databaseSessionStore(Store, dataSource))
  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    ...guard.routerArgs({
      cookieName: auth.cookieName ?? 'adminjs_clients',
      secret: auth.secret,
      store,
      cookie: auth.cookie,
    }),
  )
  const protectedRouter = guard.handleErrors(router)
  // Ready once the database answers, the migrations ran and the bundle is built.
  if (health) {
    const bundle = bundleReady(admin)
    // Its failure is the mount's (awaited below); here it only makes the instance not ready.
    bundle.catch(() => undefined)
    app.use(
      healthRoutes({
        dataSource,
        path: health.path,
        checks: {
          bundle: () => bundle,
          // SQLite: the tables were synchronized above, no migration is ever run.
          ...(usesMigrations(dataSource) ? {} : { migrations: () => undefined }),
        },
      }),
    )
  }
  // The panel answers once its bundle exists (production builds it on start).
  await bundleReady(admin)
  app.use(path, protectedRouter)

  const workers = runWorkers ? clients.startWorkers() : null
  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      await workers?.stop()
      if (dataSource.isInitialized) await dataSource.destroy()
    })())
  for (const signal of stopOn || []) {
    process.once(signal, () => {
      // The default (exit) once done, unless the host listens to the signal itself.
      void close().finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
      })
    })
  }
  return { admin, clients, dataSource, router: protectedRouter, close }
}
