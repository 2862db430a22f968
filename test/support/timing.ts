/** Milliseconds a call takes. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * The ratio of two calls' median times (a / b), measured over alternated calls so that a busy
 * moment of the machine slows both alike. A real gap is steady; noise is not: up to `rounds`
 * rounds of `calls` pairs, the first whose ratio is within `within` is kept, else the last. Each
 * call gets its round and index (for distinct emails, IPs…).
 */
export async function steadyRatio(
  a: (round: number, i: number) => Promise<unknown>,
  b: (round: number, i: number) => Promise<unknown>,
  options: { within: [number, number]; calls?: number; rounds?: number },
): Promise<{ ratio: number; medians: [number, number]; rounds: number }> {
  const [low, high] = options.within
  let last = { ratio: NaN, medians: [NaN, NaN] as [number, number], rounds: 0 }
  for (let round = 0; round < (options.rounds ?? 3); round += 1) {
    const times: [number[], number[]] = [[], []]
    for (let i = 0; i < (options.calls ?? 9); i += 1) {
      times[0].push(await timed(() => a(round, i)))
      times[1].push(await timed(() => b(round, i)))
    }
    const medians: [number, number] = [median(times[0]), median(times[1])]
    last = { ratio: medians[0] / medians[1], medians, rounds: round + 1 }
    if (last.ratio > low && last.ratio < high) break
  }
  return last
}
