import type { Request, Response } from 'express'

/**
 * A page that reloads itself while the database is away (no language is known here: both).
 * Reloading a GET is safe; a form posted meanwhile is not sent again (the browser asks first).
 */
const UNAVAILABLE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>503</title></head><body><p lang="fr">La base de données ne répond pas pour le moment. Cette page se recharge dans quelques secondes.</p>
<p lang="en">The database is not answering right now. This page reloads in a few seconds.</p></body></html>`

/**
 * Answers a refused request: AdminJS's notice shape for its API, a short text page otherwise; a
 * 503 (the database away) says when to try again, and its page reloads itself.
 */
export function refuse(req: Request, res: Response, status: number, message: string): void {
  if (res.headersSent) return
  res.status(status).set('Cache-Control', 'no-store')
  if (status === 503) res.set('Retry-After', '5')
  if (req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
    res.json({ notice: { message, type: 'error' } })
  } else if (status === 503) {
    res.type('html').send(UNAVAILABLE_PAGE)
  } else {
    res.type('text/plain').send(`${status} ${message}`)
  }
}
