import express, { type Request, type RequestHandler, type Response, type Router } from 'express'
import QRCode from 'qrcode'
import {
  AccountRefused,
  InvalidInputError,
  translateMessage,
  type ClientManagement,
  type Language,
} from '../src/index.js'
import { ClientAreaGuard } from './clientAreaGuard.js'
import { CLIENT_AREA_TEXTS, type ClientAreaText } from './clientAreaTexts.js'

declare module 'express-session' {
  interface SessionData {
    clientId?: number
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The client area's language for this request. */
    accountLang?: Language
  }
}

const escape = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The plugin's own translation of a message key (refusals, field errors), as a host would use it. */
const pluginMessage = (lang: Language, key: string): string => translateMessage(lang, key)

const fill = (text: string, values: Record<string, unknown> = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => escape(values[name]))

/**
 * The demo's client area at /account, built only on `clients.accounts`: register, confirm the
 * email, log in (with 2FA), turn 2FA on and off, reset a forgotten password. Server-rendered
 * forms, French or English. An anonymous visitor gets no session (no row per visit): the CSRF
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
  // A form posted from another site, or without this browser's token, is refused before any
  // work, and the answer sets no cookie: the victim's session stays as it was.
  router.post(/.*/, (req, res, next) => {
    if (!guard.crossSite(req) && guard.csrfValid(req)) return next()
    res.status(403)
    render(
      req,
      res,
      'refused',
      `<p class="error">${escape(t(req, 'badRequest'))}</p><p><a href="/account/login">${t(req, 'login')}</a></p>`,
    )
  })

  const lang = (req: Request): Language => req.accountLang ?? 'fr'
  const t = (req: Request, key: ClientAreaText, values?: Record<string, unknown>) =>
    fill(CLIENT_AREA_TEXTS[lang(req)][key], values)
  const ip = (req: Request) => req.ip ?? null
  const csrf = (req: Request) => `<input type="hidden" name="_csrf" value="${escape(guard.csrfToken(req))}">`
  const field = (
    req: Request,
    name: string,
    label: ClientAreaText,
    type = 'text',
    value = '',
    error?: string,
  ) =>
    `<label>${t(req, label)}<input name="${name}" type="${type}" value="${escape(value)}"${
      type === 'password' ? ' autocomplete="off"' : ''
    }></label>${error ? `<p class="error" data-error="${name}">${escape(error)}</p>` : ''}`
  const fieldErrors = (req: Request, error: unknown): Record<string, string> =>
    error instanceof InvalidInputError
      ? Object.fromEntries(
          Object.entries(error.fields).map(([name, key]) => [name, pluginMessage(lang(req), key)]),
        )
      : {}
  const refusal = (req: Request, reason: string) =>
    `<p class="error" data-refusal="${escape(reason)}">${escape(pluginMessage(lang(req), `accounts.${reason}`))}</p>`

  function render(req: Request, res: Response, page: string, body: string) {
    const other = lang(req) === 'fr' ? 'en' : 'fr'
    const flash = guard.takeFlash(req, res)
    res.type('html').send(`<!doctype html>
<html lang="${lang(req)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${t(req, 'title')}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#0c1e29}
label{display:block;margin:.8rem 0}input,select{display:block;width:100%;padding:.4rem;margin-top:.2rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem;background:#3040d6;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{color:#c20012}.notice{color:#007d7f}nav a{margin-right:1rem}code{background:#f2f2f2;padding:.1rem .3rem}
</style></head>
<body data-page="${page}">
<nav><a href="/account">${t(req, 'title')}</a><a href="?lang=${other}">${t(req, 'otherLanguage')}</a></nav>
${flash ? `<p class="notice" data-flash>${escape(flash)}</p>` : ''}
${body}
</body></html>`)
  }
  const redirectWith = (_req: Request, res: Response, to: string, flash: string) => {
    guard.setFlash(res, flash)
    res.redirect(303, to)
  }
  /** A limit reached: 429, the page again with the plugin's message, and when it lifts. */
  const limited = (req: Request, res: Response, page: string, error: AccountRefused, body: string) => {
    if (error.retryAfter)
      res.setHeader(
        'Retry-After',
        String(Math.max(1, Math.ceil((error.retryAfter.getTime() - Date.now()) / 1000))),
      )
    res.status(429)
    render(req, res, page, refusal(req, error.reason) + body)
  }

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
            ? `<form method="post" action="/account/confirm/resend">${csrf(req)}<input type="hidden" name="email" value="${escape(email)}"><button type="submit">${t(req, 'resendConfirmation')}</button></form>`
            : ''
        if (result.retryAfter) {
          const seconds = Math.ceil((result.retryAfter.getTime() - Date.now()) / 1000)
          res.setHeader('Retry-After', String(Math.max(1, seconds)))
        }
        res.status(result.reason === 'totpRequired' ? 200 : result.reason === 'throttled' ? 429 : 401)
        return render(req, res, 'login', loginForm(req, email, refusal(req, result.reason) + resend, askTotp))
      }
      // A new session id at login (no fixation): the first session row of this visitor.
      await new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())))
      req.session.clientId = result.client.id
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
  router.post('/logout', (req, res) => req.session.destroy(() => res.redirect(303, '/account/login')))

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
      const done = await accounts.confirmEmail(String(req.query.token ?? ''), ip(req))
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
      await accounts.requestConfirmationEmail(req.body.email, ip(req))
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
      await accounts.requestPasswordReset(req.body.email, ip(req))
      redirectWith(req, res, '/account/login', t(req, 'forgotSent'))
    } catch (error) {
      if (!(error instanceof AccountRefused)) return next(error)
      limited(req, res, 'forgot', error, forgotForm(req))
    }
  })
  const resetForm = (req: Request, token: string, extra = '', errors: Record<string, string> = {}) =>
    `<h1>${t(req, 'forgot')}</h1>${extra}<form method="post" action="/account/reset">${csrf(req)}<input type="hidden" name="token" value="${escape(token)}">
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
<form method="post" action="/account/logout">${csrf(req)}<button type="submit">${t(req, 'logout')}</button></form>`,
      )
    } catch (error) {
      next(error)
    }
  })

  const confirmForm = async (req: Request, secret: string, otpauthUrl: string, error = '') =>
    `<h1>${t(req, 'enable2fa')}</h1><p>${t(req, 'scan')}</p>
<img alt="QR" src="${await QRCode.toDataURL(otpauthUrl)}" width="200" height="200"><p><code data-secret>${escape(secret)}</code></p>
<form method="post" action="/account/2fa/confirm">${csrf(req)}${field(req, 'code', 'code', 'text', '', error)}<button type="submit">${t(req, 'confirm2fa')}</button></form>`

  router.post('/2fa/start', signedIn, async (req, res, next) => {
    try {
      const { secret, otpauthUrl } = await accounts.enableTwoFactor(req.session.clientId as number)
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
      })
      render(
        req,
        res,
        'recovery',
        `<h1>${t(req, 'recoveryTitle')}</h1><p>${t(req, 'recoveryIntro')}</p><ul data-recovery-codes>${recoveryCodes.map((c) => `<li><code>${escape(c)}</code></li>`).join('')}</ul><p><a href="/account">${t(req, 'back')}</a></p>`,
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
  router.post('/2fa/disable', signedIn, async (req, res, next) => {
    try {
      await accounts.disableTwoFactor({
        clientId: req.session.clientId as number,
        password: req.body.password,
        code: req.body.code,
        ip: ip(req),
      })
      redirectWith(req, res, '/account', t(req, 'twoFactorDisabled'))
    } catch (error) {
      if (error instanceof InvalidInputError) {
        return redirectWith(req, res, '/account', Object.values(fieldErrors(req, error)).join(' '))
      }
      if (error instanceof AccountRefused)
        return redirectWith(req, res, '/account', pluginMessage(lang(req), `accounts.${error.reason}`))
      next(error)
    }
  })
  router.get('/2fa/start', signedIn, (_req, res) => res.redirect(303, '/account'))
  return router
}
