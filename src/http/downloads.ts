import type AdminJS from 'adminjs'
import { flat, type CurrentAdmin } from 'adminjs'
import express, { type Request, type Response, type Router } from 'express'
import { downloadOf, type DownloadSink } from '../services/core/downloads.js'
import { adminActor, isRecordId } from '../services/core/requestValues.js'
import { InvalidInputError } from '../services/core/errors.js'
import type { ErrorLogger } from './errorHandler.js'
import { refuse } from './refuse.js'
import { servesRouteType } from './adminRoutes.js'
import { resourceWithId } from './resourceById.js'

/** `filename="clients-2026-03-01.csv"`: our own names, ASCII, nothing a header could be broken with. */
const safeName = (name: string) => name.replace(/[^\w.-]/g, '_')

/**
 * The attachment header: the safe ASCII name, and for a name that is not (a client's file,
 * `Relevé.pdf`) the exact one too as RFC 6266's `filename*`, percent-encoded UTF-8.
 */
function dispositionOf(name: string): string {
  const safe = safeName(name)
  if (safe === name) return `attachment; filename="${safe}"`
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${safe}"; filename*=UTF-8''${exact}`
}

/** The response as a sink: headers at `start`, and each write waits while the socket is full. */
export function sinkOf(res: Response): DownloadSink {
  let closed = false
  res.on('close', () => {
    closed = true
  })
  return {
    start(fileName, contentType) {
      res.status(200).set({
        'Content-Type': contentType,
        'Content-Disposition': dispositionOf(fileName),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      res.flushHeaders()
    },
    write(chunk) {
      if (closed) return Promise.reject(new Error('the download was interrupted'))
      return new Promise((resolve, reject) => {
        if (res.write(chunk)) return resolve()
        const done = () => {
          res.off('drain', done)
          res.off('close', done)
          if (closed) reject(new Error('the download was interrupted'))
          else resolve()
        }
        res.on('drain', done)
        res.on('close', done)
      })
    },
  }
}

/**
 * The downloads of the panel (an export of a list, a client's GDPR archive), on the admin router
 * after its login check: `POST /api/resources/:resourceId/download/:action` and
 * `POST /api/resources/:resourceId/records/:recordId/download/:action`. A POST, so the
 * same-origin check in front of the router applies (a download writes an audit entry or an
 * event). The action must exist and offer a download, and its `isAccessible` (the role) must
 * allow this admin; bad input is a 400 notice with the field errors, before anything is sent.
 */
export function downloadRoutes(admin: AdminJS, logger: ErrorLogger = console): Router {
  const router = express.Router()
  const serve = async (req: Request, res: Response) => {
    const { resourceId, recordId, action: actionName } = req.params
    const resource = resourceWithId(admin, resourceId)
    const action = resource ? resource.decorate().actions[actionName] : undefined
    // The action as the resource declared it (AdminJS keeps it on its decorator).
    const declared = (action as unknown as { action?: object } | undefined)?.action
    const download = downloadOf(declared)
    const expected = recordId === undefined ? 'resource' : 'record'
    if (!resource || !action || !download || !servesRouteType(action, expected)) {
      return refuse(req, res, 404, 'routeNotFound')
    }
    if (recordId !== undefined && !isRecordId(recordId)) return refuse(req, res, 404, 'unknownRecord')
    const record = recordId === undefined ? null : await resource.findOne(recordId)
    if (recordId !== undefined && !record) return refuse(req, res, 404, 'unknownRecord')
    const currentAdmin = (req as Request & { session?: { adminUser?: CurrentAdmin } }).session?.adminUser
    if (!action.isAccessible(currentAdmin, record ?? undefined))
      return refuse(req, res, 403, 'forbiddenError')
    const fields = (req as Request & { fields?: Record<string, unknown> }).fields ?? {}
    const params = { ...flat.flatten(req.query ?? {}), ...fields } as Record<string, unknown>
    const actor = adminActor(currentAdmin?.email, req.ip)
    try {
      await download({ params, record, currentAdmin, actor }, sinkOf(res))
      res.end()
    } catch (error) {
      if (error instanceof InvalidInputError && !res.headersSent) {
        const [message] = Object.values(error.fields)
        res.status(400).set('Cache-Control', 'no-store')
        return res.json({ notice: { message, type: 'error' }, errors: error.fields })
      }
      if (!res.headersSent) throw error
      // Headers gone: the file is cut short, and says so by a broken transfer, never a 200 that looks whole.
      logger.error('adminjs-clients: download failed', { path: req.path, error: String(error) })
      res.destroy()
    }
  }
  const handle = (req: Request, res: Response, next: (error?: unknown) => void) => {
    serve(req, res).catch(next)
  }
  router.post('/api/resources/:resourceId/download/:action', handle)
  router.post('/api/resources/:resourceId/records/:recordId/download/:action', handle)
  return router
}
