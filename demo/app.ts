import path from 'node:path'
import AdminJS, { type ResourceWithOptions } from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import { databaseSessionStore } from './sessionStore.js'
import express, { type ErrorRequestHandler, type Express } from 'express'
import session, { type SessionOptions, type Store } from 'express-session'
import helmet from 'helmet'
import { In, type DataSource } from 'typeorm'
import {
  asyncHandler,
  createClientManagement,
  healthRoutes,
  isDatabaseUnavailable,
  loginCostKind,
  campaignUnsubscribeRoutes,
  mergeLocale,
  protectAdminRouter,
  sameOrigin,
  refusalsAs403,
  resilientSessionStore,
  retryRead,
  sessionCookie,
  type ClientManagement,
  type ImportJobOptionsInput,
  type ImportLimits,
  type ClientFileOptions,
  type HashingOptions,
  type Language,
  type OutboxOptions,
  type StripeLike,
} from '../src/index.js'
import { AdminUser } from './entities/AdminUser.js'
import { createClientArea } from './clientArea.js'
import { INVOICE_STATUSES, Invoice } from './entities/Invoice.js'
import { Session } from './entities/Session.js'
import { TICKET_PRIORITIES, TICKET_STATUSES, Ticket } from './entities/Ticket.js'
import { demoErasure } from './erasure.js'
import { demoTranslations } from './locale.js'
import type { DemoMailer } from './mailTransport.js'

export interface DemoAppOptions {
  dataSource: DataSource
  mailer: DemoMailer
  /** Signs the session cookie; keep it stable so sessions survive a restart. */
  sessionSecret: string
  language?: Language
  /**
   * Failed panel logins allowed per email and IP in 15 minutes (ten times as many per IP alone);
   * successful ones do not count. Kept in the database: they hold across instances. Default 10.
   */
  loginAttempts?: number
  /** The plugin's `hashing` option. Default argon2id at PHP's cost (64 MiB, 4 passes). */
  hashing?: HashingOptions
  /** Where the demo is reached, for the links in emails. Default http://localhost:3000. */
  publicUrl?: string
  /** The plugin's `campaigns` option over the demo's (throttle, worker…). */
  campaigns?: Partial<NonNullable<Parameters<typeof createClientManagement>[0]['campaigns']>>
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
  /** The mail outbox's options (delays, attempts, `worker: 'separate'` to deliver elsewhere). */
  outbox?: Partial<OutboxOptions>
  /** The plugin's `jobs` option (lease, heartbeat, poll interval of the import worker). */
  jobs?: ImportJobOptionsInput
  /** The plugin's `imports` option (upload limits). */
  imports?: Partial<ImportLimits>
  /** The plugin's `files` option (the clients' files: storage, limits); default `./client-files`. */
  files?: ClientFileOptions
  /** The plugin's `roles` option (role → rights); default the plugin's admin and support. */
  roles?: Parameters<typeof createClientManagement>[0]['roles']
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

/**
 * The app's last handler: a status and nothing else (no stack trace); server errors are logged.
 * The database away (the client area's session unreadable, a lost connection): 503, try again.
 */
const demoErrorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const own = Number((error as { status?: unknown }).status)
  // A malformed JSON body: formidable reports it again after the admin router answered 400.
  const malformedBody = error instanceof SyntaxError && res.headersSent
  const unavailable = isDatabaseUnavailable(error)
  const status = own >= 400 && own < 500 ? own : malformedBody ? 400 : unavailable ? 503 : 500
  if (status === 500) console.error('demo: request failed', error)
  if (res.headersSent) return
  if (unavailable) res.set('Retry-After', '5')
  res.status(status).type('text/plain').send(String(status))
}

