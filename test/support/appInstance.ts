// One app instance in a child process, as a host runs several behind a load balancer: the full
// demo panel (plugin + host resources + DB session store) on DATABASE_URL, listening on
// 127.0.0.1:PORT. Prints `ready <port>` once it serves, `stats <json>` when it stops.
//
//   DATABASE_URL    mysql://… (required)     PORT            0 for any free port (default 0)
//   SESSION_SECRET  shared by every instance  PANEL_ORIGINS   the load balancer's origin(s)
//   DEMO_PASSWORD   the seeded admins'        MIGRATE         0: the schema is already there
//   INSTANCE_MAX_MS stops by itself after this long (default 10 min), or when stdin closes
//
// Test-only route: GET /__test/stats answers this process's transaction counters (retries, "try again").
import express from 'express'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { createDemoApp } from '../../demo/app.js'
import { createDemoDataSource, prepareSchema } from '../../demo/dataSource.js'
import { createDemoMailer } from '../../demo/mailTransport.js'
import { seedAdmins } from '../../demo/seed.js'
import { transactionStats } from '../../src/index.js'

const env = process.env
if (!env.DATABASE_URL) throw new Error('appInstance: DATABASE_URL is required')
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-instance-'))
const dataSource = await createDemoDataSource({ databaseUrl: env.DATABASE_URL, dataDir })
await dataSource.initialize()
if (env.MIGRATE !== '0') await prepareSchema(dataSource)

const { app, clients } = createDemoApp({
  dataSource,
  mailer: createDemoMailer({ smtpUrl: env.SMTP_URL, dataDir }),
  sessionSecret: env.SESSION_SECRET ?? 'instance-session-secret-instance-session-secret',
  origins: env.PANEL_ORIGINS?.split(',').filter(Boolean),
  loginAttempts: 1000,
})
// Instances started together may both find no admin: the second insert meets the first's unique email.
await seedAdmins(dataSource, clients.passwordHasher, env.DEMO_PASSWORD ?? 'test-password-1').catch(
  (error) => {
    if ((error as { code?: string }).code !== 'ER_DUP_ENTRY') throw error
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

let stopping = false
const stop = async (code: number) => {
  if (stopping) return
  stopping = true
  process.stdout.write(`stats ${JSON.stringify(transactionStats())}\n`)
  server.close()
  server.closeAllConnections()
  await dataSource.destroy().catch(() => undefined)
  await rm(dataDir, { recursive: true, force: true })
  process.exit(code)
}
process.on('SIGTERM', () => void stop(0))
process.on('SIGINT', () => void stop(0))
// The parent went away (its end of our stdin closed): so do we.
process.stdin.on('end', () => void stop(0))
process.stdin.resume()
setTimeout(() => void stop(1), Number(env.INSTANCE_MAX_MS ?? 600_000)).unref()
