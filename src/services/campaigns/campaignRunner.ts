import type { DataSource } from 'typeorm'
import { Campaign } from '../../entities/Campaign.js'
import type { PluginLogger } from '../core/pluginLogger.js'
import type { ClientList } from '../list/clientList.js'
import type { CampaignOptions } from './campaignOptions.js'
import { planStep } from './campaignPlan.js'
import { finishIfDone, releaseStep, type ReleaseContext } from './campaignRelease.js'

/** What one pass did. */
export interface CampaignRun {
  started: number
  planned: number
  released: number
  done: number
}

/**
 * The campaign worker of one instance: starts the scheduled campaigns whose time has come,
 * freezes the segment of a started one (a keyset page per transaction), releases its emails to the
 * outbox at the throttle's pace and marks it done. Every step holds the campaign's row: any number
 * of instances may run it at once (`runOnce` by hand in tests and scripts, `start()` in a process).
 */
export class CampaignRunner {
  private loop: Promise<void> | null = null
  private stopping = false
  private wakeUp: (() => void) | null = null

  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: ClientList,
    private readonly context: () => ReleaseContext | null,
    private readonly options: CampaignOptions,
    private readonly logger: PluginLogger,
  ) {}

  async runOnce(now = new Date()): Promise<CampaignRun> {
    const run: CampaignRun = { started: 0, planned: 0, released: 0, done: 0 }
    const ctx = this.context()
    if (!ctx) return run
    const started = await this.dataSource
      .createQueryBuilder()
      .update(Campaign)
      .set({ status: 'sending', startedAt: now, planCursor: null })
      .where('status = :scheduled AND scheduledAt <= :now', { scheduled: 'scheduled', now })
      .execute()
    run.started = started.affected ?? 0
    const sending = await this.dataSource
      .getRepository(Campaign)
      .find({ select: { id: true, plannedAt: true }, where: { status: 'sending' }, order: { id: 'ASC' } })
    for (const { id, plannedAt } of sending) {
      if (!plannedAt) {
        while (!(await planStep(this.dataSource, this.clients, id))) {
          if (this.stopping) return run
        }
        run.planned += 1
      }
      run.released += await releaseStep(ctx, id, now)
      if (await finishIfDone(this.dataSource, id)) run.done += 1
    }
    return run
  }

  start(): void {
    if (this.loop || this.options.worker === 'separate') return
    this.stopping = false
    this.loop = this.work()
  }

  async stop(): Promise<void> {
    this.stopping = true
    this.wakeUp?.()
    await this.loop
    this.loop = null
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.runOnce()
      } catch (error) {
        this.logger.error('adminjs-clients: the campaign worker failed a pass', {
          error: error instanceof Error ? error.message : String(error),
        })
      }
      if (this.stopping) break
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs)
        this.wakeUp = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wakeUp = null
    }
  }
}
