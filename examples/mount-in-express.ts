// Mount adminjs-clients into your own Express app on MySQL/MariaDB.
import AdminJS, { ComponentLoader } from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import express from 'express'
import nodemailer from 'nodemailer'
import { DataSource } from 'typeorm'
import {
  clientManagementEntities,
  clientManagementMigrations,
  clientManagementSubscribers,
  createClientManagement,
  healthRoutes,
  mergeLocale,
  outboxSmtpTimeouts,
  protectAdminRouter,
  resilientSessionStore,
} from 'adminjs-clients'

const dataSource = new DataSource({
  type: 'mariadb', // 'mysql' for a MySQL server
  url: process.env.DATABASE_URL, // mysql://user:password@127.0.0.1:3306/app
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
  entities: [...clientManagementEntities /* , ...your entities */],
  migrations: [...clientManagementMigrations /* , ...your migrations */],
  // Only if your own code saves clients or contracts as entities (`manager.save`): keeps the
  // advisor filter's table (client_advisors) in step with them. The plugin's writers need none.
  subscribers: [...clientManagementSubscribers],
})
await dataSource.initialize()
await dataSource.runMigrations()

// Your own components and the plugin's on one loader: AdminJS bundles only the loader it is given.
const componentLoader = new ComponentLoader()
const clients = createClientManagement({
  dataSource,
  componentLoader,
  // With timeouts that end an attempt before the outbox's claim does (nodemailer's own socket timeout is 10 minutes).
  mailer: nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: 587,
    auth: { user: process.env.SMTP_USER ?? '', pass: process.env.SMTP_PASS ?? '' },
    ...outboxSmtpTimeouts(),
  }),
  mailFrom: 'Acme <no-reply@acme.example>',
  links: {
    confirmEmail: 'https://app.acme.example/account/confirm?token={token}',
    resetPassword: 'https://app.acme.example/account/reset?token={token}',
  },
  hashing: { driver: 'argon2id' },
  roles: { admin: '*', support: ['list', 'show', 'search', 'Client.sendEmail', 'Client.addNote'] },
  language: 'fr',
})

const admin = new AdminJS({
  ...clients.adminOptions,
  // Your translations over the plugin's (yours win).
  locale: mergeLocale(clients.locale, { translations: { en: { labels: { Product: 'Products' } } } }),
  rootPath: '/admin',
  resources: [...clients.resources /* , ...your resources */],
  // Or as a page of its own: pages: { clients: clients.dashboard }
  dashboard: clients.dashboard,
})

// In front of AdminJS's router: same-origin check, body limits, unknown routes as 404, list
// parameters cleaned, a new session id at login, errors as 4xx without stack traces.
const guard = protectAdminRouter(admin, {
  // Return what the roles map needs: an object with `email` and `role`, never a password hash.
  authenticate: ({ email, password }) => yourOwnAdminLogin(email, password), // { email, role } or null
  // No `origins`: a POST must come from the request's own origin, right unless a proxy rewrites
  // Host. Then list your panel's real public origin(s): origins: ['https://<your panel's origin>'].
})
const router = AdminJSExpress.buildAuthenticatedRouter(
  admin,
  // The session's cookie is HttpOnly, SameSite=Lax, Secure over HTTPS (sessionCookie()).
  ...guard.routerArgs({
    cookieName: 'acme_admin',
    secret: process.env.SESSION_SECRET as string,
    // In your database or Redis, shared by every instance; not MemoryStore. Wrapped: while the
    // database is away a request gets 503 "try again", and the sessions come back with it.
    store: resilientSessionStore(yourSessionStore),
  }),
)

const app = express()
app.set('trust proxy', 1) // behind one reverse proxy that terminates HTTPS
app.use(healthRoutes({ dataSource })) // GET /health/live and /health/ready for the load balancer
app.use(admin.options.rootPath, guard.handleErrors(router))
const server = app.listen(3000, '127.0.0.1')

// The workers: the outbox sends the emails the actions queue, the jobs run the imports (either may
// be left to a worker process of its own). On SIGTERM they finish what they hold, then the database closes.
const workers = clients.startWorkers()
// A rejection nobody handled is logged, not a process exit taking every request in flight with it.
process.on('unhandledRejection', (reason) => console.error('unhandled rejection', reason))
process.on('SIGTERM', () => {
  server.close()
  void workers.stop().then(() => dataSource.destroy())
})

declare const yourSessionStore: import('express-session').Store
declare function yourOwnAdminLogin(
  email: string,
  password: string,
): Promise<{ email: string; role: string } | null>
