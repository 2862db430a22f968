// The mail outbox's worker alone, without the panel: `npm run worker`, next to a demo started
// with OUTBOX_WORKER=separate (or next to any number of demo instances on one DATABASE_URL).
import { createDemoApp } from './app.js'
import { readDemoConfig, sessionSecret } from './config.js'
import { createDemoDataSource, prepareSchema } from './dataSource.js'
import { createDemoMailer } from './mailTransport.js'

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
let stopping = false
const stop = async () => {
  if (stopping) process.exit(1)
  stopping = true
  setTimeout(() => process.exit(1), 30_000).unref()
  await clients.outbox.stop()
  await dataSource.destroy()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
