import { isWorkerPlacement, type WorkerPlacement } from '../core/workerPlacement.js'
/** How the delivery worker sends the queued emails (option `outbox` of `createClientManagement`). */
export interface OutboxOptions {
  /**
   * `in-process` (default): `clients.outbox.start()` runs the worker in this process.
   * `separate`: this process only queues; `start()` does nothing and wakes nobody, and a worker
   * process of its own (built with `in-process`) delivers.
   */
  worker: WorkerPlacement
  /** Sending attempts before an email ends `failed`. Default 8. */
  maxAttempts: number
  /** Delay before the second attempt; it doubles at each one after. Default 12 minutes. */
  backoffBaseMs: number
  /** Longest delay between two attempts. Default 12 hours (8 attempts span about a day). */
  backoffMaxMs: number
  /** Each delay is spread by up to this share either way, so that retries do not bunch. Default 0.2. */
  jitter: number
  /** Emails sent at the same time by one worker. Default 4. */
  concurrency: number
  /** Emails claimed at once. Default 20. */
  batchSize: number
  /** How often an idle worker looks for due emails (emails queued in its own process wake it). Default 5 s. */
  pollIntervalMs: number
  /**
   * How long a claim holds an email: if the worker dies, the email is due again after it. Keep it
   * above the transport's own timeouts (`outboxSmtpTimeouts(leaseMs)` gives such ones). Default 5 minutes.
   */
  leaseMs: number
  /**
   * While the mail server itself is away (refused, silent, a 4xx/5xx greeting, our login
   * refused), this worker sends nothing and asks the server again this often. Default 30 s.
   */
  probeIntervalMs: number
}

export const DEFAULT_OUTBOX_OPTIONS: Readonly<OutboxOptions> = {
  worker: 'in-process',
  maxAttempts: 8,
  backoffBaseMs: 12 * 60_000,
  backoffMaxMs: 12 * 3600_000,
  jitter: 0.2,
  concurrency: 4,
  batchSize: 20,
  pollIntervalMs: 5_000,
  leaseMs: 5 * 60_000,
  probeIntervalMs: 30_000,
}

const WHOLE_NUMBERS: Record<string, [min: number, max: number]> = {
  maxAttempts: [1, 100],
  backoffBaseMs: [1, 7 * 24 * 3600_000],
  backoffMaxMs: [1, 7 * 24 * 3600_000],
  concurrency: [1, 100],
  batchSize: [1, 1000],
  pollIntervalMs: [10, 3600_000],
  leaseMs: [100, 24 * 3600_000],
  probeIntervalMs: [10, 3600_000],
}

/** What is wrong with the `outbox` option, one sentence each. */
export function checkOutboxOptions(value: unknown): string[] {
  if (value === undefined) return []
  if (typeof value !== 'object' || value === null) return ['outbox must be an object']
  const options = value as Record<string, unknown>
  const problems: string[] = []
  if (options.worker !== undefined && !isWorkerPlacement(options.worker)) {
    problems.push('outbox.worker must be "in-process" or "separate"')
  }
  for (const [name, [min, max]] of Object.entries(WHOLE_NUMBERS)) {
    const n = options[name]
    if (n !== undefined && (!Number.isInteger(n) || (n as number) < min || (n as number) > max)) {
      problems.push(`outbox.${name} must be a whole number from ${min} to ${max}`)
    }
  }
  const jitter = options.jitter
  if (jitter !== undefined && (typeof jitter !== 'number' || !(jitter >= 0 && jitter <= 1))) {
    problems.push('outbox.jitter must be a number from 0 to 1')
  }
  const resolved = { ...DEFAULT_OUTBOX_OPTIONS, ...options }
  if (
    Number.isInteger(resolved.backoffBaseMs) &&
    Number.isInteger(resolved.backoffMaxMs) &&
    (resolved.backoffMaxMs as number) < (resolved.backoffBaseMs as number)
  ) {
    problems.push('outbox.backoffMaxMs must not be below outbox.backoffBaseMs')
  }
  return problems
}

export const resolveOutboxOptions = (value: Partial<OutboxOptions> | undefined): OutboxOptions => ({
  ...DEFAULT_OUTBOX_OPTIONS,
  ...(value ?? {}),
})

/**
 * The wait before the next attempt once `attempts` have failed: base × 2^(attempts − 1), at most
 * the maximum, spread by the jitter. `random` in [0, 1).
 */
export function retryDelayMs(
  attempts: number,
  options: Pick<OutboxOptions, 'backoffBaseMs' | 'backoffMaxMs' | 'jitter'>,
  random: number = Math.random(),
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 40)
  const delay = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** exponent)
  return Math.max(0, Math.round(delay * (1 + options.jitter * (2 * random - 1))))
}
