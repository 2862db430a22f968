// Your client area on top of `clients.accounts` (see mount-in-express.ts for `clients`).
import express from 'express'
import session from 'express-session'
import {
  AccountRefused,
  InvalidInputError,
  sessionCookie,
  translateMessage,
  type ClientManagement,
  type ImpersonationMark,
} from 'adminjs-clients'

declare module 'express-session' {
  interface SessionData {
    clientId?: number
    /** What the login (or startImpersonation) gave: checked on every request by `sessionAccount`. */
    sessionGeneration?: number
    /** Set while an admin is logged in as the client: `{ id, admin }`, and the banner's name and end. */
    impersonation?: ImpersonationMark & { clientName: string; expiresAt: number }
  }
}

// `store`: sessions in your database or Redis, shared by every instance, e.g. connect-typeorm's
// `new TypeormStore().connect(dataSource.getRepository(YourSession))`; never the default MemoryStore.
export function clientArea(clients: ClientManagement, store: session.Store) {
  const router = express.Router()
  router.use(express.json())
  router.use(
    session({
      store,
      secret: process.env.SESSION_SECRET as string,
      resave: false,
      saveUninitialized: false,
      cookie: sessionCookie(),
    }),
  )
  // A session ends with the account: banned, suspended, deleted, anonymised, removed, a password set
  // by an admin or a reset link, 2FA removed (on any instance: it is read from the database).
  router.use(async (req, res, next) => {
    const { clientId, sessionGeneration, impersonation } = req.session
    if (clientId === undefined) return next()
    try {
      if (await clients.accounts.sessionAccount({ clientId, sessionGeneration })) return next()
      if (impersonation) await clients.accounts.endImpersonation(impersonation, req.ip)
      req.session.destroy(() => res.redirect('/login'))
    } catch (error) {
      next(error)
    }
  })
  // An admin's login as the client ends with its time (option impersonation.maxMinutes, 1 h).
  router.use(async (req, res, next) => {
    const mark = req.session.impersonation
    if (!mark || Date.now() < mark.expiresAt) return next()
    try {
      await clients.accounts.endImpersonation(mark, req.ip)
      req.session.destroy(() => res.redirect('/login'))
    } catch (error) {
      next(error)
    }
  })

  router.post('/register', async (req, res, next) => {
    try {
      // A taken address answers the same (its owner gets an email): never tell the visitor.
      const { confirmationSent } = await clients.accounts.register({ ...req.body, ip: req.ip })
      res.status(201).json({ confirmationSent }) // true: follow the emailed link
    } catch (error) {
      if (error instanceof InvalidInputError) return res.status(422).json({ errors: error.fields })
      if (error instanceof AccountRefused) return res.status(429).json({ error: error.reason })
      next(error) // Express 4 does not catch a rejected promise
    }
  })

  // The link of the confirmation email: links.confirmEmail points here.
  router.get('/confirm', async (req, res, next) => {
    try {
      await clients.accounts.confirmEmail(String(req.query.token), req.ip, req.session.impersonation)
      res.redirect('/login?confirmed=1')
    } catch (error) {
      if (error instanceof AccountRefused)
        return res.status(400).send(translateMessage('fr', `accounts.${error.reason}`))
      next(error) // Express 4 does not catch a rejected promise
    }
  })

  // A new session id at login (and at an admin's login as the client): no fixation.
  const newSession = (req: express.Request) =>
    new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())))

  router.post('/login', async (req, res, next) => {
    try {
      const result = await clients.accounts.authenticate({ ...req.body, ip: req.ip }) // { email, password, totp? }
      if (!result.ok) {
        // invalidCredentials, throttled (with retryAfter), unconfirmed, suspended, banned, deleted, totpRequired, invalidTotp
        return res
          .status(result.reason === 'throttled' ? 429 : 401)
          .json({ reason: result.reason, message: translateMessage('fr', `accounts.${result.reason}`) })
      }
      await newSession(req)
      req.session.clientId = result.client.id
      req.session.sessionGeneration = result.sessionGeneration
      // Its id, so that the plugin has it destroyed when the account closes (option `sessions`).
      await clients.accounts.registerSession(result.client.id, req.sessionID)
      res.json(result.client) // id, clientNumber, names, email, locale, status, twoFactorEnabled: no secret
    } catch (error) {
      next(error)
    }
  })

  router.post('/forgot', async (req, res, next) => {
    try {
      // The same answer for any address; asked while impersonating, it is recorded under the admin.
      await clients.accounts.requestPasswordReset(req.body.email, req.ip, req.session.impersonation)
      res.status(202).end()
    } catch (error) {
      if (error instanceof AccountRefused) return res.status(429).json({ reason: error.reason }) // rateLimited
      next(error)
    }
  })

  router.post('/reset', async (req, res, next) => {
    try {
      // { token, password, passwordConfirmation }; every session of the client ends with it.
      const { token, password, passwordConfirmation } = req.body
      const { impersonation } = req.session // an admin logged in as a client may not: `impersonating`
      await clients.accounts.resetPassword({
        token,
        password,
        passwordConfirmation,
        ip: req.ip,
        impersonation,
      })
      res.status(204).end()
    } catch (error) {
      if (error instanceof InvalidInputError) return res.status(422).json({ errors: error.fields })
      if (error instanceof AccountRefused) return res.status(400).json({ reason: error.reason })
      next(error) // Express 4 does not catch a rejected promise
    }
  })

  // 2FA: start (a secret and an otpauth:// URL to show as a QR code), confirm with a first code
  // (the 10 recovery codes come back once), disable with the password and a code.
  // Hand every account call the impersonation mark: the password, email and 2FA are then refused.
  router.post('/2fa/start', async (req, res) => {
    const { clientId, impersonation } = req.session
    res.json(await clients.accounts.enableTwoFactor(clientId as number, impersonation))
  })
  router.post('/2fa/confirm', async (req, res) => {
    const { recoveryCodes } = await clients.accounts.confirmTwoFactor({
      clientId: req.session.clientId as number,
      code: req.body.code,
      ip: req.ip,
      impersonation: req.session.impersonation,
    })
    res.json({ recoveryCodes })
  })

  // "Log in as this client" from the panel: links.impersonate points here (opened in a new tab).
  router.get('/impersonate', async (req, res, next) => {
    try {
      const { id, admin, client, expiresAt, sessionGeneration } = await clients.accounts.startImpersonation(
        req.query.token,
        req.ip,
      )
      await newSession(req)
      req.session.clientId = client.id
      req.session.sessionGeneration = sessionGeneration
      await clients.accounts.registerSession(client.id, req.sessionID) // it holds the client's name
      const clientName = `${client.firstName ?? ''} ${client.lastName}`.trim()
      req.session.impersonation = { id, admin, clientName, expiresAt: expiresAt.getTime() } // banner while set
      res.redirect('/account')
    } catch (error) {
      if (error instanceof AccountRefused) return res.status(400).send(error.reason) // tokenInvalid, tokenExpired, accountClosed
      next(error)
    }
  })
  // Back to the panel (call it on logout too): `impersonation_ended` in the history.
  router.post('/impersonate/end', async (req, res, next) => {
    try {
      await clients.accounts.endImpersonation(req.session.impersonation, req.ip)
      req.session.destroy(() => res.redirect('/admin'))
    } catch (error) {
      next(error)
    }
  })
  return router
}
