// Flat cost with size (`npm run bench -- --clients 1000000 --against 100000`): each read case on
// the large data set and on the small one, interleaved in one run (large, small, large…) so the
// machine's load falls on both alike, and the import of the same file size into each.
import { largeSizes } from '../demo/seedLarge.js'
import { child, getter, readCases, startPanel, type BenchPanel, type ReadCases } from './harness.js'
import type { BenchOptions } from './options.js'
import type { CaseResult } from './report.js'
import { interleave, pairedRatio, summary } from './stats.js'

type Import = { seconds: number; rowsPerSecond: number; peakRssMb: number; imported: number }

export async function flatCases(
  options: BenchOptions,
  against: number,
  large: BenchPanel,
  largeCases: ReadCases,
): Promise<CaseResult[]> {
  const small = await startPanel(largeSizes(against))
  const smallCases = await readCases(small.dataSource)
  const results: CaseResult[] = []
  const sizes = `${options.sizes.clients.toLocaleString('en')} / ${against.toLocaleString('en')} clients`
  for (const [id, name] of largeCases.reads) {
    if (!options.selected(id)) continue
    process.stderr.write(`flat cost, ${name}… `)
    const r = await interleave(
      large.counter,
      {
        large: getter(large.base, large.cookies.ours, largeCases.urls[id].ours),
        small: getter(small.base, small.cookies.ours, smallCases.urls[id].ours),
        // The floor on both sets: what the database itself does with the size.
        largeFloor: getter(large.base, undefined, largeCases.urls[id].floor),
        smallFloor: getter(small.base, undefined, smallCases.urls[id].floor),
      },
      { runs: options.runs, warmup: options.warmup },
    )
    results.push({
      id: `flat-${id}`,
      name: `${name}, ${sizes}`,
      kind: 'flat',
      large: summary(r.samples.large!),
      small: summary(r.samples.small!),
      ratios: {
        largeOverSmall: pairedRatio(r.samples.large!.ms, r.samples.small!.ms),
        floorLargeOverSmall: pairedRatio(r.samples.largeFloor!.ms, r.samples.smallFloor!.ms),
      },
    })
    process.stderr.write('done\n')
  }
  await small.close()
  if (options.selected('import')) {
    process.stderr.write(`flat cost, import of ${options.importRows.toLocaleString('en')} rows into each… `)
    const rows = String(options.importRows)
    // small, large, small, large: the medians of two each.
    const runs: { small: Import[]; large: Import[] } = { small: [], large: [] }
    for (let i = 0; i < 2; i += 1) {
      runs.small.push(child<Import>('bench/importCase.ts', ['ours', small.target, rows]))
      runs.large.push(child<Import>('bench/importCase.ts', ['ours', large.target, rows]))
    }
    const mean = (xs: Import[]) => xs.reduce((sum, x) => sum + x.seconds, 0) / xs.length
    results.push({
      id: 'flat-import',
      name: `import ${options.importRows.toLocaleString('en')} rows, ${sizes}`,
      kind: 'flat',
      large: { seconds: mean(runs.large), peakRssMb: Math.max(...runs.large.map((r) => r.peakRssMb)) },
      small: { seconds: mean(runs.small), peakRssMb: Math.max(...runs.small.map((r) => r.peakRssMb)) },
      ratios: { largeOverSmall: mean(runs.large) / mean(runs.small) },
      note: 'two imports into each data set, taken in turn; each undone afterwards (not timed)',
    })
    process.stderr.write('done\n')
  }
  await small.dataSource.destroy()
  return results
}
