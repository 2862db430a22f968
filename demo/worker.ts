// The workers alone, without the panel: `npm run worker`, next to a demo started with
// OUTBOX_WORKER=separate and/or IMPORT_WORKER=separate (or next to any number of demo instances
// on one DATABASE_URL). It sends the outbox's emails and runs the import jobs.
import { createDemoApp } from './app.js'
import { demoConfigOrExit, sessionSecret } from './config.js'
import { createDemoDataSource, prepareSchema } from './dataSource.js'
import { createDemoMailer } from './mailTransport.js'
import { logUnhandledRejections, stopGracefully } from './processGuards.js'

logUnhandledRejections('worker')
const config = demoConfigOrExit()
const dataSource = await createDemoDataSource(config)
await dataSource.initialize()
await prepareSchema(dataSource)
const mailer = createDemoMailer({ ...config, leaseMs: config.outbox.leaseMs })
const { clients } = createDemoApp({
  dataSource,
  mailer,
  sessionSecret: await sessionSecret(config.dataDir),
  publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${config.port}`,
  // This process is the worker, whatever the web processes are told.
  outbox: { ...config.outbox, worker: 'in-process' },
  jobs: { ...config.jobs, worker: 'in-process' },
})
clients.outbox.start()
clients.jobs.start()
console.log(
  `adminjs-clients worker ${clients.outbox.workerId} started (emails, import jobs); mail: ${mailer.describe}`,
)

// Graceful: claims nothing more, gives back what it claimed and did not start, lets the emails on
// the wire and the import chunk being written finish (within 15 s), then closes the database.
stopGracefully({
  close: async () => {
    await Promise.all([clients.outbox.stop({ timeoutMs: 15_000 }), clients.jobs.stop({ timeoutMs: 15_000 })])
    await dataSource.destroy()
  },
})
