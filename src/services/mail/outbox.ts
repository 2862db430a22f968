import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { PluginLogger } from '../core/pluginLogger.js'
import type { ClientMailer } from './clientMailer.js'
import { MailServerWatch, type MailServerPause } from './mailServerWatch.js'
import { claimDueEmails, releaseClaimed, type ClaimedEmail } from './outboxClaim.js'
import { deliverClaimed, type DeliveryContext, type DeliveryOutcome } from './outboxDelivery.js'
import { timeoutsAboveLease } from './transportTimeouts.js'

/** What one pass of the worker did; `released`: claimed, never tried, given back (a stop, a pause). */
export type OutboxRun = Record<DeliveryOutcome, number> & { claimed: number; released: number }

const emptyRun = (): OutboxRun => ({
  claimed: 0,
  sent: 0,
  retry: 0,
  failed: 0,
  lost: 0,
  deferred: 0,
  released: 0,
})

/** How long `stop()` waits for the emails on the wire by default. */
const STOP_WAIT_MS = 15_000

/** A claimed batch being sent: the emails after `next` are not started yet. */
interface Batch {
  claimId: string
  emails: ClaimedEmail[]
  next: number
}

/**
 * The delivery worker: claims due emails of the outbox (EmailLog rows `queued`, or `sending` with
 * a lease run out), sends them a few at a time and records each outcome. While the mail server is
 * away it pauses as a whole (see MailServerWatch). `start()` runs it until `stop()`; `runOnce()`
 * and `drain()` run it by hand (tests, a worker process, a cron job).
 */
export class Outbox {
  /** This worker, in every row it claims: host, process and a random part. */
  readonly workerId = `${os.hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`
  private claims = 0
  private loop: Promise<void> | null = null
  private stopping = false
  private wakeUp: (() => void) | null = null
  private woken = false
  private unsubscribe: (() => void) | null = null
  private readonly batches = new Set<Batch>()
  private readonly runs = new Set<Promise<unknown>>()
  private readonly server: MailServerWatch
  private readonly ctx: DeliveryContext

  constructor(
    ctx: DeliveryContext,
    private readonly mailer: ClientMailer,
    private readonly logger: PluginLogger,
  ) {
    this.server = new MailServerWatch(ctx.transport, ctx.options.probeIntervalMs, logger)
    this.ctx = { ...ctx, judge: (error) => this.server.judge(error) }
  }

  /** True while the worker started by `start()` runs. */
  get running(): boolean {
    return this.loop !== null
  }

  /** The pause while the mail server is away (since when, why, next probe), or null. */
  get paused(): MailServerPause | null {
    return this.server.paused
  }

  /** Claims one batch of due emails and sends it, `concurrency` at a time (nothing while paused). */
  runOnce(): Promise<OutboxRun> {
    const run = this.claimAndSend()
    const settled = run.catch(() => undefined)
    this.runs.add(settled)
    void settled.finally(() => this.runs.delete(settled))
    return run
  }

  private async claimAndSend(): Promise<OutboxRun> {
    const run = emptyRun()
    if (!(await this.server.ready())) return run
    const { options } = this.ctx
    this.claims += 1
    const claimId = `${this.workerId}#${this.claims}`
    const emails = await claimDueEmails(this.ctx.dataSource, {
      id: claimId,
      now: new Date(),
      leaseMs: options.leaseMs,
      batchSize: options.batchSize,
    })
    run.claimed = emails.length
    const batch: Batch = { claimId, emails, next: 0 }
    this.batches.add(batch)
    // Each sender takes the next email until the batch is done, the worker stops or the server goes away.
    const sender = async () => {
      while (batch.next < emails.length && !this.stopping && !this.server.paused) {
        const email = emails[batch.next]
        batch.next += 1
        run[await deliverClaimed(this.ctx, email)] += 1
      }
    }
    try {
      await Promise.all(Array.from({ length: Math.min(options.concurrency, emails.length) }, sender))
    } finally {
      this.batches.delete(batch)
      run.released += await this.giveBack(batch)
    }
    return run
  }

  /** Gives back the emails of `batch` not started yet (once: `next` moves to the end at once). */
  private giveBack(batch: Batch): Promise<number> {
    const rest = batch.emails.slice(batch.next).map((email) => email.id)
    batch.next = batch.emails.length
    return releaseClaimed(this.ctx.dataSource, batch.claimId, rest)
  }

  /**
   * Sends everything due now, batch after batch, until nothing is due (retries scheduled later
   * are not waited for). At most `maxBatches` batches.
   */
  async drain(maxBatches = 1000): Promise<OutboxRun> {
    const total = emptyRun()
    for (let i = 0; i < maxBatches; i++) {
      const run = await this.runOnce()
      for (const key of Object.keys(total) as (keyof OutboxRun)[]) total[key] += run[key]
      if (run.claimed === 0) break
    }
    return total
  }

  /**
   * Starts the worker in this process (nothing with the option `worker: 'separate'`). It sends
   * at once what this process queues, and looks for other due emails every poll interval.
   */
  start(): void {
    if (this.loop || this.ctx.options.worker === 'separate') return
    const slow = timeoutsAboveLease(this.ctx.transport, this.ctx.options.leaseMs)
    if (slow) this.logger.warn(`adminjs-clients: ${slow}`)
    this.stopping = false
    this.unsubscribe = this.mailer.onQueued(() => this.wake())
    this.loop = this.work()
  }

  /**
   * A graceful stop: claims nothing more, gives back at once what it claimed and did not start
   * (another worker takes it without waiting for the lease), lets the emails on the wire finish
   * and be recorded, and resolves; after `timeoutMs` (default 15 s) at the latest, leaving a send
   * that hangs to its lease.
   */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.stopping = true
    this.wake()
    this.unsubscribe?.()
    this.unsubscribe = null
    const givenBack = [...this.batches].map((batch) =>
      this.giveBack(batch).catch((error: unknown) => {
        this.logger.error('adminjs-clients: the mail outbox could not give back its claimed emails', {
          error: error instanceof Error ? error.message : String(error),
        })
      }),
    )
    let timer: NodeJS.Timeout | undefined
    const finished = await Promise.race([
      Promise.all([this.loop, ...this.runs, ...givenBack]).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), options.timeoutMs ?? STOP_WAIT_MS)
      }),
    ])
    clearTimeout(timer)
    if (!finished) {
      this.logger.warn(
        'adminjs-clients: the mail outbox stopped waiting for emails on the wire; their lease gives them back',
      )
      return
    }
    this.loop = null
    this.stopping = false
  }

  private wake(): void {
    this.woken = true
    this.wakeUp?.()
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      this.woken = false
      let full = false
      try {
        const run = await this.runOnce()
        full = run.claimed >= this.ctx.options.batchSize
      } catch (error) {
        // The database or the network is away: say so, and try again at the next poll.
        this.logger.error('adminjs-clients: the mail outbox could not claim emails', {
          error: error instanceof Error ? error.message : String(error),
        })
      }
      if (this.stopping) break
      const paused = this.server.paused !== null
      if (!paused && (full || this.woken)) continue
      // Paused: nothing to do before the next probe (a queued email waits for it too).
      await this.sleep(paused ? this.server.msToProbe() : this.ctx.options.pollIntervalMs)
    }
  }

  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      this.wakeUp = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    this.wakeUp = null
  }
}
