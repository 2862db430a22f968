import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { In } from 'typeorm'
import { Client, ClientEvent, EmailLog, type OutboxOptions } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { mailModule } from './support/mailModule.js'
import { messageIdOf, startSmtpServer, type ReceivedMail } from './support/smtpServer.js'

const actor = { type: 'admin' as const, email: 'admin@example.com', ip: '127.0.0.1' }

/** Waits until `done()` holds, checking every 50 ms for at most `ms`; fails the test after. */
async function waitUntil(what: string, done: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Prints a measured figure with the test output. */
const report = (line: string) => process.stdout.write(`${line}\n`)

/** How many times each Message-ID was received. */
function receivedById(received: ReceivedMail[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const mail of received) {
    const id = messageIdOf(mail.raw) ?? 'none'
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

const transportTo = (port: number) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })

describeEachDatabase('the mail outbox', (database, kind) => {
  const ds = () => database().dataSource
  let batch = 0
  // Worker processes started by a test: none outlives the file, even after a timeout.
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })

  /** `count` active clients with an address, new for each test. */
  async function activeClients(count: number): Promise<Client[]> {
    batch += 1
    const rows = Array.from({ length: count }, (_, i) =>
      ds().manager.create(Client, {
        lastName: `Outbox${batch}`,
        firstName: `Client${i}`,
        email: `outbox${batch}.client${i}@example.com`,
        status: 'active',
        locale: 'en',
      }),
    )
    return ds().manager.save(rows, { chunk: 50 })
  }

  const emailsOf = (clients: Client[]) =>
    ds()
      .getRepository(EmailLog)
      .find({ where: { clientId: In(clients.map((c) => c.id)) }, order: { id: 'ASC' } })

  test('SMTP server down during a bulk suspend of 200 with notify: 200 queued at once; back up, each delivered once', async () => {
    const received: ReceivedMail[] = []
    const first = await startSmtpServer({ received })
    const port = first.port
    await first.close()
    const options: Partial<OutboxOptions> = {
      backoffBaseMs: 50,
      backoffMaxMs: 400,
      pollIntervalMs: 50,
      maxAttempts: 100,
      batchSize: 50,
    }
    const { lifecycle, outbox } = mailModule(ds(), transportTo(port), options)
    const targets = await activeClients(200)
    outbox.start()
    let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null
    try {
      const started = Date.now()
      const result = await lifecycle.suspend(
        actor,
        targets.map((c) => c.id),
        { reason: 'Audit', notify: 'true' },
      )
      const actionMs = Date.now() - started
      expect(result.changed).toHaveLength(200)
      expect(result.emails).toEqual({ queued: 200, failed: 0, error: null })
      // Committed with the change: 200 rows, one event each, nothing sent.
      const queued = await emailsOf(targets)
      expect(queued).toHaveLength(200)
      expect(queued.filter((e) => e.status === 'sent')).toHaveLength(0)
      expect(
        await ds()
          .getRepository(ClientEvent)
          .countBy({ clientId: In(targets.map((c) => c.id)), type: 'suspended' }),
      ).toBe(200)

      // The worker tries against the closed port and schedules retries.
      await waitUntil(
        'failed attempts against the stopped server',
        async () =>
          (await emailsOf(targets)).some((e) => e.status === 'queued' && e.attempts >= 2 && e.error !== null),
        20_000,
      )
      expect(received).toHaveLength(0)

      smtp = await startSmtpServer({ port, received })
      const restarted = Date.now()
      await waitUntil(
        '200 emails sent',
        async () => (await emailsOf(targets)).every((e) => e.status === 'sent'),
        60_000,
      )
      const deliveryMs = Date.now() - restarted
      const sent = await emailsOf(targets)
      const counts = receivedById(received)
      expect(counts.size).toBe(200)
      expect([...counts.values()].every((n) => n === 1)).toBe(true)
      expect([...counts.keys()].sort()).toEqual(sent.map((e) => e.messageId).sort())
      expect(new Set(received.flatMap((m) => m.to))).toEqual(new Set(targets.map((c) => c.email)))
      const attempts = sent.map((e) => e.attempts)
      report(
        `outbox on ${kind}: bulk suspend of 200 with notify answered in ${actionMs} ms with the SMTP server down; ` +
          `after its restart, 200 delivered in ${deliveryMs} ms, each once; attempts per email ${Math.min(...attempts)}–${Math.max(...attempts)}`,
      )
    } finally {
      await outbox.stop()
      await smtp?.close()
    }
  }, 180_000)

  test('two workers at once (two instances): each email claimed by one and delivered once', async () => {
    const received: ReceivedMail[] = []
    const smtp = await startSmtpServer({ received })
    const options: Partial<OutboxOptions> = { pollIntervalMs: 50, batchSize: 5, concurrency: 2 }
    const one = mailModule(ds(), transportTo(smtp.port), options)
    const two = mailModule(ds(), transportTo(smtp.port), options)
    const targets = await activeClients(60)
    try {
      one.outbox.start()
      two.outbox.start()
      await one.lifecycle.sendEmail(
        actor,
        targets.map((c) => c.id),
        { subject: 'Two workers', body: 'One email each.' },
      )
      await waitUntil(
        '60 emails sent',
        async () => (await emailsOf(targets)).every((e) => e.status === 'sent'),
        60_000,
      )
    } finally {
      await Promise.all([one.outbox.stop(), two.outbox.stop()])
      await smtp.close()
    }
    const sent = await emailsOf(targets)
    const counts = receivedById(received)
    expect(counts.size).toBe(60)
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
    expect(sent.every((e) => e.attempts === 1)).toBe(true)
    const byWorker = new Set(sent.map((e) => e.claimedBy?.split('#')[0]))
    report(
      `outbox on ${kind}: two workers delivered 60 emails once each; claims by ${byWorker.size} worker(s)`,
    )
  })

  test('kill -9 of the worker process during delivery, then a new one: every email delivered; a duplicate only for one in flight, same Message-ID', async () => {
    const received: ReceivedMail[] = []
    // A slow server: the kill lands while messages are on the wire.
    const smtp = await startSmtpServer({ received, delayMs: 150 })
    const options: Partial<OutboxOptions> = {
      leaseMs: 2000,
      pollIntervalMs: 100,
      concurrency: 4,
      batchSize: 10,
      backoffBaseMs: 50,
      backoffMaxMs: 200,
    }
    const targets = await activeClients(200)
    const { lifecycle } = mailModule(ds(), transportTo(smtp.port), options)
    const result = await lifecycle.sendEmail(
      actor,
      targets.map((c) => c.id),
      { subject: 'Our offices move', body: 'From Monday, 12 rue de la Paix.' },
    )
    expect(result.emails.queued).toBe(200)
    const queued = await emailsOf(targets)

    const spawnWorker = async () => {
      // tsx as a loader in this very process (its CLI would run the script in a grandchild that
      // a SIGKILL to the CLI leaves running).
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join('test', 'support', 'outboxWorkerProcess.ts')],
        {
          env: {
            ...process.env,
            OUTBOX_DATABASE_URL: database().url ?? '',
            OUTBOX_DATA_DIR: database().dataDir,
            OUTBOX_SMTP_URL: `${smtp.url}?ignoreTLS=true`,
            OUTBOX_OPTIONS: JSON.stringify(options),
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      children.push(child)
      let output = ''
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      await waitUntil('the worker process to start', () => output.includes('ready'), 60_000)
      return { child, exited }
    }

    try {
      const first = await spawnWorker()
      await waitUntil('60 emails received', () => received.length >= 60, 60_000)
      first.child.kill('SIGKILL')
      await first.exited
      const atKill = received.length
      // What the dead worker held: claimed, maybe on the wire, never recorded.
      const inFlight = (await emailsOf(targets)).filter((e) => e.status === 'sending')
      const inFlightIds = new Set(inFlight.map((e) => e.messageId))
      expect(atKill).toBeLessThan(200)

      const second = await spawnWorker()
      await waitUntil(
        '200 emails sent after the restart',
        async () => (await emailsOf(targets)).every((e) => e.status === 'sent'),
        60_000,
      )
      second.child.kill('SIGTERM')
      expect(await second.exited).toBe(0)

      const counts = receivedById(received)
      const ours = new Set(queued.map((e) => e.messageId))
      // Every email delivered, nothing but ours received.
      expect([...ours].filter((id) => !counts.has(id as string))).toEqual([])
      expect([...counts.keys()].filter((id) => !ours.has(id))).toEqual([])
      // A duplicate only for an email the killed worker held, with the same Message-ID.
      const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id)
      expect(duplicates.filter((id) => !inFlightIds.has(id))).toEqual([])
      expect(duplicates.length).toBeLessThanOrEqual(options.concurrency as number)
      report(
        `outbox on ${kind}: worker killed (SIGKILL) after ${atKill} of 200 received, holding ${inFlight.length} claimed; ` +
          `a new process delivered the rest: ${received.length} received for 200 emails, ${duplicates.length} duplicate(s), all of them in flight at the kill`,
      )
    } finally {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await smtp.close()
    }
  }, 240_000)
})
