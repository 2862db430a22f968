import type { Router } from 'express'
import { AccountRefused, type ClientAccounts, type ImpersonationMark, asyncRoutes } from '../src/index.js'
import type { ClientAreaPage } from './clientAreaPage.js'

/**
 * The session's mark while an admin is logged in as the client: the plugin's `{ id, admin }`, the
 * name the banner shows, and when the mark ends (ms since the epoch; `impersonation.maxMinutes`).
 * Written as in examples/client-area.ts: both declare the same session field.
 */
export type DemoImpersonation = ImpersonationMark & { clientName: string; expiresAt: number }

/**
 * The admin's "log in as this client", as a host implements it: the panel opens
 * `/account/impersonate?token=…` in a new tab; the plugin checks the single-use token and names
 * the client and the admin; the session gets a new id, the client, and the "impersonated by"
 * mark, which every account call receives (the password, the email and 2FA are then refused).
 * The mark ends with the session, with "Back to the panel", or once its time is up.
 */
export function addImpersonationRoutes(
  appRouter: Router,
  accounts: ClientAccounts,
  page: ClientAreaPage,
): void {
  // Async handlers whose errors reach Express's error handler (never an unhandled rejection).
  const router = asyncRoutes(appRouter)
  const { lang, t, ip, refusal, render, redirectWith } = page

  // Time up: the impersonation ends (event recorded) and so does the session.
  router.use(async (req, res, next) => {
    const mark = req.session.impersonation
    if (!mark || Date.now() < mark.expiresAt) return next()
    try {
      await accounts.endImpersonation(mark, ip(req))
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()))
      redirectWith(req, res, '/account/login', t(req, 'impersonationOver'))
    } catch (error) {
      next(error)
    }
  })

  router.get('/impersonate', async (req, res, next) => {
    try {
      const started = await accounts.startImpersonation(req.query.token, ip(req))
      // Whoever was logged in in this browser is not any more: a new session, the client's.
      await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())))
      req.session.clientId = started.client.id
      req.session.sessionGeneration = started.sessionGeneration
      await accounts.registerSession(started.client.id, req.sessionID)
      req.session.impersonation = {
        id: started.id,
        admin: started.admin,
        clientName: [started.client.firstName, started.client.lastName].filter(Boolean).join(' '),
        expiresAt: started.expiresAt.getTime(),
      }
      res.redirect(303, '/account')
    } catch (error) {
      if (!(error instanceof AccountRefused)) return next(error)
      res.status(error.reason === 'accountClosed' ? 403 : 400)
      render(
        req,
        res,
        'refused',
        `${refusal(req, error.reason)}<p><a href="/account/login">${t(req, 'login')}</a></p>`,
      )
    }
  })

  // "Back to the panel": the impersonation ends, and so does this session.
  router.post('/impersonate/end', async (req, res, next) => {
    try {
      const mark = req.session.impersonation
      if (mark) await accounts.endImpersonation(mark, ip(req))
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()))
      res.redirect(303, mark ? '/admin' : `/account/login?lang=${lang(req)}`)
    } catch (error) {
      next(error)
    }
  })
}
