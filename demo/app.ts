import path from 'node:path'
import AdminJS, { type ResourceWithOptions } from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import { TypeormStore } from 'connect-typeorm'
import express, { type ErrorRequestHandler, type Express } from 'express'
import session, { type SessionOptions, type Store } from 'express-session'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import type { DataSource } from 'typeorm'
import {
  createClientManagement,
  mergeLocale,
  protectAdminRouter,
  refusalsAs403,
  sessionCookie,
  type ClientManagement,
  type Language,
  type StripeLike,
} from '../src/index.js'
import { AdminUser } from './entities/AdminUser.js'
import { createClientArea } from './clientArea.js'
import { INVOICE_STATUSES, Invoice } from './entities/Invoice.js'
import { Session } from './entities/Session.js'
import { TICKET_PRIORITIES, TICKET_STATUSES, Ticket } from './entities/Ticket.js'
import { demoTranslations } from './locale.js'
import type { DemoMailer } from './mailTransport.js'

export interface DemoAppOptions {
  dataSource: DataSource
  mailer: DemoMailer
  /** Signs the session cookie; keep it stable so sessions survive a restart. */
  sessionSecret: string
  language?: Language
  /** Login attempts allowed per IP and 15 minutes. Default 10. */
  loginAttempts?: number
  /** Where the demo is reached, for the links in emails. Default http://localhost:3000. */
  publicUrl?: string
  /** A Stripe client for the Payment methods tab; none: the tab says Stripe is not configured. */
  stripe?: StripeLike
  /** Session store; default: the database (connect-typeorm), so sessions survive restarts. */
  sessionStore?: Store
  /**
   * Express's `trust proxy` (e.g. `1` behind one reverse proxy): then `req.ip`, `req.secure` and
   * the Secure cookie follow `X-Forwarded-For` and `X-Forwarded-Proto`. Default: no proxy trusted.
   */
  trustProxy?: boolean | number | string
  /** The origins the panel is served at, for the same-origin check; default: the request's own. */
  origins?: string[]
}

export interface DemoApp {
  app: Express
  admin: AdminJS
  clients: ClientManagement
  /** Checks an admin's email and password (what the login form calls). */
  authenticate: (
    email: string,
    password: string,
  ) => Promise<{ id: string; email: string; role: string } | null>
}

/** The app's last handler: a status and nothing else (no stack trace); server errors are logged. */
const demoErrorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const own = Number((error as { status?: unknown }).status)
  const status = own >= 400 && own < 500 ? own : 500
  if (status === 500) console.error('demo: request failed', error)
  if (!res.headersSent) res.status(status).type('text/plain').send(String(status))
}

const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }))

/**
 * The host's own resources: read-only in the demo, each referencing a client by `clientId`, and
 * shown on the client page by the plugin's `clientTabs` option.
 */
function hostResources(): ResourceWithOptions[] {
  const readOnly = {
    new: { isAccessible: false },
    edit: { isAccessible: false },
    delete: { isAccessible: false },
    bulkDelete: { isAccessible: false },
  }
  const navigation = { name: 'demoHost', icon: 'Briefcase' }
  const client = { type: 'reference' as const, reference: 'Client' }
  return [
    {
      resource: Invoice,
      options: {
        navigation,
        sort: { sortBy: 'issuedOn', direction: 'desc' },
        listProperties: ['number', 'clientId', 'issuedOn', 'total', 'status'],
        properties: { clientId: client, status: { availableValues: values(INVOICE_STATUSES) } },
        actions: readOnly,
      },
    },
    {
      resource: Ticket,
      options: {
        navigation,
        sort: { sortBy: 'createdAt', direction: 'desc' },
        listProperties: ['subject', 'clientId', 'status', 'priority', 'createdAt'],
        properties: {
          clientId: client,
          status: { availableValues: values(TICKET_STATUSES) },
          priority: { availableValues: values(TICKET_PRIORITIES) },
        },
        actions: readOnly,
      },
    },
  ]
}

