import { isWorkerPlacement, type WorkerPlacement } from '../core/workerPlacement.js'

/** How this process runs import jobs (option `jobs` of createClientManagement). */
export interface ImportJobOptions {
  /** How long a claim holds a job without a sign of life; then any worker may take it over. Default 60 s. */
  leaseMs: number
  /** How often a worker running a job renews its lease (each committed chunk renews it too). Default 15 s. */
  heartbeatMs: number
  /** How often an idle worker looks for a due job. Default 2 s. */
  pollMs: number
  /**
   * `in-process` (default): `clients.jobs.start()` runs the worker here. `separate`: `start()`
   * runs nothing in this process, a process of its own does; `runOnce()` still works. As for
   * `outbox.worker`; `true` and `false` (this option's first form) still mean the same two.
   */
  worker: WorkerPlacement
}

/** The `jobs` option as a host gives it: any part, `worker` also as a boolean. */
export type ImportJobOptionsInput = Partial<Omit<ImportJobOptions, 'worker'>> & {
  worker?: WorkerPlacement | boolean
}

export const DEFAULT_JOB_OPTIONS: Readonly<ImportJobOptions> = {
  leaseMs: 60_000,
  heartbeatMs: 15_000,
  pollMs: 2_000,
  worker: 'in-process',
}

const DURATIONS = ['leaseMs', 'heartbeatMs', 'pollMs'] as const

/** What is wrong with the `jobs` option, one sentence each. */
export function checkJobOptions(value: unknown): string[] {
  if (value === undefined) return []
  if (typeof value !== 'object' || value === null) return ['jobs must be an object']
  const given = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined),
  )
  const problems: string[] = []
  for (const name of DURATIONS) {
    const n = given[name]
    if (n !== undefined && (!Number.isSafeInteger(n) || (n as number) < 10)) {
      problems.push(`jobs.${name} must be a whole number of milliseconds, 10 or more`)
    }
  }
  if (given.worker !== undefined && typeof given.worker !== 'boolean' && !isWorkerPlacement(given.worker))
    problems.push('jobs.worker must be "in-process" or "separate"')
  const { leaseMs, heartbeatMs } = resolveJobOptions(given)
  if (problems.length === 0 && heartbeatMs >= leaseMs) {
    problems.push('jobs.heartbeatMs must be shorter than jobs.leaseMs (a quarter of it is usual)')
  }
  return problems
}

export function resolveJobOptions(value: ImportJobOptionsInput | undefined): ImportJobOptions {
  // An option given as undefined is an option not given.
  const given = Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined))
  if (typeof given.worker === 'boolean') given.worker = given.worker ? 'in-process' : 'separate'
  const leaseMs = (given.leaseMs as number | undefined) ?? DEFAULT_JOB_OPTIONS.leaseMs
  return {
    ...DEFAULT_JOB_OPTIONS,
    // A shorter lease alone brings its heartbeat down with it.
    heartbeatMs: Math.min(DEFAULT_JOB_OPTIONS.heartbeatMs, Math.max(10, Math.floor(leaseMs / 4))),
    ...given,
  }
}
