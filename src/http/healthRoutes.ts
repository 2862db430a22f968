import express, { type Router } from 'express'
import type { DataSource } from 'typeorm'
import { asyncHandler } from './asyncRoutes.js'
import type { ErrorLogger } from './errorHandler.js'

/** A readiness check: resolves when the part it checks can serve, rejects (or throws) when not. */
export type ReadinessCheck = () => Promise<unknown> | unknown

export interface HealthRoutesOptions {
  dataSource: DataSource
  /** Where the routes answer; default `/health` (`/health/live`, `/health/ready`). */
  path?: string
  /** How long the database has to answer `SELECT 1` (and each extra check to resolve). Default 2000 ms. */
  timeoutMs?: number
  /**
   * More checks for `/health/ready`, by name (a components bundle built, a cache reached…): the
   * instance is ready when every one resolves in time.
   */
  checks?: Record<string, ReadinessCheck>
  /** Where a failed check is logged (default `console`). */
  logger?: ErrorLogger
}

class CheckTimeout extends Error {}

/** `check()` within `ms`; the timer never outlives the answer, and a late rejection is handled. */
async function within(ms: number, check: ReadinessCheck): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      Promise.resolve().then(check),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The routes a load balancer or an orchestrator polls, for the host to mount before any session
 * or login (`app.use(healthRoutes({ dataSource }))`):
 * - `GET /health/live`: 200 while the process answers at all (restart it when this fails);
 * - `GET /health/ready`: 200 when the database answers `SELECT 1` within `timeoutMs`, no
 *   migration is pending and every extra check passes; else 503 (send it no traffic meanwhile).
 * The answer names the checks and whether each passed, never an error's text (that is logged).
 * Migrations are read until they are once seen up to date, then taken as such for the process.
 */
export function healthRoutes(options: HealthRoutesOptions): Router {
  const { dataSource, timeoutMs = 2000, logger = console } = options
  const base = (options.path ?? '/health').replace(/\/$/, '')
  let migrationsDone = false
  const checks: Record<string, ReadinessCheck> = {
    database: () => dataSource.query('SELECT 1'),
    migrations: async () => {
      if (migrationsDone || dataSource.migrations.length === 0) return
      if (await dataSource.showMigrations()) throw new Error('a migration is pending')
      migrationsDone = true
    },
    ...options.checks,
  }
  const router = express.Router()
  router.get(`${base}/live`, (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'live' })
  })
  router.get(
    `${base}/ready`,
    asyncHandler(async (_req, res) => {
      const names = Object.keys(checks)
      // Each check on its own: the database's failure says nothing of the others.
      const passed = await Promise.all(
        names.map((name) =>
          within(timeoutMs, checks[name]).then(
            () => true,
            (error: unknown) => {
              logger.error(`adminjs-clients: readiness check ${name} failed`, {
                error: error instanceof Error ? error.message : String(error),
              })
              return false
            },
          ),
        ),
      )
      const ready = passed.every(Boolean)
      res
        .status(ready ? 200 : 503)
        .set('Cache-Control', 'no-store')
        .json({
          status: ready ? 'ready' : 'unavailable',
          checks: Object.fromEntries(names.map((name, i) => [name, passed[i] ? 'ok' : 'failed'])),
        })
    }),
  )
  return router
}
