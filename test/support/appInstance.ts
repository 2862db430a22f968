// One app instance in a process of its own, as a host runs several behind a load balancer: the
// full demo (panel, client area, DB session store) with its workers (import jobs, mail outbox),
// listening on 127.0.0.1. Tests start it through `startInstance` (instances.ts) and may kill -9 it.
//
// Environment:
//   DATABASE_URL    mysql://… or mariadb://…; or
//   DATA_DIR        the folder of the SQLite file demo.sqlite (one of the two is required)
//   MIGRATE         0: the schema is already there (two instances never migrate or synchronize at once)
//   PORT            0 (default) for any free port
//   SESSION_SECRET  shared by every instance, so a session opened on one is valid on the others
//   PANEL_ORIGINS   the load balancer's origin(s), comma-separated, for the same-origin check
//   DEMO_PASSWORD   the seeded admins' password (seeded when there is no admin yet)
//   SMTP_URL        where the outbox sends; none: the demo's file transport in a temporary folder
//   OUTBOX_WORKER   separate: no delivery worker in this process
//   JOBS_WORKER     0: no import job worker in this process
//   JOBS_LEASE_MS, JOBS_HEARTBEAT_MS, JOBS_POLL_MS   the job worker's lease, heartbeat and poll
//   OUTBOX_LEASE_MS, OUTBOX_POLL_MS   the delivery worker's lease and poll
//   OUTBOX_CONCURRENCY, OUTBOX_BATCH  the emails it sends at once and claims at a time
//   CAMPAIGN_WORKER 1: the campaign worker runs in this process (CAMPAIGN_POLL_MS its poll,
//                      CAMPAIGN_THROTTLE_WINDOW_MS its throttle's window)
//   INSTANCE_MAX_MS exits by itself after this long (default 10 min), or when its stdin closes
//
// Prints `ready <port>` once it serves and `stats <json>` when it stops; SIGTERM/SIGINT stop it
// gracefully (the job worker gives its job back to the queue). Test-only route: GET /__test/stats
// answers this process's transaction counters (retries, "try again").
import express from 'express'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { createDemoApp } from '../../demo/app.js'
import { createDemoDataSource, prepareSchema } from '../../demo/dataSource.js'
import { createDemoMailer } from '../../demo/mailTransport.js'
import { logUnhandledRejections } from '../../demo/processGuards.js'
import { seedAdmins } from '../../demo/seed.js'
import { transactionStats } from '../../src/index.js'

// As the demo: a rejection nobody handled is logged (tests count the lines), never an exit.
logUnhandledRejections('instance')
const env = process.env
const number = (name: string) => (env[name] ? Number(env[name]) : undefined)
if (!env.DATABASE_URL && !env.DATA_DIR) throw new Error('appInstance: DATABASE_URL or DATA_DIR is required')
// The mail transport's folder (and nothing else) when the database is a server.
const tmpDir = env.DATA_DIR ? null : await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-instance-'))
const dataDir = env.DATA_DIR ?? (tmpDir as string)

const dataSource = await createDemoDataSource({ databaseUrl: env.DATABASE_URL || undefined, dataDir })
if (env.MIGRATE === '0') dataSource.setOptions({ synchronize: false })
await dataSource.initialize()
if (env.MIGRATE !== '0') await prepareSchema(dataSource)

const { app, clients } = createDemoApp({
  dataSource,
  mailer: createDemoMailer({ smtpUrl: env.SMTP_URL || undefined, dataDir }),
  sessionSecret: env.SESSION_SECRET ?? 'instance-session-secret-instance-session-secret',
  origins: env.PANEL_ORIGINS?.split(',').filter(Boolean),
  loginAttempts: 1000,
  outbox: {
    worker: env.OUTBOX_WORKER === 'separate' ? 'separate' : 'in-process',
    // Only those set: an undefined one would stand over its default.
    ...(env.OUTBOX_LEASE_MS ? { leaseMs: number('OUTBOX_LEASE_MS') } : {}),
    ...(env.OUTBOX_POLL_MS ? { pollIntervalMs: number('OUTBOX_POLL_MS') } : {}),
    ...(env.OUTBOX_CONCURRENCY ? { concurrency: number('OUTBOX_CONCURRENCY') } : {}),
    ...(env.OUTBOX_BATCH ? { batchSize: number('OUTBOX_BATCH') } : {}),
  },
  campaigns: { pollMs: number('CAMPAIGN_POLL_MS'), throttleWindowMs: number('CAMPAIGN_THROTTLE_WINDOW_MS') },
  jobs: {
    leaseMs: number('JOBS_LEASE_MS'),
    heartbeatMs: number('JOBS_HEARTBEAT_MS'),
    pollMs: number('JOBS_POLL_MS'),
    worker: env.JOBS_WORKER === '0' ? 'separate' : 'in-process',
  },
})
// Instances started together may both find no admin: the second insert meets the first's unique email.
await seedAdmins(dataSource, clients.passwordHasher, env.DEMO_PASSWORD ?? 'test-password-1').catch(
  (error: { code?: string }) => {
    if (error.code !== 'ER_DUP_ENTRY' && error.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error
  },
)

const outer = express()
outer.get('/__test/stats', (_req, res) => {
  res.json({ pid: process.pid, ...transactionStats() })
})
outer.use(app)
const server = outer.listen(Number(env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`)
})
clients.outbox.start()
clients.jobs.start()
if (env.CAMPAIGN_WORKER === '1') clients.campaignRunner.start()

let stopping = false
const stop = async (code: number) => {
  if (stopping) return
  stopping = true
  process.stdout.write(`stats ${JSON.stringify(transactionStats())}\n`)
  server.close()
  server.closeAllConnections()
  await Promise.all([clients.jobs.stop(), clients.outbox.stop(), clients.campaignRunner.stop()]).catch(
    () => undefined,
  )
  await dataSource.destroy().catch(() => undefined)
  if (tmpDir) await rm(tmpDir, { recursive: true, force: true })
  process.exit(code)
}
process.on('SIGTERM', () => void stop(0))
process.on('SIGINT', () => void stop(0))
// The parent went away (its end of our stdin closed): so do we.
process.stdin.on('end', () => void stop(0))
process.stdin.resume()
setTimeout(() => void stop(1), number('INSTANCE_MAX_MS') ?? 600_000).unref()
