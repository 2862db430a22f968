import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { In } from 'typeorm'
import { ClientEvent, type OutboxOptions } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { mailModule } from './support/mailModule.js'
import {
  activeClients as newClients,
  emailsOf as emailRows,
  receivedById,
  report,
  transportTo,
  waitUntil,
} from './support/outboxTest.js'
import { startSmtpServer, type ReceivedMail } from './support/smtpServer.js'

const actor = { type: 'admin' as const, email: 'admin@example.com', ip: '127.0.0.1' }

describeEachDatabase('the mail outbox', (database, kind) => {
  const ds = () => database().dataSource
  // Worker processes started by a test: none outlives the file, even after a timeout.
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })

  const activeClients = (count: number) => newClients(ds(), count)
  const emailsOf = (clients: Parameters<typeof emailRows>[1]) => emailRows(ds(), clients)

  /**
   * The outbox's worker in a process of its own (test/support/outboxWorkerProcess.ts), once it
   * claims; or, `held`, once loaded: it claims when `start()` is called.
   */
  const spawnWorkerProcess = async (smtpUrl: string, options: Partial<OutboxOptions>, held = false) => {
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
          OUTBOX_SMTP_URL: `${smtpUrl}?ignoreTLS=true`,
          OUTBOX_OPTIONS: JSON.stringify(options),
          OUTBOX_START: held ? 'stdin' : '',
        },
        stdio: [held ? 'pipe' : 'ignore', 'pipe', 'inherit'],
      },
    )
    children.push(child)
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Starting tsx and the module takes seconds on a quiet machine, a minute or more on a busy one.
    const loaded = waitUntil(
      'the worker process to start',
      () => output.includes(held ? 'loaded' : 'ready'),
      240_000,
    )
    if (held) loaded.catch(() => undefined) // awaited by start(), if the test gets that far
    const start = async () => {
      await loaded
      child.stdin?.write('start\n')
      await waitUntil('the worker process to claim', () => output.includes('ready'), 60_000)
    }
    if (!held) await loaded
    return { child, exited, loaded, start }
  }

  test('SMTP server down during a bulk suspend of 200 with notify: 200 queued at once; back up, each delivered once', async () => {
    const received: ReceivedMail[] = []
    const first = await startSmtpServer({ received })
    const port = first.port
    await first.close()
    const options: Partial<OutboxOptions> = {
      backoffBaseMs: 50,
      backoffMaxMs: 400,
      pollIntervalMs: 50,
      maxAttempts: 3,
      batchSize: 50,
      probeIntervalMs: 200,
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

      // The worker meets the closed port, pauses, and probes: no attempt is spent, however long
      // it lasts (here well past what 3 attempts with these backoffs would have taken).
      await waitUntil('the outbox to pause', () => outbox.paused !== null, 20_000)
      expect(outbox.paused?.error).toMatch(/ECONNREFUSED/)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const waiting = await emailsOf(targets)
      expect(waiting.every((e) => e.status === 'queued' && e.attempts === 0)).toBe(true)
      expect(waiting.some((e) => e.error !== null)).toBe(true)
      expect(received).toHaveLength(0)

      smtp = await startSmtpServer({ port, received })
      const restarted = Date.now()
      // Seconds on a quiet machine; over a minute beside a CPU hog on a loaded one (seen: 50 s).
      await waitUntil(
        '200 emails sent',
        async () => (await emailsOf(targets)).every((e) => e.status === 'sent'),
        240_000,
      )
      const deliveryMs = Date.now() - restarted
      const sent = await emailsOf(targets)
      const counts = receivedById(received)
      expect(counts.size).toBe(200)
      expect([...counts.values()].every((n) => n === 1)).toBe(true)
      expect([...counts.keys()].sort()).toEqual(sent.map((e) => e.messageId).sort())
      expect(new Set(received.flatMap((m) => m.to))).toEqual(new Set(targets.map((c) => c.email)))
      const attempts = sent.map((e) => e.attempts)
      expect(attempts.every((n) => n === 1)).toBe(true)
      expect(outbox.paused).toBeNull()
      report(
        `outbox on ${kind}: bulk suspend of 200 with notify answered in ${actionMs} ms with the SMTP server down; ` +
          `after its restart, 200 delivered in ${deliveryMs} ms, each once; attempts per email ${Math.min(...attempts)}–${Math.max(...attempts)}`,
      )
    } finally {
      await outbox.stop()
      await smtp?.close()
    }
  }, 420_000)

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

  // A 5 s lease on every database (the was 60 s): the dead worker's claims wait for the
  // lease, however long it is, and nothing here asserts its length; waiting 60 s on one database
  // cost a minute of CI and proved the same. A live worker is not at risk: its batches of 10 at
  // a 150 ms answer end well within 5 s, and its heartbeat is not what this test is about.
  const killLeaseMs = 5_000
  test(`kill -9 of the worker process during delivery with a ${killLeaseMs / 1000} s lease, then a new one: every email delivered; a duplicate only for one in flight, same Message-ID`, async () => {
    const received: ReceivedMail[] = []
    // A slow server that stops answering after the 60th message: the kill lands while messages
    // are on the wire, however fast or slow the machine is.
    const smtp = await startSmtpServer({ received, delayMs: 150, holdFrom: 61 })
    const options: Partial<OutboxOptions> = {
      leaseMs: killLeaseMs,
      probeIntervalMs: 500,
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

    try {
      const first = await spawnWorkerProcess(smtp.url, options)
      // The next worker loads meanwhile (seconds with tsx, more on a busy machine), idle until the kill.
      const second = await spawnWorkerProcess(smtp.url, options, true)
      // Killed at a point read from the database: 50 emails recorded as sent, and the worker
      // waiting for the server's answer to at least one more.
      await waitUntil(
        '50 emails sent and one more on the wire',
        async () =>
          smtp.held() > 0 && (await emailsOf(targets)).filter((e) => e.status === 'sent').length >= 50,
        120_000,
      )
      first.child.kill('SIGKILL')
      await first.exited
      const atKill = received.length
      // What the dead worker held: claimed, maybe on the wire, never recorded.
      const inFlight = (await emailsOf(targets)).filter((e) => e.status === 'sending')
      const inFlightIds = new Set(inFlight.map((e) => e.messageId))
      expect(atKill).toBeLessThan(200)
      expect(inFlight.length).toBeGreaterThan(0)
      smtp.release()

      const killedAt = Date.now()
      await second.start()
      const readyMs = Date.now() - killedAt
      // The dead worker's claims wait for their lease; the rest go at once.
      await waitUntil(
        'the emails the dead worker did not hold',
        async () =>
          (await emailsOf(targets)).filter((e) => e.status === 'sent').length >= 200 - inFlight.length,
        300_000,
      )
      const restMs = Date.now() - killedAt
      await waitUntil(
        '200 emails sent after the restart',
        async () => (await emailsOf(targets)).every((e) => e.status === 'sent'),
        300_000,
      )
      const allMs = Date.now() - killedAt
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
          `a new process delivered the rest: ${received.length} received for 200 emails, ${duplicates.length} duplicate(s), all of them in flight at the kill; ` +
          `lease ${killLeaseMs / 1000} s: the new process ready ${(readyMs / 1000).toFixed(1)} s after the kill, the unclaimed ones sent ${(restMs / 1000).toFixed(1)} s after it, the dead worker's claims ${(allMs / 1000).toFixed(1)} s after it`,
      )
    } finally {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await smtp.close()
    }
  }, 900_000)
  test('SIGTERM of the worker process during delivery: it gives back what it had not started, exits 0 at once, and another worker sends the rest without waiting for the lease, each once', async () => {
    const received: ReceivedMail[] = []
    const smtp = await startSmtpServer({ received, delayMs: 300 })
    const options: Partial<OutboxOptions> = {
      leaseMs: 60_000,
      pollIntervalMs: 100,
      concurrency: 2,
      batchSize: 20,
    }
    const targets = await activeClients(40)
    const module = mailModule(ds(), transportTo(smtp.port, 60_000), options)
    await module.lifecycle.sendEmail(
      actor,
      targets.map((c) => c.id),
      { subject: 'Graceful', body: 'Stopped on SIGTERM.' },
    )
    try {
      const worker = await spawnWorkerProcess(smtp.url, options)
      await waitUntil('5 emails received', () => received.length >= 5, 60_000)
      const termAt = Date.now()
      worker.child.kill('SIGTERM')
      expect(await worker.exited).toBe(0)
      const exitMs = Date.now() - termAt
      // Nothing left claimed: every email is sent, or queued with no attempt spent.
      const after = await emailsOf(targets)
      expect(after.filter((e) => e.status === 'sending')).toEqual([])
      const left = after.filter((e) => e.status === 'queued')
      expect(left.every((e) => e.attempts === 0 && e.leaseUntil === null)).toBe(true)
      expect(left.length).toBeGreaterThan(0)
      const takenAt = Date.now()
      module.outbox.start()
      // The first given-back email goes well before the 60 s lease would have let it (a quiet
      // machine: well under a second).
      const leftIds = left.map((e) => e.id)
      await waitUntil(
        'a given-back email sent',
        async () => (await emailsOf(targets)).some((e) => leftIds.includes(e.id) && e.status === 'sent'),
        120_000,
      )
      const takenMs = Date.now() - takenAt
      expect(takenMs).toBeLessThan(60_000)
      await waitUntil(
        '40 emails sent',
        async () => (await emailsOf(targets)).every((e) => e.status === 'sent'),
        120_000,
      )
      const counts = receivedById(received)
      expect(counts.size).toBe(40)
      expect([...counts.values()].every((n) => n === 1)).toBe(true)
      report(
        `outbox on ${kind}: SIGTERM of the worker process after ${40 - left.length} sent: exit 0 in ${exitMs} ms, ` +
          `${left.length} emails given back unclaimed; another worker sent them in ${takenMs} ms (lease 60 s), no duplicate`,
      )
    } finally {
      await module.outbox.stop()
      await smtp.close()
    }
  }, 600_000)
})
