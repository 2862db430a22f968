// `npm run retention [-- --dry-run] [-- --months 36]`: anonymises the clients inactive for the
// months set in the panel (or --months), on the demo's database; put it in cron.
import { readDemoConfig } from '../demo/config.js'
import { createDemoDataSource } from '../demo/dataSource.js'
import { readRetentionArgs, retentionCli } from '../demo/retentionCli.js'

let options
try {
  options = readRetentionArgs(process.argv.slice(2))
} catch (error) {
  console.error(
    `${(error as Error).message}\nusage: npm run retention -- [--dry-run] [--months N] [--batch N]`,
  )
  process.exit(2)
}
const config = readDemoConfig()
const dataSource = await createDemoDataSource(config)
await dataSource.initialize()
try {
  process.exitCode = await retentionCli(dataSource, 'fr', options, (line) =>
    process.stdout.write(`${line}\n`),
  )
} finally {
  await dataSource.destroy()
}
