// The mail outbox's worker alone, without the panel: `npm run worker`, next to a demo started
// with OUTBOX_WORKER=separate (or next to any number of demo instances on one DATABASE_URL).
import { createDemoApp } from './app.js'
import { readDemoConfig, sessionSecret } from './config.js'
import { createDemoDataSource, prepareSchema } from './dataSource.js'
import { createDemoMailer } from './mailTransport.js'
import { logUnhandledRejections, stopGracefully } from './processGuards.js'

logUnhandledRejections('worker')
const config = readDemoConfig()
const dataSource = await createDemoDataSource(config)
await dataSource.initialize()
await prepareSchema(dataSource)
const mailer = createDemoMailer(config)
const { clients } = createDemoApp({
  dataSource,
  mailer,
  sessionSecret: await sessionSecret(config.dataDir),
  publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${config.port}`,
  outbox: { worker: 'in-process' },
})
clients.outbox.start()
console.log(`adminjs-clients mail worker ${clients.outbox.workerId} started; mail: ${mailer.describe}`)

// Graceful: stops claiming, waits for the emails being sent to be recorded.
stopGracefully({
  close: async () => {
    await clients.outbox.stop()
    await dataSource.destroy()
  },
})
