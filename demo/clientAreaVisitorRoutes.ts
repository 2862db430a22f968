import type { Request, Router } from 'express'
import { AccountRefused, InvalidInputError, type ClientAccounts, asyncRoutes } from '../src/index.js'
import { escapeHtml, type ClientAreaPage } from './clientAreaPage.js'

/** The pages of a visitor not logged in: login, registration, email confirmation, password reset. */
export function addVisitorRoutes(appRouter: Router, accounts: ClientAccounts, page: ClientAreaPage): void {
  // Async handlers whose errors reach Express's error handler (never an unhandled rejection).
  const router = asyncRoutes(appRouter)
  const { guard, lang, t, ip, csrf, field, fieldErrors, refusal, render, redirectWith, limited } = page

  // ---- login ------------------------------------------------------------------------------
  const loginForm = (req: Request, email = '', extra = '', askTotp = false) => `
<h1>${t(req, 'login')}</h1>${extra}
<form method="post" action="/account/login">${csrf(req)}
${field(req, 'email', 'email', 'email', email)}
${field(req, 'password', 'password', 'password')}
${askTotp ? `<p>${t(req, 'totpHint')}</p>${field(req, 'totp', 'totp', 'text')}` : ''}
<button type="submit">${t(req, 'submitLogin')}</button></form>
<p><a href="/account/register">${t(req, 'register')}</a> · <a href="/account/forgot">${t(req, 'forgot')}</a></p>`

  router.get('/login', (req, res) => render(req, res, 'login', loginForm(req)))
  router.post('/login', async (req, res, next) => {
    try {
      const email = String(req.body.email ?? '')
      const result = await accounts.authenticate({
        email,
        password: String(req.body.password ?? ''),
        totp: req.body.totp ? String(req.body.totp) : undefined,
        ip: ip(req),
      })
      if (!result.ok) {
        const askTotp = result.reason === 'totpRequired' || result.reason === 'invalidTotp'
        const resend =
          result.reason === 'unconfirmed'
            ? `<form method="post" action="/account/confirm/resend">${csrf(req)}<input type="hidden" name="email" value="${escapeHtml(email)}"><button type="submit">${t(req, 'resendConfirmation')}</button></form>`
            : ''
        if (result.retryAfter) {
          const seconds = Math.ceil((result.retryAfter.getTime() - Date.now()) / 1000)
          res.setHeader('Retry-After', String(Math.max(1, seconds)))
        }
        res.status(result.reason === 'totpRequired' ? 200 : result.reason === 'throttled' ? 429 : 401)
        return render(req, res, 'login', loginForm(req, email, refusal(req, result.reason) + resend, askTotp))
      }
      // An admin's login as a client in this browser ends here, recorded, before the new session.
      if (req.session.impersonation) await accounts.endImpersonation(req.session.impersonation, ip(req))
      // A new session id at login (no fixation): the first session row of this visitor.
      await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())))
      req.session.clientId = result.client.id
      req.session.sessionGeneration = result.sessionGeneration
      await accounts.registerSession(result.client.id, req.sessionID)
      const notes = [
        result.rehashed ? t(req, 'rehashed') : '',
        result.recoveryCodesLeft !== null ? t(req, 'recoveryLeft', { count: result.recoveryCodesLeft }) : '',
      ].filter(Boolean)
      if (notes.length > 0) guard.setFlash(res, notes.join(' '))
      res.redirect(303, '/account')
    } catch (error) {
      next(error)
    }
  })
  router.post('/logout', async (req, res, next) => {
    try {
      // Logging out ends an admin's login as the client too (recorded).
      if (req.session.impersonation) await accounts.endImpersonation(req.session.impersonation, ip(req))
      req.session.destroy(() => res.redirect(303, '/account/login'))
    } catch (error) {
      next(error)
    }
  })

  // ---- registration and confirmation ------------------------------------------------------
  const registerForm = (
    req: Request,
    values: Record<string, string> = {},
    errors: Record<string, string> = {},
  ) => `
<h1>${t(req, 'register')}</h1>
<form method="post" action="/account/register">${csrf(req)}
${field(req, 'lastName', 'lastName', 'text', values.lastName, errors.lastName)}
${field(req, 'firstName', 'firstName', 'text', values.firstName, errors.firstName)}
${field(req, 'email', 'email', 'email', values.email, errors.email)}
${field(req, 'password', 'password', 'password', '', errors.password)}
<label>${t(req, 'language')}<select name="locale"><option value="fr">Français</option><option value="en"${lang(req) === 'en' ? ' selected' : ''}>English</option></select></label>
<button type="submit">${t(req, 'submitRegister')}</button></form>
<p><a href="/account/login">${t(req, 'login')}</a></p>`

  router.get('/register', (req, res) => render(req, res, 'register', registerForm(req)))
  router.post('/register', async (req, res, next) => {
    const values = {
      lastName: String(req.body.lastName ?? ''),
      firstName: String(req.body.firstName ?? ''),
      email: String(req.body.email ?? ''),
    }
    try {
      const done = await accounts.register({
        ...values,
        password: String(req.body.password ?? ''),
        locale: req.body.locale,
        ip: ip(req),
      })
      const message = done.emailFailed
        ? t(req, 'registeredEmailFailed')
        : t(req, done.confirmationSent ? 'registered' : 'registeredActive')
      redirectWith(req, res, '/account/login', message)
    } catch (error) {
      if (error instanceof AccountRefused)
        return limited(req, res, 'register', error, registerForm(req, values))
      if (!(error instanceof InvalidInputError)) return next(error)
      res.status(422)
      render(req, res, 'register', registerForm(req, values, fieldErrors(req, error)))
    }
  })

  router.get('/confirm', async (req, res, next) => {
    try {
      const done = await accounts.confirmEmail(
        String(req.query.token ?? ''),
        ip(req),
        req.session.impersonation,
      )
      redirectWith(
        req,
        res,
        '/account/login',
        t(req, done.alreadyConfirmed ? 'alreadyConfirmed' : 'confirmed'),
      )
    } catch (error) {
      if (!(error instanceof AccountRefused)) return next(error)
      res.status(400)
      render(
        req,
        res,
        'confirm',
        `<h1>${t(req, 'title')}</h1>${refusal(req, error.reason)}<p><a href="/account/login">${t(req, 'login')}</a></p>`,
      )
    }
  })
  router.post('/confirm/resend', async (req, res, next) => {
    try {
      await accounts.requestConfirmationEmail(req.body.email, ip(req), req.session.impersonation)
      redirectWith(req, res, '/account/login', t(req, 'confirmationResent'))
    } catch (error) {
      if (!(error instanceof AccountRefused)) return next(error)
      limited(req, res, 'login', error, loginForm(req, String(req.body.email ?? '')))
    }
  })

  // ---- password reset ---------------------------------------------------------------------
  const forgotForm = (req: Request) =>
    `<h1>${t(req, 'forgot')}</h1><form method="post" action="/account/forgot">${csrf(req)}${field(req, 'email', 'email', 'email')}<button type="submit">${t(req, 'submitForgot')}</button></form>`
  router.get('/forgot', (req, res) => render(req, res, 'forgot', forgotForm(req)))
  router.post('/forgot', async (req, res, next) => {
    try {
      // The same answer whatever the address: nobody learns who has an account.
      await accounts.requestPasswordReset(req.body.email, ip(req), req.session.impersonation)
      redirectWith(req, res, '/account/login', t(req, 'forgotSent'))
    } catch (error) {
      if (!(error instanceof AccountRefused)) return next(error)
      limited(req, res, 'forgot', error, forgotForm(req))
    }
  })
  const resetForm = (req: Request, token: string, extra = '', errors: Record<string, string> = {}) =>
    `<h1>${t(req, 'forgot')}</h1>${extra}<form method="post" action="/account/reset">${csrf(req)}<input type="hidden" name="token" value="${escapeHtml(token)}">
${field(req, 'password', 'password', 'password', '', errors.password)}
${field(req, 'passwordConfirmation', 'passwordConfirmation', 'password', '', errors.passwordConfirmation)}
<button type="submit">${t(req, 'submitReset')}</button></form>`
  router.get('/reset', (req, res) => render(req, res, 'reset', resetForm(req, String(req.query.token ?? ''))))
  router.post('/reset', async (req, res, next) => {
    const token = String(req.body.token ?? '')
    try {
      await accounts.resetPassword({
        token,
        password: String(req.body.password ?? ''),
        passwordConfirmation: String(req.body.passwordConfirmation ?? ''),
        ip: ip(req),
        impersonation: req.session.impersonation,
      })
      redirectWith(req, res, '/account/login', t(req, 'resetDone'))
    } catch (error) {
      if (error instanceof InvalidInputError) {
        res.status(422)
        return render(req, res, 'reset', resetForm(req, token, '', fieldErrors(req, error)))
      }
      if (error instanceof AccountRefused) {
        res.status(400)
        return render(
          req,
          res,
          'reset',
          `<h1>${t(req, 'forgot')}</h1>${refusal(req, error.reason)}<p><a href="/account/forgot">${t(req, 'forgot')}</a></p>`,
        )
      }
      next(error)
    }
  })
}
