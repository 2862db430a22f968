import nodemailer from 'nodemailer'
import type { Transporter } from 'nodemailer'
import { createClientManagement, EmailLog, type OutboxOptions } from '../src/index.js'
import { DEFAULT_OUTBOX_OPTIONS } from '../src/services/mail/outboxOptions.js'
import { databaseKinds, describeEachDatabase } from './support/databases.js'
import { mailModule, TEST_MAIL_FROM } from './support/mailModule.js'
import {
  activeClients,
  emailsOf,
  receivedById,
  report,
  transportTo,
  waitUntil,
} from './support/outboxTest.js'
import { startSmtpServer, type ReceivedMail } from './support/smtpServer.js'

const actor = { type: 'admin' as const, email: 'admin@example.com', ip: '127.0.0.1' }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** An error as nodemailer's SMTP transport gives it. */
const smtpFailure = (code: string, message: string) =>
  Object.assign(new Error(message), { code, command: 'CONN' })

describeEachDatabase('the outbox while the mail server goes away', (database, kind) => {
  const ds = () => database().dataSource

  /** Queues one email to each of `count` new clients (one transaction), returns the clients. */
  async function queueEmails(module: ReturnType<typeof mailModule>, count: number, subject: string) {
    const targets = await activeClients(ds(), count)
    const result = await module.lifecycle.sendEmail(
      actor,
      targets.map((c) => c.id),
      { subject, body: 'Our offices move on Monday.' },
    )
    expect(result.emails.queued).toBe(count)
    return targets
  }

  /** Every one of `targets` received exactly once, and nothing else. */
  async function deliveredOnce(targets: Awaited<ReturnType<typeof activeClients>>, received: ReceivedMail[]) {
    const rows = await emailsOf(ds(), targets)
    const counts = receivedById(received)
    expect([...counts.keys()].sort()).toEqual(rows.map((e) => e.messageId).sort())
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
    // The pause spent no attempt: each email was tried once, when the server was back.
    expect(rows.map((e) => e.attempts)).toEqual(rows.map(() => 1))
  }

  // First, on an empty outbox: start() claims nothing here.
  test('start() warns when the transport’s timeouts outlast the lease; not with outboxSmtpTimeouts(leaseMs)', async () => {
    const warnings: string[] = []
    const logger = { warn: (message: string) => void warnings.push(message), error: () => undefined }
    const started = async (mailer: Pick<Transporter, 'sendMail'>, outbox: Partial<OutboxOptions> = {}) => {
      const clients = createClientManagement({
        dataSource: ds(),
        mailer,
        mailFrom: TEST_MAIL_FROM,
        links: {
          confirmEmail: 'https://a.example/c?t={token}',
          resetPassword: 'https://a.example/r?t={token}',
        },
        logger,
        outbox,
      })
      clients.outbox.start()
      await clients.outbox.stop()
    }
    await started(nodemailer.createTransport('smtp://127.0.0.1:2525'))
    expect(warnings).toEqual([
      expect.stringMatching(/socket 600 s\) add up to more than outbox.leaseMs \(300 s\)/),
    ])
    await started(transportTo(2525))
    await started(transportTo(2525, 60_000), { leaseMs: 60_000 })
    // Ours for the default lease, under a one-minute lease: 120 s is too long again.
    await started(transportTo(2525), { leaseMs: 60_000 })
    expect(warnings).toHaveLength(2)
    expect(warnings[1]).toMatch(/outbox.leaseMs \(60 s\)/)
  })

  // The outage with the default options, at a tenth of the wait: the probe is 3 s instead
  // of the default 30 s (every other option at its default) and the server comes back 1 s after a
  // probe found it away, the worst moment, as the 31 s did. What the default probe adds is
  // its interval, read from the pause itself, so the bound is checked for the default:
  // the measured delivery plus the 27 s the default probe would have waited longer, within 90 s.
  // Waiting the real 30 s cost half a minute of CI and proved nothing more. On one database (the
  // last one run, MariaDB when there is one): the pause is the worker's own, not the database's.
  if (kind === databaseKinds().at(-1)) {
    test('connections refused until 1 s after a probe, default options but a 3 s probe: the 50 emails queued meanwhile all arrive, each once, within 90 s of the server’s return counting the default 30 s probe', async () => {
      const DEFAULT_PROBE_MS = DEFAULT_OUTBOX_OPTIONS.probeIntervalMs
      const PROBE_MS = 3_000
      expect(DEFAULT_PROBE_MS).toBe(30_000)
      const received: ReceivedMail[] = []
      const first = await startSmtpServer({ received })
      const port = first.port
      await first.close()
      const downAt = Date.now()
      const module = mailModule(ds(), transportTo(port), { probeIntervalMs: PROBE_MS })
      module.outbox.start()
      let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null
      try {
        const targets = await queueEmails(module, 50, 'Thirty seconds down')
        // The default poll (5 s) finds them: the pause comes within it.
        await waitUntil('the outbox to pause', () => module.outbox.paused !== null, 20_000)
        const pausedAt = Date.now()
        const pause = module.outbox.paused
        const firstProbe = pause?.nextProbeAt.getTime() ?? 0
        // One probe interval after the pause's start (two readings of the clock: a millisecond apart at most).
        const probeGap = firstProbe - (pause?.since.getTime() ?? 0)
        expect(probeGap).toBeGreaterThanOrEqual(PROBE_MS)
        expect(probeGap).toBeLessThanOrEqual(PROBE_MS + 50)
        // The sends under way when it paused are recorded a moment later: all back, no attempt spent.
        await waitUntil(
          'the 50 emails back in the queue, no attempt spent',
          async () => (await emailsOf(ds(), targets)).every((e) => e.status === 'queued' && e.attempts === 0),
          10_000,
        )
        // Back 1 s after the first probe found it away: the worst moment, the next probe is
        // PROBE_MS − 1 s later (29 s with the default).
        await waitUntil(
          'the first probe to find the server away',
          () => (module.outbox.paused?.nextProbeAt.getTime() ?? 0) > firstProbe,
          60_000,
        )
        const probedAt = (module.outbox.paused?.nextProbeAt.getTime() ?? Date.now()) - PROBE_MS
        await sleep(Math.max(0, probedAt + 1000 - Date.now()))
        smtp = await startSmtpServer({ port, received })
        const backAt = Date.now()
        await waitUntil(
          '50 emails sent',
          async () => (await emailsOf(ds(), targets)).every((e) => e.status === 'sent'),
          100_000,
        )
        const afterReturn = Date.now() - backAt
        const withDefaultProbe = afterReturn + (DEFAULT_PROBE_MS - PROBE_MS)
        expect(withDefaultProbe).toBeLessThan(90_000)
        await deliveredOnce(targets, received)
        expect(module.outbox.paused).toBeNull()
        report(
          `outbox on ${kind}, default options but a 3 s probe: server refused for ${seconds(backAt - downAt)}, ` +
            `paused ${seconds(pausedAt - downAt)} after it went away, back 1 s after a probe; the 50 emails all arrived ` +
            `${seconds(afterReturn)} after the server's return (${seconds(withDefaultProbe)} with the default 30 s probe), each once, 1 attempt each`,
        )
      } finally {
        await module.outbox.stop()
        await smtp?.close()
      }
    }, 150_000)
  }

  test('a 421 greeting for 3 s, probe every 300 ms (a shortened outage and probe): every email arrives soon after, each once', async () => {
    const received: ReceivedMail[] = []
    const smtp = await startSmtpServer({ received })
    smtp.greet421(true)
    const options: Partial<OutboxOptions> = { probeIntervalMs: 300, pollIntervalMs: 100 }
    const module = mailModule(ds(), transportTo(smtp.port), options)
    module.outbox.start()
    try {
      const downAt = Date.now()
      const targets = await queueEmails(module, 50, 'Greeted with 421')
      await waitUntil('the outbox to pause', () => module.outbox.paused !== null, 20_000)
      expect(module.outbox.paused?.error).toMatch(/421/)
      await sleep(Math.max(0, downAt + 3000 - Date.now()))
      expect(received).toHaveLength(0)
      await waitUntil(
        'the 50 emails back in the queue, no attempt spent',
        async () => (await emailsOf(ds(), targets)).every((e) => e.status === 'queued' && e.attempts === 0),
        10_000,
      )
      smtp.greet421(false)
      const backAt = Date.now()
      await waitUntil('the first email after the return', () => received.length > 0, 30_000)
      const firstAfter = Date.now() - backAt
      await waitUntil(
        '50 emails sent',
        async () => (await emailsOf(ds(), targets)).every((e) => e.status === 'sent'),
        60_000,
      )
      const afterReturn = Date.now() - backAt
      // The pause ends at the next probe (300 ms); a busy machine gets a generous bound. Sending 50
      // (a connection each) takes what it takes.
      expect(firstAfter).toBeLessThan(5_000)
      expect(afterReturn).toBeLessThan(60_000)
      await deliveredOnce(targets, received)
      report(
        `outbox on ${kind}, probe 300 ms: 421 greeting for ${seconds(backAt - downAt)}; the first email arrived ${firstAfter} ms ` +
          `after the server's return, all 50 ${afterReturn} ms after it, each once`,
      )
    } finally {
      await module.outbox.stop()
      await smtp.close()
    }
  }, 60_000)

  test('a refusal of one recipient (550, or 450) keeps that email’s own backoff; the outbox does not pause', async () => {
    const received: ReceivedMail[] = []
    const smtp = await startSmtpServer({
      received,
      rejectTo: ['gone@example.com'],
      deferTo: ['busy@example.com'],
    })
    const options: Partial<OutboxOptions> = { backoffBaseMs: 60_000, jitter: 0, probeIntervalMs: 200 }
    const module = mailModule(ds(), transportTo(smtp.port), options)
    try {
      const to = [
        'gone@example.com',
        'busy@example.com',
        'one@example.com',
        'two@example.com',
        'three@example.com',
      ]
      const logs = []
      for (const address of to)
        logs.push(
          await module.clientMailer.send({ clientId: null, to: address, subject: 'Hello', text: 'x' }),
        )
      const before = Date.now()
      expect(await module.outbox.drain()).toMatchObject({ claimed: 5, sent: 3, retry: 2, deferred: 0 })
      expect(module.outbox.paused).toBeNull()
      const rows = await ds()
        .getRepository(EmailLog)
        .findBy(logs.map((log) => ({ id: log.id })))
      for (const row of rows.filter((r) => r.status !== 'sent')) {
        expect(row).toMatchObject({ status: 'queued', attempts: 1 })
        expect(row.error).toMatch(row.to === 'gone@example.com' ? /550/ : /450/)
        // A minute later, give or take MySQL's rounding of the second.
        const wait = (row.nextAttemptAt as Date).getTime() - before
        expect(wait).toBeGreaterThan(55_000)
        expect(wait).toBeLessThan(65_000)
      }
      expect(rows.filter((r) => r.status === 'sent')).toHaveLength(3)
      // Nothing else is due: the two wait their own time.
      expect(await module.outbox.drain()).toMatchObject({ claimed: 0 })
    } finally {
      await smtp.close()
    }
  })

  test('a server failure the server gets over at once (a blip) is tried again at the probe’s pace, counted; no pause', async () => {
    let failures = 1
    const sent: string[] = []
    const transport = {
      sendMail: async (message: { to?: unknown }) => {
        if (failures-- > 0) throw smtpFailure('ECONNECTION', 'Connection closed unexpectedly')
        sent.push(String(message.to))
        return { messageId: undefined }
      },
      // The server answers when asked right after.
      verify: async () => true,
    }
    const options: Partial<OutboxOptions> = { backoffBaseMs: 60_000, jitter: 0, probeIntervalMs: 1000 }
    const module = mailModule(ds(), transport, options)
    const log = await module.clientMailer.send({
      clientId: null,
      to: 'blip@example.com',
      subject: 'Blip',
      text: 'x',
    })
    const before = Date.now()
    expect(await module.outbox.runOnce()).toMatchObject({ claimed: 1, retry: 1 })
    expect(module.outbox.paused).toBeNull()
    const row = await ds().getRepository(EmailLog).findOneByOrFail({ id: log.id })
    expect(row).toMatchObject({ status: 'queued', attempts: 1 })
    expect((row.nextAttemptAt as Date).getTime() - before).toBeLessThan(5_000)
    await waitUntil('the retry', async () => (await module.outbox.drain()).sent === 1, 10_000)
    expect(sent).toEqual(['blip@example.com'])
  })

  test('stop() during delivery: the email on the wire finishes; the rest go back at once and another worker sends them without waiting for the lease', async () => {
    const received: ReceivedMail[] = []
    // A slow server for the stopping worker (each message answered 3 s late), a quick one for the next.
    const slow = await startSmtpServer({ received, delayMs: 3000 })
    const quick = await startSmtpServer({ received })
    const options: Partial<OutboxOptions> = {
      concurrency: 1,
      batchSize: 10,
      leaseMs: 60_000,
      pollIntervalMs: 100,
    }
    const one = mailModule(ds(), transportTo(slow.port, 60_000), options)
    const two = mailModule(ds(), transportTo(quick.port, 60_000), options)
    try {
      const targets = await queueEmails(one, 10, 'Graceful')
      one.outbox.start()
      await waitUntil('the first email on the wire', () => received.length >= 1, 20_000)
      const stopAt = Date.now()
      const stopped = one.outbox.stop()
      await waitUntil(
        'nine emails given back',
        async () =>
          (await emailsOf(ds(), targets)).filter((e) => e.status === 'queued' && e.leaseUntil === null)
            .length === 9,
        10_000,
      )
      const givenBackMs = Date.now() - stopAt
      // Given back while the first one is still on the wire (its answer comes 3 s after its data).
      const meanwhile = await emailsOf(ds(), targets)
      expect(meanwhile.filter((e) => e.status === 'sending')).toHaveLength(1)
      expect(meanwhile.filter((e) => e.status === 'queued').every((e) => e.attempts === 0)).toBe(true)
      await stopped
      const stopMs = Date.now() - stopAt
      const first = (await emailsOf(ds(), targets)).find((e) => e.status === 'sent')
      expect(first?.claimedBy?.startsWith(one.outbox.workerId)).toBe(true)
      expect(one.outbox.running).toBe(false)

      const takenAt = Date.now()
      two.outbox.start()
      await waitUntil(
        'ten emails sent',
        async () => (await emailsOf(ds(), targets)).every((e) => e.status === 'sent'),
        30_000,
      )
      const takenMs = Date.now() - takenAt
      // Far below the 60 s lease: nobody waited for it.
      expect(takenMs).toBeLessThan(30_000)
      await deliveredOnce(targets, received)
      report(
        `outbox on ${kind}: stop() during a send gave 9 claimed emails back in ${givenBackMs} ms, resolved in ${stopMs} ms ` +
          `once the email on the wire was recorded; another worker sent the 9 in ${takenMs} ms (lease 60 s)`,
      )
    } finally {
      await Promise.all([one.outbox.stop(), two.outbox.stop()])
      await Promise.all([slow.close(), quick.close()])
    }
  }, 90_000)

  test('stop() resolves within its bound when a send hangs; the send is recorded when it ends', async () => {
    // The send under way, held until the test lets it end.
    const hanging: { finish?: () => void } = {}
    const transport = {
      sendMail: () =>
        new Promise<{ messageId: undefined }>((resolve) => {
          hanging.finish = () => resolve({ messageId: undefined })
        }),
    }
    const module = mailModule(ds(), transport, { pollIntervalMs: 100 })
    const log = await module.clientMailer.send({
      clientId: null,
      to: 'hang@example.com',
      subject: 'Hang',
      text: 'x',
    })
    module.outbox.start()
    const repo = ds().getRepository(EmailLog)
    await waitUntil('the send to start', () => hanging.finish !== undefined, 10_000)
    const stopAt = Date.now()
    await module.outbox.stop({ timeoutMs: 500 })
    const stopMs = Date.now() - stopAt
    expect(stopMs).toBeGreaterThanOrEqual(450)
    expect(stopMs).toBeLessThan(5_000)
    hanging.finish?.()
    await waitUntil(
      'the send recorded',
      async () => (await repo.findOneByOrFail({ id: log.id })).status === 'sent',
      10_000,
    )
  })
})
