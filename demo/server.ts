import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import Stripe from 'stripe'
import { bundleReady } from '../src/index.js'
import { createDemoApp } from './app.js'
import { demoConfigOrExit, sessionSecret } from './config.js'
import { createDemoDataSource, prepareSchema } from './dataSource.js'
import { createDemoMailer } from './mailTransport.js'
import { recordBundleSources } from './productionBundle.js'
import { logUnhandledRejections, stopGracefully } from './processGuards.js'
import { DEMO_ADMINS, seedAdmins, seedDemoData } from './seed.js'

const started = Date.now()
logUnhandledRejections('demo')
const config = demoConfigOrExit()
await mkdir(config.dataDir, { recursive: true })

// In development AdminJS serves an existing components bundle as it is: drop it so the first
// page view bundles the components as they are now, not as they were at the last start.
if (process.env.NODE_ENV !== 'production') {
  await rm(path.join(process.env.ADMIN_JS_TMP_DIR ?? '.adminjs', 'bundle.js'), { force: true })
}

const dataSource = await createDemoDataSource(config)
await dataSource.initialize()
const migrations = await prepareSchema(dataSource)
if (migrations.length > 0) console.log(`Migrations run: ${migrations.join(', ')}`)

const mailer = createDemoMailer({ ...config, leaseMs: config.outbox.leaseMs })
const stripeApi = config.stripeApiUrl ? new URL(config.stripeApiUrl) : null
const stripe = config.stripeSecretKey
  ? new Stripe(config.stripeSecretKey, {
      timeout: 5000,
      ...(stripeApi
        ? {
            host: stripeApi.hostname,
            port: Number(stripeApi.port || (stripeApi.protocol === 'https:' ? 443 : 80)),
            protocol: stripeApi.protocol === 'http:' ? ('http' as const) : ('https' as const),
          }
        : {}),
    })
  : undefined
const { app, admin, clients } = createDemoApp({
  dataSource,
  mailer,
  sessionSecret: await sessionSecret(config.dataDir),
  publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${config.port}`,
  stripe,
  trustProxy: config.trustProxy,
  origins: process.env.PANEL_ORIGINS?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
  outbox: config.outbox,
  jobs: config.jobs,
})

// In production (`npm start`) the panel's pages need the components bundle: built now, once, when
// missing or made from other sources (ADMIN_JS_SKIP_BUNDLE set by demo/start.ts when it is fresh).
if (process.env.NODE_ENV === 'production') {
  const building = process.env.ADMIN_JS_SKIP_BUNDLE !== 'true'
  const bundling = Date.now()
  if (building)
    console.log('Bundling the panel components (minified, once: reused while the sources stay the same)…')
  await bundleReady(admin)
  if (building) {
    recordBundleSources()
    console.log(`Components bundled in ${((Date.now() - bundling) / 1000).toFixed(1)} s.`)
  }
}

const admins = await seedAdmins(dataSource, clients.passwordHasher, config.demoPassword)
const seeded = await seedDemoData(dataSource, clients.passwordHasher)
if (seeded) {
  console.log(
    `Seeded ${seeded.advisors} advisors, ${seeded.clients} clients, ${seeded.contracts} contracts, ` +
      `${seeded.commissions} commissions, ${seeded.events} history entries, ${seeded.emails} emails, ${seeded.notes} notes, ${seeded.invoices} invoices, ${seeded.tickets} tickets.`,
  )
}

const server = app.listen(config.port, config.host, () => {
  const db = config.databaseUrl ? 'MySQL/MariaDB (DATABASE_URL)' : `SQLite in ${config.dataDir}`
  console.log(`
adminjs-clients demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s
  Listening: ${config.host}:${config.port}${config.host === '127.0.0.1' ? ' (this machine only; HOST=0.0.0.0 for every interface)' : ''}
  Panel:     http://localhost:${config.port}/admin
  Clients:   http://localhost:${config.port}/account
  Database:  ${db}
  Mail:      ${mailer.describe}, ${config.outboxWorker === 'separate' ? 'sent by `npm run worker` (OUTBOX_WORKER=separate)' : 'sent by the worker of this process'}
  Stripe:    ${stripe ? (config.stripeApiUrl ?? 'api.stripe.com') : 'not configured (STRIPE_SECRET_KEY)'}
  Log in as: ${DEMO_ADMINS.map((a) => `${a.email} (${a.role})`).join(', ')}
  Password:  ${admins > 0 ? config.demoPassword : 'the one set when the demo was first started (DEMO_PASSWORD, default changeme)'}
`)
})

// The workers run here: the mail outbox's unless OUTBOX_WORKER=separate (then `npm run worker`
// sends), and the import jobs' (any instance takes a queued import, or one a stopped instance held).
clients.outbox.start()
clients.jobs.start()

// Graceful shutdown: no new requests, the current ones finished (keep-alive connections closed);
// the workers claim nothing more, give back at once what they claimed and did not start (another
// instance takes it without waiting for a lease), let the emails on the wire and the import chunk
// being written finish, within 15 s; then the database closed. Within 30 s; a second signal ends
// the process at once.
stopGracefully({
  server,
  close: async () => {
    await Promise.all([clients.outbox.stop({ timeoutMs: 15_000 }), clients.jobs.stop({ timeoutMs: 15_000 })])
    await dataSource.destroy()
  },
})
