// Shared by the breakdowns (bench/breakdown.ts for a request, bench/importCase.ts --phases for
// an import): a V8 CPU profile's samples by layer, and the SQL time through TypeORM's query runner.
import type { DataSource } from 'typeorm'

export type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

/** Where a sample outside every layer goes. */
export const NODE = 'Node (HTTP parser, sockets, timers)'
const IDLE = '(idle)'

/**
 * The share of the profile's busy samples in each layer: a sample goes to the innermost frame of
 * its stack that a layer's pattern matches; `apart` takes first the samples whose stack has a
 * frame it matches anywhere (the bench's own client). By count, not by time delta: a sample after
 * a wait carries the wait in its delta (the first one, the time before the profile started).
 */
export function byLayer(
  profile: Profile,
  layers: [string, RegExp][],
  apart?: [string, RegExp],
): Map<string, number> {
  const parent = new Map<number, number>()
  const node = new Map(profile.nodes.map((n) => [n.id, n]))
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const layerOf = new Map<number, string>()
  const classify = (id: number): string => {
    const known = layerOf.get(id)
    if (known) return known
    const leaf = node.get(id)?.callFrame
    let layer: string | null = null
    if (leaf?.functionName === '(garbage collector)') layer = 'GC'
    else if (leaf?.functionName === '(idle)') layer = IDLE
    else if (leaf?.functionName === '(program)') layer = 'V8 (program)'
    const stack: { functionName: string; url: string }[] = []
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = node.get(at)?.callFrame
      if (frame) stack.push(frame)
    }
    if (!layer && apart && stack.some((f) => apart[1].test(f.url))) layer = apart[0]
    if (!layer && leaf && leaf.url === '' && /^(stringify|parse)$/.test(leaf.functionName)) layer = 'JSON'
    for (const frame of stack) {
      if (layer) break
      layer = layers.find(([, pattern]) => pattern.test(frame.url))?.[0] ?? null
    }
    layerOf.set(id, layer ?? NODE)
    return layer ?? NODE
  }
  const totals = new Map<string, number>()
  const busy = profile.samples.slice(1).filter((id) => classify(id) !== IDLE)
  for (const id of busy) totals.set(classify(id), (totals.get(classify(id)) ?? 0) + 1 / busy.length)
  return totals
}

/**
 * Wall time spent in the query runner's `query` (every SQL statement TypeORM sends): `ms` the
 * time at least one statement was in flight (some are sent side by side) and their count; with
 * `classOf`, each class's own sum of durations and count too.
 */
export function sqlTimer(dataSource: DataSource, classOf: (sql: string) => string = () => 'all') {
  const runner = dataSource.createQueryRunner()
  let proto = Object.getPrototypeOf(runner)
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'query')) proto = Object.getPrototypeOf(proto)
  void runner.release()
  const original = proto.query as (...args: unknown[]) => Promise<unknown>
  const totals = { ms: 0, count: 0 }
  const byClass = new Map<string, { ms: number; count: number }>()
  let inFlight = 0
  let since = 0
  proto.query = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now()
    if (inFlight++ === 0) since = started
    try {
      return await original.apply(this, args)
    } finally {
      const now = performance.now()
      if (--inFlight === 0) totals.ms += now - since
      totals.count += 1
      const name = classOf(String(args[0]))
      const entry = byClass.get(name) ?? { ms: 0, count: 0 }
      entry.ms += now - started
      entry.count += 1
      byClass.set(name, entry)
    }
  }
  return {
    reset: () => {
      Object.assign(totals, { ms: 0, count: 0 })
      byClass.clear()
    },
    totals,
    byClass,
  }
}
