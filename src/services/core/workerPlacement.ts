/**
 * Where a queue's worker runs (options `outbox.worker` and `jobs.worker`): `in-process`, started
 * by `start()` in this process, or `separate`: this process only queues, `start()` does nothing,
 * and a process of its own (built with `in-process`) does the work.
 */
export type WorkerPlacement = 'in-process' | 'separate'

export const isWorkerPlacement = (value: unknown): value is WorkerPlacement =>
  value === 'in-process' || value === 'separate'
