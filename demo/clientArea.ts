import express, { type RequestHandler, type Router } from 'express'
import { asyncHandler, type ClientManagement, type Language } from '../src/index.js'
import { addAccountRoutes } from './clientAreaAccountRoutes.js'
import { ClientAreaGuard } from './clientAreaGuard.js'
import { clientAreaPage, escapeHtml } from './clientAreaPage.js'
import { addVisitorRoutes } from './clientAreaVisitorRoutes.js'
import { addImpersonationRoutes, type DemoImpersonation } from './clientAreaImpersonation.js'

declare module 'express-session' {
  interface SessionData {
    clientId?: number
    /** The client's session generation at login (`accounts.sessionAccount` checks it each request). */
    sessionGeneration?: number
    /** Set while an admin is logged in as the client (clientAreaImpersonation.ts). */
    impersonation?: DemoImpersonation
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The client area's language for this request. */
    accountLang?: Language
  }
}
/**
 * The demo's client area at /account, built only on `clients.accounts`: register, confirm the
 * email, log in (with 2FA), turn 2FA on and off, reset a forgotten password. Server-rendered
 * forms, French or English; an admin's "log in as this client" lands on /account/impersonate. An anonymous visitor gets no session (no row per visit): the CSRF
 * token is a signed double-submit cookie, the language and the flash are cookies too. The limits
 * (failed logins, registrations, reset and confirmation requests) are the plugin's, in the
 * database, answered 429.
 */
export function createClientArea(
  clients: ClientManagement,
  session: RequestHandler,
  options: { secret: string },
): Router {
  const router = express.Router()
  const { accounts } = clients
  const guard = new ClientAreaGuard(options.secret)
  router.use(session)
  router.use(express.urlencoded({ extended: false, limit: '20kb' }))
  router.use((req, res, next) => {
    req.accountLang = guard.language(req, res)
    if (req.method === 'GET') guard.ensureNonce(req, res)
    res.setHeader('Cache-Control', 'no-store')
    next()
  })
  const page = clientAreaPage(guard)
  const { t, render } = page
  // A session whose account was closed or whose sessions were ended (a ban, an anonymisation, a
  // new password set by an admin…) ends here, on whichever instance it arrives: a new empty
  // session, then the login page (a page a visitor may open, such as an admin's new link, opens).
  router.use(
    asyncHandler(async (req, res, next) => {
      if (req.session.clientId === undefined) return next()
      // A failure (the database away) reaches the error handler through asyncHandler.
      const account = await accounts.sessionAccount({
        clientId: req.session.clientId,
        sessionGeneration: req.session.sessionGeneration,
      })
      if (account) return next()
      const mark = req.session.impersonation
      if (mark) await accounts.endImpersonation(mark, page.ip(req))
      await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())))
      if (req.method === 'GET') {
        guard.setFlash(res, t(req, 'sessionEnded'))
        return next()
      }
      page.redirectWith(req, res, '/account/login', t(req, 'sessionEnded'))
    }),
  )
  // A form posted from another site, or without this browser's token, is refused before any
  // work, and the answer sets no cookie: the victim's session stays as it was.
  router.post(/.*/, (req, res, next) => {
    if (!guard.crossSite(req) && guard.csrfValid(req)) return next()
    res.status(403)
    render(
      req,
      res,
      'refused',
      `<p class="error">${escapeHtml(t(req, 'badRequest'))}</p><p><a href="/account/login">${t(req, 'login')}</a></p>`,
    )
  })

  addImpersonationRoutes(router, accounts, page)
  addVisitorRoutes(router, accounts, page)
  addAccountRoutes(router, accounts, page)
  return router
}