export function createDemoApp(options: DemoAppOptions): DemoApp {
  const { dataSource } = options
  const publicUrl = (options.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '')
  const clients = createClientManagement({
    dataSource,
    mailer: options.mailer,
    mailFrom: 'Cabinet Démo <no-reply@demo.example.com>',
    links: {
      confirmEmail: `${publicUrl}/account/confirm?token={token}`,
      resetPassword: `${publicUrl}/account/reset?token={token}`,
    },
    hashing: { driver: 'argon2id' },
    language: options.language ?? 'fr',
    stripe: options.stripe,
    clientTabs: [
      { resourceId: 'Invoice', foreignKey: 'clientId', columns: ['number', 'issuedOn', 'total', 'status'] },
      {
        resourceId: 'Ticket',
        foreignKey: 'clientId',
        columns: ['subject', 'status', 'priority', 'createdAt'],
      },
    ],
  })

  const admin = new AdminJS({
    ...clients.adminOptions,
    locale: mergeLocale(clients.locale, { translations: demoTranslations }),
    rootPath: '/admin',
    // The host's resources answer a refused action with 403, as the plugin's do.
    resources: [...clients.resources, ...hostResources().map(refusalsAs403)],
    dashboard: clients.dashboard,
    branding: { companyName: 'adminjs-clients', withMadeWithLove: false },
  })

  // Returns only what the panel needs to know about the admin: never the hash.
  const authenticate = async (email: string, password: string) => {
    const user = await dataSource
      .getRepository(AdminUser)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: String(email).trim().toLowerCase() })
      .getOne()
    const ok = await clients.passwordHasher.verify(user?.passwordHash ?? null, String(password))
    return ok && user ? { id: String(user.id), email: user.email, role: user.role } : null
  }

  // Sessions in the database (they survive a restart), for the panel and the client area alike.
  const sessionOptions = (): SessionOptions => ({
    secret: options.sessionSecret,
    // limitSubquery off: MariaDB/MySQL refuse LIMIT inside an IN subquery.
    store:
      options.sessionStore ??
      new TypeormStore({ cleanupLimit: 2, limitSubquery: false, ttl: 8 * 3600 }).connect(
        dataSource.getRepository(Session),
      ),
    resave: false,
    saveUninitialized: false,
    // Secure whenever the request came over HTTPS (directly, or through a trusted proxy).
    cookie: sessionCookie({ maxAgeHours: 8 }),
  })

  // Origin check, body limits, unknown routes, list parameters, a new session id at login, 4xx errors.
  const guard = protectAdminRouter(admin, {
    authenticate: ({ email, password }) => authenticate(email, password),
    origins: options.origins,
  })
  const router = guard.handleErrors(
    AdminJSExpress.buildAuthenticatedRouter(
      admin,
      { provider: guard.provider, cookieName: 'adminjs_clients_demo', cookiePassword: options.sessionSecret },
      guard.router,
      sessionOptions(),
      guard.formidableOptions,
    ),
  )

  const app = express()
  app.disable('x-powered-by')
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy)
  app.use(
    helmet({
      // AdminJS's page boots from inline scripts and styles.
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
          'style-src': ["'self'", "'unsafe-inline'", 'https:'],
          'img-src': ["'self'", 'data:', 'https:'],
          'upgrade-insecure-requests': null,
        },
      },
      // The demo is served over plain http on localhost.
      strictTransportSecurity: false,
    }),
  )
  app.post(
    path.posix.join(admin.options.rootPath, 'login'),
    rateLimit({
      windowMs: 15 * 60 * 1000,
      limit: options.loginAttempts ?? 10,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: async (_req, res) => {
        const page = await admin.renderLogin({
          action: admin.options.loginPath,
          errorMessage: 'tooManyRequests',
        })
        res.status(429).send(page)
      },
    }),
  )
  app.use(admin.options.rootPath, router)
  // The client area: what a host builds on `clients.accounts`, with a session of its own.
  const clientSession = session({ ...sessionOptions(), name: 'adminjs_clients_account' })
  app.use('/account', createClientArea(clients, clientSession, { loginAttempts: options.loginAttempts }))
  app.get('/', (_req, res) => res.redirect(admin.options.rootPath))
  // Whatever else fails answers without a stack trace.
  app.use(demoErrorHandler)
  return { app, admin, clients, authenticate }
}
