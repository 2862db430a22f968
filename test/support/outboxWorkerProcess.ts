// The mail outbox's worker alone in a process of its own, for the kill -9 test (run with tsx):
// OUTBOX_DATABASE_URL (MySQL/MariaDB) or OUTBOX_DATA_DIR (the SQLite file's folder),
// OUTBOX_SMTP_URL, OUTBOX_OPTIONS (JSON), OUTBOX_START (see below). Prints "ready" once claiming;
// SIGTERM stops it gracefully.
import nodemailer from 'nodemailer'
import { createDemoDataSource } from '../../demo/dataSource.js'
import { smtpUrlWithTimeouts } from '../../demo/mailTransport.js'
import { mailModule } from './mailModule.js'

const env = process.env
// Never outlives the test that started it by long.
// (10 min: a worker loaded beforehand waits for its turn; the test's own timeout is 15 min.)
setTimeout(() => process.exit(2), 600_000).unref()
const dataSource = await createDemoDataSource({
  databaseUrl: env.OUTBOX_DATABASE_URL || undefined,
  dataDir: env.OUTBOX_DATA_DIR as string,
})
dataSource.setOptions({ synchronize: false })
await dataSource.initialize()
const options = JSON.parse(env.OUTBOX_OPTIONS ?? '{}') as { leaseMs?: number }
// The outbox's timeouts for this lease: no attempt outlives its claim.
const { outbox } = mailModule(
  dataSource,
  nodemailer.createTransport(smtpUrlWithTimeouts(env.OUTBOX_SMTP_URL as string, options.leaseMs)),
  options,
)
// OUTBOX_START=stdin: loaded (tsx, the modules, the database) but idle until a line on stdin, so
// that a test can have the next worker loaded beforehand and start it the moment it needs it.
if (env.OUTBOX_START === 'stdin') {
  process.stdout.write('loaded\n')
  await new Promise((resolve) => process.stdin.once('data', resolve))
}
outbox.start()
process.stdout.write(`ready ${outbox.workerId}\n`)
process.on('SIGTERM', () => {
  void outbox
    .stop()
    .then(() => dataSource.destroy())
    .then(() => process.exit(0))
})
