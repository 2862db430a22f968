import type { PluginLogger } from '../core/pluginLogger.js'

/**
 * Work a request starts and does not wait for (the email of a reset request: the answer must not
 * say whether the address exists). A failure is logged; `idle()` lets tests and shutdowns wait.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<unknown>>()

  constructor(private readonly logger: PluginLogger) {}

  run(what: string, work: () => Promise<unknown>): void {
    const running = work()
      .catch((error: unknown) =>
        this.logger.error(`adminjs-clients: ${what} failed`, {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => this.pending.delete(running))
    this.pending.add(running)
  }

  /** Resolves once the work started so far (and any it started meanwhile) is done. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }
}
