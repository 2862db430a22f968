import type { Request, RequestHandler, Router } from 'express'
import QRCode from 'qrcode'
import { AccountRefused, InvalidInputError, type ClientAccounts, asyncRoutes } from '../src/index.js'
import { escapeHtml, pluginMessage, type ClientAreaPage } from './clientAreaPage.js'
import type { ClientAreaText } from './clientAreaTexts.js'

/**
 * The pages of the logged-in client: the account, the password and two-factor authentication.
 * Every change hands the plugin the session's impersonation mark: while an admin is logged in as
 * the client, the plugin refuses it.
 */
export function addAccountRoutes(appRouter: Router, accounts: ClientAccounts, page: ClientAreaPage): void {
  // Async handlers whose errors reach Express's error handler (never an unhandled rejection).
  const router = asyncRoutes(appRouter)
  const { lang, t, ip, csrf, field, fieldErrors, render, redirectWith } = page

  // ---- the logged-in client ---------------------------------------------------------------
  const signedIn: RequestHandler = (req, res, next) =>
    req.session.clientId ? next() : res.redirect(303, '/account/login')

  router.get('/', signedIn, async (req, res, next) => {
    try {
      const me = await accounts.profile(req.session.clientId as number)
      if (!me) return req.session.destroy(() => res.redirect(303, '/account/login'))
      render(
        req,
        res,
        'home',
        `<h1>${t(req, 'welcome', { name: me.firstName ?? me.lastName })}</h1>
<p>${t(req, 'clientNumber', { number: me.clientNumber })}</p>
<p data-two-factor="${me.twoFactorEnabled ? 'on' : 'off'}">${t(req, 'twoFactor')} : ${t(req, me.twoFactorEnabled ? 'twoFactorOn' : 'twoFactorOff')}</p>
${
  me.twoFactorEnabled
    ? `<form method="post" action="/account/2fa/disable">${csrf(req)}${field(req, 'password', 'password', 'password')}${field(req, 'code', 'totp')}<button type="submit">${t(req, 'disable2fa')}</button></form>`
    : `<form method="post" action="/account/2fa/start">${csrf(req)}<button type="submit">${t(req, 'enable2fa')}</button></form>`
}
<h2>${t(req, 'changePassword')}</h2>
<form method="post" action="/account/password">${csrf(req)}${field(req, 'currentPassword', 'currentPassword', 'password')}${field(req, 'password', 'newPassword', 'password')}${field(req, 'passwordConfirmation', 'passwordConfirmation', 'password')}<button type="submit">${t(req, 'changePassword')}</button></form>
<h2>${t(req, 'marketingTitle')}</h2>
<p data-marketing-consent="${me.marketingConsent ?? 'unknown'}">${t(req, me.marketingConsent === 'in' ? 'marketingIn' : me.marketingConsent === 'out' ? 'marketingOut' : 'marketingUnknown')}</p>
<form method="post" action="/account/marketing">${csrf(req)}${
          me.marketingConsent === 'in'
            ? `<button type="submit" name="consent" value="out">${t(req, 'marketingOptOut')}</button>`
            : `<button type="submit" name="consent" value="in">${t(req, 'marketingOptIn')}</button>`
        }${me.marketingConsent === null ? `<button type="submit" name="consent" value="out">${t(req, 'marketingOptOut')}</button>` : ''}</form>
<form method="post" action="/account/logout">${csrf(req)}<button type="submit">${t(req, 'logout')}</button></form>`,
      )
    } catch (error) {
      next(error)
    }
  })

  const confirmForm = async (req: Request, secret: string, otpauthUrl: string, error = '') =>
    `<h1>${t(req, 'enable2fa')}</h1><p>${t(req, 'scan')}</p>
<img alt="QR" src="${await QRCode.toDataURL(otpauthUrl)}" width="200" height="200"><p><code data-secret>${escapeHtml(secret)}</code></p>
<form method="post" action="/account/2fa/confirm">${csrf(req)}${field(req, 'code', 'code', 'text', '', error)}<button type="submit">${t(req, 'confirm2fa')}</button></form>`

  router.post('/2fa/start', signedIn, async (req, res, next) => {
    try {
      const { secret, otpauthUrl } = await accounts.enableTwoFactor(
        req.session.clientId as number,
        req.session.impersonation,
      )
      render(req, res, '2fa', await confirmForm(req, secret, otpauthUrl))
    } catch (error) {
      if (error instanceof AccountRefused)
        return redirectWith(req, res, '/account', pluginMessage(lang(req), `accounts.${error.reason}`))
      next(error)
    }
  })
  router.post('/2fa/confirm', signedIn, async (req, res, next) => {
    try {
      const { recoveryCodes } = await accounts.confirmTwoFactor({
        clientId: req.session.clientId as number,
        code: req.body.code,
        ip: ip(req),
        impersonation: req.session.impersonation,
      })
      render(
        req,
        res,
        'recovery',
        `<h1>${t(req, 'recoveryTitle')}</h1><p>${t(req, 'recoveryIntro')}</p><ul data-recovery-codes>${recoveryCodes.map((c) => `<li><code>${escapeHtml(c)}</code></li>`).join('')}</ul><p><a href="/account">${t(req, 'back')}</a></p>`,
      )
    } catch (error) {
      if (error instanceof InvalidInputError) {
        // Show the same secret again: the app already has it.
        const pending = await accounts.pendingTwoFactor(req.session.clientId as number)
        if (pending) {
          res.status(422)
          return render(
            req,
            res,
            '2fa',
            await confirmForm(req, pending.secret, pending.otpauthUrl, fieldErrors(req, error).code),
          )
        }
      }
      if (error instanceof AccountRefused || error instanceof InvalidInputError) {
        return redirectWith(
          req,
          res,
          '/account',
          error instanceof AccountRefused
            ? pluginMessage(lang(req), `accounts.${error.reason}`)
            : t(req, 'badRequest'),
        )
      }
      next(error)
    }
  })
  /** A change of the account (from its page), then back to it with the success message or why not. */
  const change =
    (work: (req: Request) => Promise<unknown>, done: ClientAreaText): RequestHandler =>
    async (req, res, next) => {
      try {
        await work(req)
        redirectWith(req, res, '/account', t(req, done))
      } catch (error) {
        if (error instanceof InvalidInputError) {
          return redirectWith(req, res, '/account', Object.values(fieldErrors(req, error)).join(' '))
        }
        if (error instanceof AccountRefused)
          return redirectWith(req, res, '/account', pluginMessage(lang(req), `accounts.${error.reason}`))
        next(error)
      }
    }
  router.post(
    '/2fa/disable',
    signedIn,
    change(
      (req) =>
        accounts.disableTwoFactor({
          clientId: req.session.clientId as number,
          password: req.body.password,
          code: req.body.code,
          ip: ip(req),
          impersonation: req.session.impersonation,
        }),
      'twoFactorDisabled',
    ),
  )
  router.get('/2fa/start', signedIn, (_req, res) => res.redirect(303, '/account'))

  router.post(
    '/password',
    signedIn,
    change(
      (req) =>
        accounts.changePassword({
          clientId: req.session.clientId as number,
          currentPassword: req.body.currentPassword,
          password: req.body.password,
          passwordConfirmation: req.body.passwordConfirmation,
          ip: ip(req),
          impersonation: req.session.impersonation,
        }),
      'passwordChanged',
    ),
  )

  // The marketing consent, given or withdrawn by the client (source `client_area`).
  router.post(
    '/marketing',
    signedIn,
    change(
      (req) =>
        accounts.changeMarketingConsent({
          clientId: req.session.clientId as number,
          consent: req.body.consent,
          ip: ip(req),
          impersonation: req.session.impersonation,
        }),
      'marketingSaved',
    ),
  )
}
