import type { Transporter } from 'nodemailer'
import type { PluginLogger } from '../core/pluginLogger.js'
import { isServerFailure } from './mailServerFailure.js'

/** What the outbox sends through: nodemailer's `sendMail`, and its `verify` when there is one (to ask the server without sending). */
export type OutboxTransport = Pick<Transporter, 'sendMail'> & { verify?: () => Promise<unknown> }

/**
 * What a failed send says: `email`, this message's own refusal (its per-email backoff);
 * `server-down`, the server is away (this worker pauses; the email's attempt is not spent);
 * `server-blip`, a server failure but the server answers again at once (a retry soon, counted).
 */
export type SendFailure = 'email' | 'server-down' | 'server-blip'

/** This worker's pause while the mail server is away. */
export interface MailServerPause {
  since: Date
  /** The failure that started it. */
  error: string
  /** When the server is asked again. */
  nextProbeAt: Date
}

/** A probe that hangs is a failed probe after this long (the transport's own timeouts end it later). */
const MIN_PROBE_WAIT_MS = 10_000

/**
 * The mail server as one worker sees it. A send that fails because of the server pauses the worker
 * (nothing claimed, no attempt spent) until a probe, every `probeIntervalMs`, finds it back.
 * The pause is this process's own: each instance asks through its own network path and
 * credentials, so a server unreachable from one instance never stops another that reaches it.
 */
export class MailServerWatch {
  private pause: MailServerPause | null = null
  private confirming: Promise<boolean> | null = null

  constructor(
    private readonly transport: OutboxTransport,
    private readonly probeIntervalMs: number,
    private readonly logger: PluginLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The pause under way, or null while the server answers. */
  get paused(): MailServerPause | null {
    return this.pause
  }

  /** Why a send failed with `error`; the first server failure confirmed by a probe pauses the worker. */
  async judge(error: unknown): Promise<SendFailure> {
    if (!isServerFailure(error)) return 'email'
    if (this.pause) return 'server-down'
    // One question to the server for all the sends failing together.
    this.confirming ??= this.answers(false).finally(() => {
      this.confirming = null
    })
    if (await this.confirming) return 'server-blip'
    if (!this.pause) {
      const message = error instanceof Error ? error.message : String(error)
      this.pause = {
        since: new Date(this.now()),
        error: message.slice(0, 500),
        nextProbeAt: new Date(this.now() + this.probeIntervalMs),
      }
      this.logger.warn('adminjs-clients: the mail server is away; the outbox pauses and asks it again', {
        error: this.pause.error,
        probeSeconds: this.probeIntervalMs / 1000,
      })
    }
    return 'server-down'
  }

  /** True when the worker may claim: no pause, or a due probe found the server back (the pause ends). */
  async ready(): Promise<boolean> {
    const pause = this.pause
    if (!pause) return true
    if (this.now() < pause.nextProbeAt.getTime()) return false
    if (await this.answers(true)) {
      this.pause = null
      this.logger.warn('adminjs-clients: the mail server answers again; the outbox resumes', {
        pausedSeconds: Math.round((this.now() - pause.since.getTime()) / 1000),
      })
      return true
    }
    pause.nextProbeAt = new Date(this.now() + this.probeIntervalMs)
    return false
  }

  /** Milliseconds until the next probe; 0 when there is no pause. */
  msToProbe(): number {
    return this.pause ? Math.max(0, this.pause.nextProbeAt.getTime() - this.now()) : 0
  }

  /**
   * Asks the server (nodemailer's `verify`: connect, greet, log in, quit). A transport without
   * `verify` cannot be asked: its next sends are the probe (`resuming`), never a confirmation.
   */
  private async answers(resuming: boolean): Promise<boolean> {
    const verify = this.transport.verify
    if (typeof verify !== 'function') return resuming
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(this.probeIntervalMs, MIN_PROBE_WAIT_MS))
    })
    try {
      const asked = verify.call(this.transport).then(
        () => true,
        () => false,
      )
      return await Promise.race([asked, late])
    } finally {
      clearTimeout(timer)
    }
  }
}
