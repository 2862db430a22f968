import {
  checkJobOptions,
  checkOutboxOptions,
  type ImportJobOptionsInput,
  type OutboxOptions,
} from '../src/index.js'

/** How a variable is written: a whole count, seconds (decimals allowed), a share from 0 to 1, or a placement. */
type Kind = 'count' | 'seconds' | 'share' | 'placement'

/** Every option of the outbox and of the import jobs, by its variable. */
const OUTBOX_ENV: Record<string, [keyof OutboxOptions, Kind]> = {
  OUTBOX_WORKER: ['worker', 'placement'],
  OUTBOX_MAX_ATTEMPTS: ['maxAttempts', 'count'],
  OUTBOX_BACKOFF_BASE_SECONDS: ['backoffBaseMs', 'seconds'],
  OUTBOX_BACKOFF_MAX_SECONDS: ['backoffMaxMs', 'seconds'],
  OUTBOX_JITTER: ['jitter', 'share'],
  OUTBOX_CONCURRENCY: ['concurrency', 'count'],
  OUTBOX_BATCH: ['batchSize', 'count'],
  OUTBOX_POLL_SECONDS: ['pollIntervalMs', 'seconds'],
  OUTBOX_LEASE_SECONDS: ['leaseMs', 'seconds'],
  OUTBOX_PROBE_SECONDS: ['probeIntervalMs', 'seconds'],
}
const IMPORT_ENV: Record<string, [keyof ImportJobOptionsInput, Kind]> = {
  IMPORT_WORKER: ['worker', 'placement'],
  IMPORT_LEASE_SECONDS: ['leaseMs', 'seconds'],
  IMPORT_HEARTBEAT_SECONDS: ['heartbeatMs', 'seconds'],
  IMPORT_POLL_SECONDS: ['pollMs', 'seconds'],
}

const PATTERNS: Record<Kind, [RegExp, string]> = {
  count: [/^\d+$/, 'a whole number'],
  seconds: [/^\d+(\.\d+)?$/, 'a number of seconds, e.g. 30 or 0.5'],
  share: [/^(0(\.\d+)?|1(\.0+)?)$/, 'a number from 0 to 1'],
  placement: [/^(in-process|separate)$/, '"in-process" or "separate"'],
}

function read<T extends object>(
  env: NodeJS.ProcessEnv,
  table: Record<string, [keyof T, Kind]>,
  problems: string[],
): Partial<T> {
  const options: Record<string, unknown> = {}
  for (const [name, [option, kind]] of Object.entries(table)) {
    const raw = env[name]?.trim()
    if (!raw) continue
    const [pattern, expected] = PATTERNS[kind]
    if (!pattern.test(raw)) {
      problems.push(`${name} must be ${expected}, got "${raw}"`)
      continue
    }
    options[option as string] =
      kind === 'placement' ? raw : kind === 'seconds' ? Math.round(Number(raw) * 1000) : Number(raw)
  }
  return options as Partial<T>
}

/** Names the variable in the plugin's own sentence (`outbox.leaseMs must…` → `OUTBOX_LEASE_SECONDS (outbox.leaseMs) must…`). */
function inTermsOf(table: Record<string, [string | number | symbol, Kind]>, prefix: string, problem: string) {
  for (const [name, [option]] of Object.entries(table)) {
    const key = `${prefix}.${String(option)}`
    if (problem.startsWith(`${key} `))
      return `${name} (${key}, in milliseconds for a duration) ${problem.slice(key.length + 1)}`
  }
  return problem
}

/**
 * The outbox's and the import jobs' options from the environment (unset: the plugin's defaults),
 * checked by the plugin's own rules; every problem named at once.
 */
export function readWorkerEnv(env: NodeJS.ProcessEnv): {
  outbox: Partial<OutboxOptions>
  jobs: ImportJobOptionsInput
  problems: string[]
} {
  const problems: string[] = []
  const outbox = read<OutboxOptions>(env, OUTBOX_ENV, problems)
  const jobs = read<ImportJobOptionsInput>(env, IMPORT_ENV, problems)
  if (problems.length === 0) {
    problems.push(...checkOutboxOptions(outbox).map((p) => inTermsOf(OUTBOX_ENV, 'outbox', p)))
    problems.push(...checkJobOptions(jobs).map((p) => inTermsOf(IMPORT_ENV, 'jobs', p)))
  }
  return { outbox, jobs, problems }
}

/** The variables this reads, for the demo's documentation test. */
export const WORKER_ENV_NAMES = [...Object.keys(OUTBOX_ENV), ...Object.keys(IMPORT_ENV)]
