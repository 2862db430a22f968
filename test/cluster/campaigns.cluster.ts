import type { DataSource, QueryRunner } from 'typeorm'
import { createDemoDataSource, prepareSchema } from '../../demo/dataSource.js'
import { Campaign, CampaignRecipient, Client, EmailLog } from '../../src/index.js'
import { startInstances, type AppInstance } from '../support/instances.js'
import { messageIdOf, startSmtpServer, type ReceivedMail } from '../support/smtpServer.js'
import { clusterDatabase, nodeUrl } from './nodes.js'

// Issue 29 on the 3-node Galera cluster: two app instances (child processes, each with its
// campaign worker and its mail outbox) on nodes 1 and 2, a campaign of 900 clients, and one
// instance killed with SIGKILL when half of them have their email. The other finishes: every
// client mailed once (twice only as a resend of the very email the killed one had on the wire,
// the same Message-ID), and the throttle, counted in the database across both instances, holds
// on what the SMTP server receives: never more than 10 % above it over any window.
//
// The throttle's window is 30 s here (campaigns.throttleWindowMs; a minute in production, where
// this test spent three minutes waiting), its throttle 300 a window: the same pace as 600 a
// minute, so delivery's margin over the throttle is as before, and the same rule (no window of
// sends holds more than the throttle) at half the wait.
// The throttle is below the campaign's size, so that later windows' releases are in the test (the
// window check would hold trivially otherwise): 900 released over three windows, each a full
// throttle's worth. The kill (at 450) lands in the second window's sending, and the third window's
// full release follows the killed instance's backlog: the case a throttle counting releases rather
// than sends failed (1,008 in a minute at 600 a minute). It was 2,000 clients at 600 a minute: the
// fourth minute's 200 asserted nothing more and cost a minute of waiting.
// And below what the instances deliver (more emails at once than the outbox's default): the
// throttle, not the outbox's pace, holds delivery back, so the check can fail. At 1,500 a minute
// it could not: a loaded run delivered 763 in its busiest minute, with 12 sends at once or 4.
// The test asserts that delivery came close to the throttle in its busiest window, and that the
// database released exactly a throttle's worth in its busiest window.
const CLIENTS = 900
const THROTTLE = 300
const WINDOW_MS = 30_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let database: { url: string; drop: () => Promise<void> }
let watcherSource: DataSource
let watcher: QueryRunner
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
const received: ReceivedMail[] = []
let instances: AppInstance[] = []

beforeAll(async () => {
  smtp = await startSmtpServer({ received })
  // The run's template schema copied in (clusterRun.ts): prepareSchema below finds every
  // migration done instead of ordering each one's DDL across the three nodes again.
  database = await clusterDatabase()
  const name = new URL(database.url).pathname.slice(1)
  const writer = await createDemoDataSource({ databaseUrl: nodeUrl(1, name), dataDir: '/nonexistent' })
  await writer.initialize()
  await prepareSchema(writer)
  for (let i = 0; i < CLIENTS; i += 500) {
    await writer
      .createQueryBuilder()
      .insert()
      .into(Client)
      .values(
        Array.from({ length: Math.min(500, CLIENTS - i) }, (_, j) => ({
          clientNumber: `CMPG${String(i + j).padStart(5, '0')}`,
          lastName: `Galera${i + j}`,
          email: `reader${i + j}@cluster.example`,
          status: 'active' as const,
          locale: (i + j) % 2 ? 'fr' : 'en',
          emailConfirmedAt: new Date(),
        })),
      )
      .execute()
  }
  await writer.destroy()
  // The test watches through node 3, where no instance runs, with causal reads.
  watcherSource = await createDemoDataSource({ databaseUrl: nodeUrl(3, name), dataDir: '/nonexistent' })
  await watcherSource.initialize()
  watcher = watcherSource.createQueryRunner()
  await watcher.query('SET SESSION wsrep_sync_wait = 1')
  const env = {
    MIGRATE: '0',
    JOBS_WORKER: '0',
    SMTP_URL: `${smtp.url}?ignoreTLS=true`,
    CAMPAIGN_WORKER: '1',
    CAMPAIGN_POLL_MS: '200',
    CAMPAIGN_THROTTLE_WINDOW_MS: String(WINDOW_MS),
    OUTBOX_POLL_MS: '200',
    OUTBOX_LEASE_MS: '3000',
    // Two rounds of sends a batch, well within the 3 s lease on a loaded machine: a batch of 60 (five
    // rounds) outlived its lease there, the other instance claimed its last emails again and sent
    // them a second time (38 resent in a run at load 12), and those are counted in a window of
    // receipts; the kill's own resends are at most the 12 on the wire.
    OUTBOX_CONCURRENCY: '12',
    OUTBOX_BATCH: '24',
  }
  instances = await startInstances([
    ['campaign A (node 1)', { DATABASE_URL: nodeUrl(1, name), ...env }],
    ['campaign B (node 2)', { DATABASE_URL: nodeUrl(2, name), ...env }],
  ])
}, 400_000)

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()))
  if (watcherSource?.isInitialized) {
    await watcher?.release()
    await watcherSource.destroy()
  }
  await database?.drop()
  await smtp?.close()
})

