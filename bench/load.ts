import { spawn } from 'node:child_process'
import { percentile } from './stats.js'

export interface LoadSide {
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
  requests: number
  seconds: number
  /** Answers other than 200, and connection errors and timeouts. */
  failed: number
}

interface Slice {
  requests: number
  seconds: number
  non2xx: number
  errors: number
  latencies: number[]
}

function slice(
  url: string,
  cookie: string | undefined,
  connections: number,
  seconds: number,
): Promise<Slice> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/loadClient.ts', JSON.stringify({ url, cookie, connections, seconds })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? ''
      if (code !== 0 || !line.startsWith('{'))
        reject(new Error(`load client failed (${code}): ${out.slice(-300)}`))
      else resolve(JSON.parse(line) as Slice)
    })
  })
}

/**
 * A load case: `connections` concurrent connections for `seconds` per side, each side's time cut
 * in slices taken in turn (ours, peer, ours, peer…) so that a change in the machine's load
 * falls on both. The load generator runs in a child process (autocannon), the server in this one.
 */
export async function loadCase(
  sides: Record<string, { url: string; cookie?: string }>,
  options: { connections: number; seconds: number; slices: number },
): Promise<Record<string, LoadSide>> {
  const names = Object.keys(sides)
  const parts: Record<string, Slice[]> = Object.fromEntries(names.map((n) => [n, []]))
  const perSlice = Math.max(1, Math.round(options.seconds / options.slices))
  for (let i = 0; i < options.slices; i += 1) {
    for (const name of names) {
      // The requests the previous slice left queued are answered before this one starts.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      parts[name].push(await slice(sides[name].url, sides[name].cookie, options.connections, perSlice))
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const all = parts[name]
      const requests = all.reduce((n, s) => n + s.requests, 0)
      const seconds = all.reduce((n, s) => n + s.seconds, 0)
      const latencies = all.flatMap((s) => s.latencies)
      return [
        name,
        {
          requestsPerSecond: requests / seconds,
          p50Ms: percentile(latencies, 50),
          p95Ms: percentile(latencies, 95),
          requests,
          seconds,
          failed: all.reduce((n, s) => n + s.non2xx + s.errors, 0),
        },
      ]
    }),
  )
}
