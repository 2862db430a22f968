import { performance } from 'node:perf_hooks'

export type Side = 'ours' | 'floor' | 'peer'
export type Send = () => Promise<number>

export interface Sample {
  ms: number[]
  queries: number[]
  bytes: number[]
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
export const median = (values: number[]) => percentile(values, 50)

/** Counts the SQL statements TypeORM sends (it calls its logger for each one). */
export interface QueryCounter {
  reset: () => void
  readonly count: number
}

/**
 * The sides of a case, interleaved (A, B, C, A, B, C…, the first side turning each round) so
 * that a change in the machine's load falls on all of them alike: one block of 30 requests per
 * side made two runs of the same commit disagree by 2×. Each round's ratio is kept too, and the
 * report gives their median: the ratio of requests made a few milliseconds apart.
 */
export async function interleave<K extends string = Side>(
  counter: QueryCounter,
  sides: Partial<Record<K, Send>>,
  options: { runs: number; warmup: number; reset?: () => Promise<void> },
): Promise<{ samples: Partial<Record<K, Sample>>; peakRssMb: number }> {
  const order = Object.keys(sides) as K[]
  for (let i = 0; i < options.warmup; i += 1) {
    for (const side of order) {
      await sides[side]!()
      await options.reset?.()
    }
  }
  const samples: Partial<Record<K, Sample>> = {}
  for (const side of order) samples[side] = { ms: [], queries: [], bytes: [] }
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  for (let i = 0; i < options.runs; i += 1) {
    for (let k = 0; k < order.length; k += 1) {
      const side = order[(i + k) % order.length]
      counter.reset()
      const started = performance.now()
      const bytes = await sides[side]!()
      const sample = samples[side]!
      sample.ms.push(performance.now() - started)
      sample.queries.push(counter.count)
      sample.bytes.push(bytes)
      await options.reset?.()
    }
  }
  clearInterval(timer)
  return { samples, peakRssMb: Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024 }
}

/** The median of the ratios a[i] / b[i], round by round. */
export function pairedRatio(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length)
  if (n === 0) return NaN
  return median(Array.from({ length: n }, (_, i) => a[i] / b[i]))
}

export interface SideSummary {
  medianMs: number
  p95Ms: number
  queries: number
  bytes: number
  runs: number
}

export const summary = (sample: Sample): SideSummary => ({
  medianMs: median(sample.ms),
  p95Ms: percentile(sample.ms, 95),
  queries: median(sample.queries),
  bytes: median(sample.bytes),
  runs: sample.ms.length,
})