/** The most emails received within any `windowMs` (a window starting at each email). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((x, y) => x - y)
  let most = 0
  let start = 0
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end] - sorted[start] >= windowMs) start += 1
    most = Math.max(most, end - start + 1)
  }
  return most
}

test('900 clients, two instances on two nodes, one killed halfway: each mailed once, the throttle held', async () => {
  // Started as the panel's "Send now" leaves it (Campaigns.start): sending, not planned yet.
  const campaign = await watcher.manager.getRepository(Campaign).save({
    name: 'Galera news',
    segment: {},
    messages: {
      en: { subject: 'News for {{fullName}}', text: 'Hello {{firstName}}, our news.' },
      fr: { subject: 'Nouvelles pour {{fullName}}', text: 'Bonjour {{firstName}}, nos nouvelles.' },
    },
    throttlePerMinute: THROTTLE,
    status: 'sending',
    startedAt: new Date(),
    startedBy: 'admin@example.com',
    createdBy: 'admin@example.com',
  })
  const began = Date.now()
  // Minutes on a machine shared by other test runs (each instance's outbox sends a few at a time).
  const deadline = began + 420_000

  // Halfway: 450 clients have their email, the second window's sending under way; instance A is
  // killed (both send, both release).
  while (new Set(received.map((m) => m.to[0])).size < CLIENTS / 2) {
    if (Date.now() > deadline) throw new Error(`only ${received.length} emails before the kill`)
    await sleep(20)
  }
  const [victim, survivor] = instances
  await victim.kill()
  const killedAt = Date.now()
  const atKill = received.length

  let status = ''
  while (status !== 'done') {
    if (Date.now() > deadline) {
      const recipients = await watcher.query(
        'SELECT status, COUNT(*) AS n FROM campaign_recipients WHERE campaignId = ? GROUP BY status',
        [campaign.id],
      )
      const outbox = await watcher.query(
        'SELECT status, COUNT(*) AS n FROM email_logs WHERE campaignId = ? GROUP BY status',
        [campaign.id],
      )
      // What holds it: the outbox's unsent rows (a failed send waits for its backoff).
      const unsent = await watcher.query(
        'SELECT id, status, attempts, error, nextAttemptAt, leaseUntil FROM email_logs WHERE campaignId = ? AND status <> ? LIMIT 5',
        [campaign.id, 'sent'],
      )
      throw new Error(
        `the campaign is ${status} after ${received.length} emails (${new Set(received.map((m) => m.to[0])).size} clients); ` +
          `recipients ${JSON.stringify(recipients)}, outbox ${JSON.stringify(outbox)}, unsent ${JSON.stringify(unsent)}:\n${survivor.output().slice(-3000)}`,
      )
    }
    await sleep(250)
    status = (await watcher.manager.getRepository(Campaign).findOneByOrFail({ id: campaign.id })).status
  }
  const tookMs = Date.now() - began

  // Each client's emails: at least one, and a second only as the same email (its Message-ID) again.
  const byAddress = new Map<string, string[]>()
  for (const mail of received) {
    const ids = byAddress.get(mail.to[0]) ?? []
    ids.push(String(messageIdOf(mail.raw)))
    byAddress.set(mail.to[0], ids)
  }
  expect(byAddress.size).toBe(CLIENTS)
  const resent = [...byAddress.values()].filter((ids) => ids.length > 1)
  for (const ids of resent) expect(new Set(ids).size).toBe(1)
  expect(received.every((m) => m.raw.includes('List-Unsubscribe-Post: List-Unsubscribe=One-Click'))).toBe(
    true,
  )

  // The database agrees: one outbox row per recipient, every one sent.
  const emails = await watcher.manager
    .getRepository(EmailLog)
    .countBy({ campaignId: campaign.id, status: 'sent' })
  expect(emails).toBe(CLIENTS)
  expect(await watcher.manager.getRepository(CampaignRecipient).countBy({ campaignId: campaign.id })).toBe(
    CLIENTS,
  )

  const busiest = busiestWindow(
    received.map((m) => m.at),
    WINDOW_MS,
  )
  process.stdout.write(
    `Cluster campaign: ${CLIENTS} clients at ${THROTTLE} per ${WINDOW_MS / 1000} s on nodes 1 and 2, ${victim.name} killed ` +
      `(SIGKILL) at ${atKill} emails, ${((killedAt - began) / 1000).toFixed(1)} s in; done in ` +
      `${(tookMs / 1000).toFixed(1)} s; ${received.length} emails received, ${resent.length} resent ` +
      `with their Message-ID; busiest ${WINDOW_MS / 1000} s: ${busiest} (throttle ${THROTTLE}, +10 %: ${THROTTLE * 1.1})\n`,
  )
  expect(busiest).toBeLessThanOrEqual(THROTTLE * 1.1)
  // The check above could fail: delivery came close to the throttle in its busiest window (it was
  // the throttle, not the outbox's pace, that held the rest back; a generous bound for a busy machine).
  expect(busiest).toBeGreaterThanOrEqual(THROTTLE * 0.8)
  // The database released a throttle's worth in its busiest window, no more, the rest a window later.
  const released = await watcher.manager
    .getRepository(CampaignRecipient)
    .find({ select: { releasedAt: true }, where: { campaignId: campaign.id } })
  expect(
    busiestWindow(
      released.map((r) => (r.releasedAt as Date).getTime()),
      WINDOW_MS,
    ),
  ).toBe(THROTTLE)
  // The second window's release did happen: the check above was a real one.
  expect(tookMs).toBeGreaterThan(WINDOW_MS)
}, 480_000)
