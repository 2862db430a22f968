// One app instance in a process of its own, as a host runs several behind a load balancer: the
// demo app (panel, client area) with its import job worker started, listening on 127.0.0.1.
// Tests spawn it with tsx (see `spawnInstance` in instances.ts) and may `kill -9` it.
//
// Environment:
//   DATABASE_URL        mysql://… or mariadb://… (schema already migrated by the parent); or
//   DATA_DIR            the folder holding the SQLite file demo.sqlite (schema already there)
//   PORT                port to listen on, 0 (default) for any free one
//   SESSION_SECRET      shared by every instance, so a session opened on one is valid on the others
//   PANEL_ORIGINS       the panel's origins for the same-origin check (comma-separated)
//   JOBS_LEASE_MS, JOBS_HEARTBEAT_MS, JOBS_POLL_MS   the worker's lease, heartbeat and poll
//   JOBS_WORKER         0: no worker in this instance (the jobs are left to another process)
//   STOP_AFTER_MS       exits by itself after this long (default 10 minutes): never a stray process
//
// Prints `ready <port>` on stdout once it listens; SIGTERM/SIGINT stop it gracefully (the worker
// gives its job back to the queue), like the demo's server.
import { createDemoApp } from '../../demo/app.js'
import { createDemoDataSource } from '../../demo/dataSource.js'
import { createDemoMailer } from '../../demo/mailTransport.js'

const env = process.env
const number = (name: string) => (env[name] ? Number(env[name]) : undefined)
const dataDir = env.DATA_DIR ?? process.cwd()

const dataSource = await createDemoDataSource({ databaseUrl: env.DATABASE_URL || undefined, dataDir })
// The parent made the schema: this instance only connects (two instances never synchronize at once).
if (!env.DATABASE_URL) dataSource.setOptions({ synchronize: false })
await dataSource.initialize()

const { app, clients } = createDemoApp({
  dataSource,
  mailer: createDemoMailer({ smtpUrl: env.SMTP_URL || undefined, dataDir }),
  sessionSecret: env.SESSION_SECRET ?? 'instance-session-secret-instance-session-secret',
  loginAttempts: 1000,
  origins: env.PANEL_ORIGINS?.split(',').filter(Boolean),
  jobs: {
    leaseMs: number('JOBS_LEASE_MS'),
    heartbeatMs: number('JOBS_HEARTBEAT_MS'),
    pollMs: number('JOBS_POLL_MS'),
    worker: env.JOBS_WORKER !== '0',
  },
})
clients.jobs.start()

const server = app.listen(Number(env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : ''}\n`)
})

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  server.close()
  await clients.jobs.stop()
  await dataSource.destroy()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
setTimeout(stop, number('STOP_AFTER_MS') ?? 10 * 60_000).unref()
