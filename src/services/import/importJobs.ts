import os from 'node:os'
import type { DataSource } from 'typeorm'
import type { PluginLogger } from '../core/pluginLogger.js'
import { claimDueJob, claimToken, renewLease, type Claim } from './importClaim.js'
import type { ImportJobOptions } from './importJobOptions.js'
import { runImportJob, type JobEnd } from './importRunner.js'
import { sweepUploads } from './uploadStore.js'

/** How often an idle worker sweeps uploads older than a day. */
const SWEEP_EVERY_MS = 10 * 60_000
/** How long `stop()` waits for the chunk being written by default. */
const STOP_WAIT_MS = 15_000

/**
 * The import job worker of this process (`clients.jobs`): `start()` polls for due jobs (queued,
 * or running under a lease that ran out) and runs them one at a time, renewing its lease with a
 * heartbeat; `stop()` finishes the chunk being written, gives the job back to the queue and waits;
 * `runOnce()` claims and runs one due job now (scripts, tests, a separate worker process).
 */
export class ImportJobs {
  /** Names this process in its claims (`leaseOwner`), with a random part per claim. */
  readonly worker = `${process.pid}@${os.hostname()}`.slice(0, 40)
  private loop: Promise<void> | null = null
  private stopping = false
  private wake: (() => void) | null = null
  private lastSweep = 0
  /** Jobs this process runs now (the loop's, or a `runOnce()` of a script): `stop()` waits for them. */
  private readonly runs = new Set<Promise<void>>()

  constructor(
    private readonly dataSource: DataSource,
    readonly options: ImportJobOptions,
    private readonly logger: PluginLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while the worker polls (between `start()` and the end of `stop()`). */
  get running(): boolean {
    return this.loop !== null
  }

  /** Starts polling; does nothing if it already runs, or with `jobs.worker: 'separate'`. */
  start(): void {
    if (this.options.worker === 'separate' || this.loop) return
    this.stopping = false
    this.loop = this.poll().finally(() => {
      this.loop = null
    })
  }

  /**
   * A graceful stop: claims nothing more, the chunk being written commits, the job goes back to
   * the queue (its lease cleared: another worker resumes it at once), then it resolves; after
   * `timeoutMs` (default 15 s) at the latest, leaving a chunk that hangs (the database away) to
   * its lease. It stops a `runOnce()` under way too; later calls of `runOnce()` run again.
   */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.stopping = true
    this.wake?.()
    let timer: NodeJS.Timeout | undefined
    const finished = await Promise.race([
      Promise.all([this.loop, ...this.runs]).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), options.timeoutMs ?? STOP_WAIT_MS)
      }),
    ])
    clearTimeout(timer)
    if (!finished) {
      this.logger.warn(
        'adminjs-clients: the import worker stopped waiting for its chunk; the lease gives the job back',
      )
      return
    }
    this.stopping = false
  }

  /** A job was just queued here: look now rather than at the next poll. */
  nudge(): void {
    this.wake?.()
  }

  /** Claims the oldest due job and runs it until it ends (or the worker stops); null if none was due. */
  async runOnce(): Promise<{ batchId: number; end: JobEnd } | null> {
    const claim = await claimDueJob(
      this.dataSource,
      claimToken(this.worker),
      this.options.leaseMs,
      this.now(),
    )
    if (!claim) return null
    return { batchId: claim.batchId, end: await this.run(claim) }
  }

  private run(claim: Claim): Promise<JobEnd> {
    const run = this.runClaimed(claim)
    const settled = run.then(
      () => undefined,
      () => undefined,
    )
    this.runs.add(settled)
    void settled.then(() => this.runs.delete(settled))
    return run
  }

  private async runClaimed(claim: Claim): Promise<JobEnd> {
    let lost = false
    let beat: Promise<void> = Promise.resolve()
    const timer = setInterval(() => {
      beat = renewLease(this.dataSource, claim, this.options.leaseMs, this.now())
        .then((held) => {
          if (!held) lost = true
        })
        .catch((error: unknown) => {
          // The next chunk renews the lease too; a missed beat only shortens it.
          this.logger.warn('adminjs-clients: import job heartbeat failed', {
            batchId: claim.batchId,
            error: String(error),
          })
        })
    }, this.options.heartbeatMs)
    timer.unref()
    try {
      return await runImportJob(this.dataSource, claim, {
        leaseMs: this.options.leaseMs,
        now: this.now,
        shouldStop: () => this.stopping || lost,
      })
    } finally {
      clearInterval(timer)
      await beat
    }
  }

  private async poll(): Promise<void> {
    while (!this.stopping) {
      let ran = false
      try {
        ran = (await this.runOnce()) !== null
        if (!ran && this.now() - this.lastSweep > SWEEP_EVERY_MS) {
          this.lastSweep = this.now()
          await sweepUploads(this.dataSource, this.now())
        }
      } catch (error) {
        // The database is away, say: the job's lease runs out and a worker takes it again later.
        this.logger.error('adminjs-clients: import job worker', { error: String(error) })
      }
      if (!ran && !this.stopping) await this.sleep(this.options.pollMs)
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = () => {
        this.wake = null
        done()
      }
    })
  }
}
