import type { Request, Response } from 'express'

/** Answers a refused request: AdminJS's notice shape for its API, a short text page otherwise. */
export function refuse(req: Request, res: Response, status: number, message: string): void {
  if (res.headersSent) return
  res.status(status).set('Cache-Control', 'no-store')
  if (req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
    res.json({ notice: { message, type: 'error' } })
  } else {
    res.type('text/plain').send(`${status} ${message}`)
  }
}
