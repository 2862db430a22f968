// What `npm run retention` does, apart from opening the database: testable with any DataSource.
import type { DataSource } from 'typeorm'
import { Retention, type Language } from '../src/index.js'
import { demoErasure } from './erasure.js'

export interface RetentionCliOptions {
  dryRun: boolean
  /** Overrides the months set in the panel. */
  months: number | null
  batchSize?: number
}

/** `--dry-run`, `--months 36`, `--batch 200`; anything else is an error with the usage. */
export function readRetentionArgs(args: string[]): RetentionCliOptions {
  const options: RetentionCliOptions = { dryRun: false, months: null }
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]
    const value = () => {
      const next = args[i + 1]
      i += 1
      if (!next || !/^\d+$/.test(next)) throw new Error(`${arg} takes a whole number`)
      return Number(next)
    }
    if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--months') options.months = value()
    else if (arg === '--batch') options.batchSize = value()
    else throw new Error(`unknown option ${arg}`)
  }
  return options
}

/**
 * Runs retention once: the months from `--months` or the panel's setting (off: nothing done),
 * then a dry run (who would be anonymised) or the run. Returns the exit code.
 */
export async function retentionCli(
  dataSource: DataSource,
  language: Language,
  options: RetentionCliOptions,
  print: (line: string) => void,
): Promise<number> {
  const retention = new Retention(dataSource, language, demoErasure)
  const months = options.months ?? (await retention.months())
  if (months === null) {
    print('Retention is off: set it in the panel (Clients → Retention) or pass --months N.')
    return 0
  }
  if (options.dryRun) {
    const { total, clients } = await retention.dryRun(months, { limit: 100_000 })
    print(`${total} client(s) inactive for ${months} months would be anonymised:`)
    for (const c of clients)
      print(`  ${c.clientNumber}\t${[c.lastName, c.firstName].filter(Boolean).join(' ')}`)
    return 0
  }
  const { anonymised, batches } = await retention.run(
    { email: 'retention', ip: null, type: 'system' },
    months,
    { batchSize: options.batchSize },
  )
  print(`Anonymised ${anonymised.length} client(s) inactive for ${months} months, in ${batches} batch(es).`)
  return 0
}
