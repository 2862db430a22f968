// One side of the campaign benchmark, in a process of its own so that its peak RSS is its own:
//   tsx bench/campaignCase.ts ours|floor <database-url or sqlite path>
// ours: a campaign to every client of the data set, planned (its segment frozen: CampaignRunner's
// plan steps) then released into the outbox as fast as its throttle (the highest) lets it (release
// steps: each recipient checked, rendered in its language with its unsubscribe link, one outbox
// row and one history event each). floor: the same rows written by two plain INSERT … SELECT
// (every recipient, then one constant email each, no rendering, no event). Prints one JSON line;
// the campaign's rows are deleted afterwards (not timed).
import { performance } from 'node:perf_hooks'
import { pluginDataSource } from './pluginDataSource.js'
import { Campaign } from '../src/entities/Campaign.js'
import { planStep } from '../src/services/campaigns/campaignPlan.js'
import { releaseStep } from '../src/services/campaigns/campaignRelease.js'
import { MAX_THROTTLE_PER_MINUTE, THROTTLE_WINDOW_MS } from '../src/services/campaigns/campaignOptions.js'
import { ClientList } from '../src/services/list/clientList.js'
import { TemplateStore } from '../src/services/mail/templateStore.js'

process.on('unhandledRejection', (error) => {
  console.error(error)
  process.exit(1)
})

const [side, target] = process.argv.slice(2)

let peak = process.memoryUsage.rss()
setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10).unref()

const dataSource = await pluginDataSource(target)

if (process.env.BENCH_TRACE) console.error('start rss', Math.round(process.memoryUsage.rss() / 1e6))
const campaign = await dataSource.getRepository(Campaign).save({
  name: 'Bench campaign',
  segment: {},
  messages: {
    en: { subject: 'News for {{fullName}}', text: 'Hello {{firstName}},\n\nour news ({{clientNumber}}).' },
    fr: { subject: 'Nouvelles pour {{fullName}}', text: 'Bonjour {{firstName}},\n\nnos nouvelles.' },
  },
  includeUnconfirmed: true,
  throttlePerMinute: MAX_THROTTLE_PER_MINUTE,
  status: 'sending',
  startedAt: new Date(),
  startedBy: 'bench@example.com',
})
const id = campaign.id

const cpuStart = process.cpuUsage()
const planStart = performance.now()
let planSeconds: number
let queueSeconds: number
let queued = 0
let planPeakRssMb = 0
if (side === 'floor') {
  await dataSource.query(
    `INSERT INTO campaign_recipients (campaignId, clientId, status) SELECT ?, id, 'held' FROM clients WHERE status <> 'deleted'`,
    [id],
  )
  planSeconds = (performance.now() - planStart) / 1000
  const queueStart = performance.now()
  const now = new Date()
  const result = await dataSource.query(
    `INSERT INTO email_logs (clientId, campaignId, \`to\`, subject, template, body, status, messageId)
     SELECT c.id, ?, c.email, 'News', 'campaign', 'Hello', 'queued', c.clientNumber FROM clients c
     JOIN campaign_recipients r ON r.clientId = c.id AND r.campaignId = ? WHERE c.email IS NOT NULL`,
    [id, id],
  )
  void now
  queueSeconds = (performance.now() - queueStart) / 1000
  queued = Number(
    (await dataSource.query('SELECT COUNT(*) AS n FROM email_logs WHERE campaignId = ?', [id]))[0].n,
  )
  void result
} else {
  const clients = new ClientList(dataSource)
  while (!(await planStep(dataSource, clients, id))) {
    // one keyset page per step
  }
  planSeconds = (performance.now() - planStart) / 1000
  planPeakRssMb = Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024
  const ctx = {
    dataSource,
    templates: new TemplateStore(dataSource, 'Bench', {
      queue: async () => undefined,
      wake: () => undefined,
    }),
    from: 'bench@example.com',
    companyName: 'Bench',
    language: 'fr' as const,
    secret: 'bench-secret-bench-secret',
    unsubscribeUrl: 'https://bench.example/unsubscribe',
    windowMs: THROTTLE_WINDOW_MS,
  }
  const queueStart = performance.now()
  for (;;) {
    const n = await releaseStep(ctx, id)
    if (n === 0) break
    queued += n
    if (process.env.BENCH_TRACE && (queued / n) % 20 === 0) {
      ;(globalThis as { gc?: () => void }).gc?.()
      const m = process.memoryUsage()
      console.error(
        queued,
        Math.round(m.rss / 1e6),
        Math.round(m.heapUsed / 1e6),
        Math.round(m.external / 1e6),
      )
    }
  }
  queueSeconds = (performance.now() - queueStart) / 1000
}
const peakRssMb = Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024
// This process's CPU (plan and queue): on a shared, loaded machine the wall time is mostly waiting.
const cpu = process.cpuUsage(cpuStart)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const recipients = Number(
  (await dataSource.query('SELECT COUNT(*) AS n FROM campaign_recipients WHERE campaignId = ?', [id]))[0].n,
)

// Leave the data set as it was (not timed).
await dataSource.query('DELETE FROM client_events WHERE type = ? AND actor = ?', [
  'campaign_sent',
  'bench@example.com',
])
await dataSource.query('DELETE FROM email_logs WHERE campaignId = ?', [id])
await dataSource.query('DELETE FROM campaign_recipients WHERE campaignId = ?', [id])
await dataSource.query('DELETE FROM client_admin_audit WHERE actor = ?', ['bench@example.com'])
await dataSource.query('DELETE FROM campaigns WHERE id = ?', [id])
await dataSource.destroy()
console.log(
  JSON.stringify({
    side,
    recipients,
    queued,
    planSeconds,
    planPeakRssMb,
    seconds: queueSeconds,
    emailsPerSecond: queued / queueSeconds,
    cpuSeconds,
    peakRssMb,
  }),
)
