// Your client area on top of `clients.accounts` (see mount-in-express.ts for `clients`).
import express from 'express'
import session from 'express-session'
import {
  AccountRefused,
  InvalidInputError,
  sessionCookie,
  translateMessage,
  type ClientManagement,
} from 'adminjs-clients'

declare module 'express-session' {
  interface SessionData {
    clientId?: number
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
      await clients.accounts.confirmEmail(String(req.query.token), req.ip)
      res.redirect('/login?confirmed=1')
    } catch (error) {
      if (error instanceof AccountRefused)
        return res.status(400).send(translateMessage('fr', `accounts.${error.reason}`))
      next(error) // Express 4 does not catch a rejected promise
    }
  })

  router.post('/login', async (req, res) => {
    const result = await clients.accounts.authenticate({ ...req.body, ip: req.ip }) // { email, password, totp? }
    if (!result.ok) {
      // invalidCredentials, throttled (with retryAfter), unconfirmed, suspended, banned, deleted, totpRequired, invalidTotp
      return res
        .status(result.reason === 'throttled' ? 429 : 401)
        .json({ reason: result.reason, message: translateMessage('fr', `accounts.${result.reason}`) })
    }
    req.session.regenerate(() => {
      req.session.clientId = result.client.id
      res.json(result.client) // id, clientNumber, names, email, locale, status, twoFactorEnabled: no secret
    })
  })

  router.post('/forgot', async (req, res, next) => {
    try {
      await clients.accounts.requestPasswordReset(req.body.email, req.ip) // the same answer for any address
      res.status(202).end()
    } catch (error) {
      if (error instanceof AccountRefused) return res.status(429).json({ reason: error.reason }) // rateLimited
      next(error)
    }
  })

  router.post('/reset', async (req, res, next) => {
    try {
      await clients.accounts.resetPassword({ ...req.body, ip: req.ip }) // { token, password, passwordConfirmation }
      res.status(204).end()
    } catch (error) {
      if (error instanceof InvalidInputError) return res.status(422).json({ errors: error.fields })
      if (error instanceof AccountRefused) return res.status(400).json({ reason: error.reason })
      next(error) // Express 4 does not catch a rejected promise
    }
  })

  // 2FA: start (a secret and an otpauth:// URL to show as a QR code), confirm with a first code
  // (the 10 recovery codes come back once), disable with the password and a code.
  router.post('/2fa/start', async (req, res) => {
    res.json(await clients.accounts.enableTwoFactor(req.session.clientId as number))
  })
  router.post('/2fa/confirm', async (req, res) => {
    const { recoveryCodes } = await clients.accounts.confirmTwoFactor({
      clientId: req.session.clientId as number,
      code: req.body.code,
      ip: req.ip,
    })
    res.json({ recoveryCodes })
  })
  return router
}
