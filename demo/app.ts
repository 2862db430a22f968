import path from 'node:path'
import AdminJS from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import { TypeormStore } from 'connect-typeorm'
import express, { type Express } from 'express'
import session, { type SessionOptions, type Store } from 'express-session'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import type { DataSource } from 'typeorm'
import {
  createClientManagement,
  type ClientManagement,
  type Language,
  type StripeLike,
} from '../src/index.js'
import { AdminUser } from './entities/AdminUser.js'
import { createClientArea } from './clientArea.js'
import { Session } from './entities/Session.js'
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
  })

  const admin = new AdminJS({
    ...clients.adminOptions,
    rootPath: '/admin',
    resources: clients.resources,
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
    cookie: { httpOnly: true, sameSite: 'lax', secure: false, maxAge: 8 * 3600 * 1000 },
  })

  const router = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    { authenticate, cookieName: 'adminjs_clients_demo', cookiePassword: options.sessionSecret },
    null,
    sessionOptions(),
  )

  const app = express()
  app.disable('x-powered-by')
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
  return { app, admin, clients, authenticate }
}
