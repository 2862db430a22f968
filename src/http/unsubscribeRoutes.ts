import express, { type Request, type Response, type Router } from 'express'
import { asyncHandler } from './asyncRoutes.js'

/** The page an unsubscribe request answers with, in the client's language. */
export interface UnsubscribePage {
  status: number
  language: string
  title: string
  body: string
  /** GET on a valid link: the button that posts the opt-out. */
  button?: string
}

/** What the route asks the campaigns service (`clients.campaigns.unsubscribePage`). */
export type UnsubscribeHandler = (
  token: unknown,
  request: { method: 'GET' | 'POST'; ip: string | null },
) => Promise<UnsubscribePage>

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

function page(res: Response, answer: UnsubscribePage, token: string | null) {
  const form =
    answer.button && token
      ? `<form method="post" action="?token=${encodeURIComponent(token)}"><button type="submit">${escape(answer.button)}</button></form>`
      : ''
  res
    .status(answer.status)
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'no-referrer')
    .type('html')
    .send(
      `<!doctype html><html lang="${escape(answer.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(answer.title)}</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${escape(answer.title)}</h1><p>${escape(answer.body)}</p>${form}</body></html>`,
    )
}

const tokenOf = (req: Request): string | null => {
  const fromQuery = req.query.token
  const fromBody = (req.body as Record<string, unknown> | undefined)?.token
  const token = typeof fromQuery === 'string' ? fromQuery : typeof fromBody === 'string' ? fromBody : null
  return token && token.length <= 200 ? token : null
}

/**
 * The unsubscribe link of campaign emails, for the host to mount where `campaigns.unsubscribeUrl`
 * points: `GET ?token=…` shows a page with a confirm button (a link opened by a mail scanner
 * changes nothing), `POST ?token=…` records the opt-out (the page's button, or a mail client's
 * one-click `List-Unsubscribe=One-Click`, RFC 8058). A forged, altered or another client's token
 * gets a plain "this link is not valid" (400), a repeated one "already unsubscribed"; never a 500:
 * a database away answers 503.
 */
export function unsubscribeRoutes(handler: UnsubscribeHandler): Router {
  const router = express.Router()
  router.use(express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 }))
  const answer = (method: 'GET' | 'POST') =>
    asyncHandler(async (req, res) => {
      const token = tokenOf(req)
      try {
        page(res, await handler(token, { method, ip: req.ip ?? null }), token)
      } catch {
        res
          .status(503)
          .set('Retry-After', '30')
          .type('text')
          .send('Service unavailable: try again in a moment.')
      }
    })
  router.get('/', answer('GET'))
  router.post('/', answer('POST'))
  // A body that cannot be read: the same plain refusal.
  router.use((_error: unknown, _req: Request, res: Response, _next: unknown) => {
    void _next
    res.status(400).type('text').send('Bad request.')
  })
  return router
}