const values = (list: readonly string[]) => list.map((value) => ({ value, label: value }))
const formattedAs = (format: string) => ({
  components: { list: 'FormattedValue', show: 'FormattedValue' },
  props: { format },
})

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
        properties: {
          clientId: client,
          status: { availableValues: values(INVOICE_STATUSES) },
          // The plugin's FormattedValue component (registered on the loader it shares) formats a host's values too.
          issuedOn: formattedAs('date'),
          total: formattedAs('money'),
          createdAt: formattedAs('dateTime'),
        },
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
          createdAt: formattedAs('dateTime'),
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
      // The admin's "log in as this client" (demo/clientAreaImpersonation.ts).
      impersonate: `${publicUrl}/account/impersonate?token={token}`,
    },
    hashing: options.hashing ?? { driver: 'argon2id' },
    jobs: options.jobs,
    imports: options.imports,
    files: options.files ?? { directory: process.env.CLIENT_FILES_DIR ?? 'client-files' },
    language: options.language ?? 'fr',
    stripe: options.stripe,
    outbox: options.outbox,
    roles: options.roles,
    // Campaign emails link to the demo's unsubscribe route (mounted below), signed with its secret.
    campaigns: {
      unsubscribeUrl: `${publicUrl}/unsubscribe`,
      secret: options.sessionSecret,
      ...options.campaigns,
    },
    // A closed account's sessions (and an impersonation's, which holds the client's name) go for
    // good at once: the demo's store is this database, so in the change's own transaction
    // (connect-typeorm's destroy only marks a row, keeping its data).
    sessions: {
      destroy: async ({ sessionIds, manager }) => {
        const store = options.sessionStore
        if (!store) return void (await manager.getRepository(Session).delete({ id: In(sessionIds) }))
        await Promise.all(
          sessionIds.map((id) => new Promise<void>((resolve) => store.destroy(id, () => resolve()))),
        )
      },
    },
    clientTabs: [
      { resourceId: 'Invoice', foreignKey: 'clientId', columns: ['number', 'issuedOn', 'total', 'status'] },
      {
        resourceId: 'Ticket',
        foreignKey: 'clientId',
        columns: ['subject', 'status', 'priority', 'createdAt'],
      },
    ],
    erasure: demoErasure,
  })

  const admin = new AdminJS({
    ...clients.adminOptions,
    locale: mergeLocale(clients.locale, { translations: demoTranslations }),
    rootPath: '/admin',
    // The host's resources answer a refused action with 403, as the plugin's do.
    resources: [...clients.resources, ...hostResources().map(refusalsAs403)],
    dashboard: clients.dashboard,
    branding: { ...clients.adminOptions.branding, companyName: 'adminjs-clients', withMadeWithLove: false },
  })

  // Admin logins: failures counted in the database per (email, IP) and per IP, so that they hold
  // across instances and failures from elsewhere (or for another email) never lock an admin out.
  const loginAttempts = options.loginAttempts ?? 10
  const adminLoginRules = {
    perAccount: { limit: loginAttempts, windowMs: 15 * 60_000 },
    perIp: { limit: loginAttempts * 10, windowMs: 15 * 60_000 },
  }
  const adminEmail = (email: unknown) =>
    String(email ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 255)

  // Returns only what the panel needs to know about the admin: never the hash. An unknown email
  // is checked against a decoy hash and every refusal is padded: the time says nothing either.
  const authenticate = async (email: string, password: string, context?: { req: express.Request }) => {
    const attempt = clients.loginCost.begin()
    // A read: tried again on a new connection when the database cut the one it had.
    const user = await retryRead(() =>
      dataSource
        .getRepository(AdminUser)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email: adminEmail(email) })
        .getOne(),
    )
    const checked = await attempt.check(clients.passwordHasher, user?.passwordHash ?? null, String(password))
    if (checked !== 'match' || !user) {
      await attempt.refuse(loginCostKind(Boolean(user), user?.passwordHash, String(password)))
      return null
    }
    // A right password is not a failure: take back what the login route counted.
    const ip = context?.req.ip ?? null
    if (context) {
      await clients.rateLimiter.forgive('admin-login', [adminEmail(email), ip])
      await clients.rateLimiter.forgive('admin-login:ip', [ip])
    }
    return { id: String(user.id), email: user.email, role: user.role }
  }

  // Sessions in the database (they survive a restart), for the panel and the client area alike.
  const sessionOptions = (): SessionOptions => ({
    secret: options.sessionSecret,
    // Resilient: a lost connection is a 503 "try again" for that request, never a store given up on.
    store:
      options.sessionStore ?? resilientSessionStore(databaseSessionStore(dataSource.getRepository(Session))),
    resave: false,
    saveUninitialized: false,
    // Secure whenever the request came over HTTPS (directly, or through a trusted proxy).
    cookie: sessionCookie({ maxAgeHours: 8 }),
  })

  // Origin check, body limits, unknown routes, list parameters, a new session id at login, 4xx errors.
  const guard = protectAdminRouter(admin, {
    authenticate: ({ email, password }, context) => authenticate(email, password, context),
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
  // Liveness and readiness for the load balancer, before any session or login.
  app.use(healthRoutes({ dataSource }))
  app.post(
    path.posix.join(admin.options.rootPath, 'login'),
    // A login posted from another site is refused before it counts: a page elsewhere cannot use
    // the admin's browser to spend the attempts of the admin's IP.
    sameOrigin({ origins: options.origins }),
    express.urlencoded({ extended: false, limit: '10kb' }),
    asyncHandler(async (req, res, next) => {
      try {
        // The login form is urlencoded: read here for the email, and handed to AdminJS's own
        // parser (express-formidable), which skips a body marked as parsed; `_body` (body-parser's
        // mark) is cleared, or @adminjs/express takes it for an old body-parser placed before it.
        if (req.is('application/x-www-form-urlencoded')) {
          Object.assign(req, { fields: req.body, express_formidable: { parsed: true }, _body: false })
        }
        const email = adminEmail((req.body as Record<string, unknown> | undefined)?.email)
        // Counted before the check (parallel guesses cannot slip past), taken back on success.
        const perAccount = await clients.rateLimiter.hit(
          'admin-login',
          [email, req.ip ?? null],
          adminLoginRules.perAccount,
        )
        const perIp = await clients.rateLimiter.hit('admin-login:ip', [req.ip ?? null], adminLoginRules.perIp)
        if (perAccount.allowed && perIp.allowed) return next()
        const until = Math.max(
          ...[perAccount, perIp].filter((hit) => !hit.allowed).map((hit) => hit.retryAfter.getTime()),
        )
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil((until - Date.now()) / 1000))))
        const page = await admin.renderLogin({
          action: admin.options.loginPath,
          errorMessage: 'tooManyRequests',
        })
        res.status(429).send(page)
      } catch (error) {
        if (!isDatabaseUnavailable(error)) return next(error)
        // The attempts could not be counted (the database is away): the login page says try again.
        const page = await admin.renderLogin({
          action: admin.options.loginPath,
          errorMessage: 'databaseUnavailable',
        })
        res.status(503).set('Retry-After', '5').send(page)
      }
    }),
  )
  app.use(admin.options.rootPath, router)
  // The client area: what a host builds on `clients.accounts`, with a session of its own.
  const clientSession = session({ ...sessionOptions(), name: 'adminjs_clients_account' })
  app.use('/unsubscribe', campaignUnsubscribeRoutes(clients))
  app.use('/account', createClientArea(clients, clientSession, { secret: options.sessionSecret }))
  app.get('/', (_req, res) => res.redirect(admin.options.rootPath))
  // Whatever else fails answers without a stack trace.
  app.use(demoErrorHandler)
  return { app, admin, clients, authenticate }
}
