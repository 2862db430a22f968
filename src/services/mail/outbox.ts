import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { PluginLogger } from '../core/options.js'
import type { ClientMailer } from './clientMailer.js'
import { claimDueEmails } from './outboxClaim.js'
import { deliverClaimed, type DeliveryContext, type DeliveryOutcome } from './outboxDelivery.js'

/** What one pass of the worker did. */
export type OutboxRun = Record<DeliveryOutcome, number> & { claimed: number }

const emptyRun = (): OutboxRun => ({ claimed: 0, sent: 0, retry: 0, failed: 0, lost: 0 })

/**
 * The delivery worker: claims due emails of the outbox (EmailLog rows `queued`, or `sending` with
 * a lease run out), sends them a few at a time and records each outcome. `start()` runs it until
 * `stop()`; `runOnce()` and `drain()` run it by hand (tests, a worker process, a cron job).
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

  constructor(
    private readonly ctx: DeliveryContext,
    private readonly mailer: ClientMailer,
    private readonly logger: PluginLogger,
  ) {}

  /** True while the worker started by `start()` runs. */
  get running(): boolean {
    return this.loop !== null
  }

  /** Claims one batch of due emails and sends it, `concurrency` at a time. */
  async runOnce(): Promise<OutboxRun> {
    const { options } = this.ctx
    this.claims += 1
    const claimed = await claimDueEmails(this.ctx.dataSource, {
      id: `${this.workerId}#${this.claims}`,
      now: new Date(),
      leaseMs: options.leaseMs,
      batchSize: options.batchSize,
    })
    const run = emptyRun()
    run.claimed = claimed.length
    let next = 0
    const sender = async () => {
      while (next < claimed.length) {
        const email = claimed[next]
        next += 1
        run[await deliverClaimed(this.ctx, email)] += 1
      }
    }
    await Promise.all(Array.from({ length: Math.min(options.concurrency, claimed.length) }, sender))
    return run
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
    this.stopping = false
    this.unsubscribe = this.mailer.onQueued(() => this.wake())
    this.loop = this.work()
  }

  /** Stops claiming, waits for the emails being sent to be recorded, and resolves. */
  async stop(): Promise<void> {
    this.stopping = true
    this.wake()
    this.unsubscribe?.()
    this.unsubscribe = null
    const loop = this.loop
    await loop
    this.loop = null
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
      if (full || this.woken) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.ctx.options.pollIntervalMs)
        this.wakeUp = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wakeUp = null
    }
  }
}
