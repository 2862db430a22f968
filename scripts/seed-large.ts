// `npm run seed:large [-- --clients 1000000]`: brings the demo's database (SQLite in DATA_DIR, or
// DATABASE_URL) to a large data set for benchmarks and to try the panel at size: by default
// 100,000 clients, 300,000 contracts and 1,000,000 commissions (3 contracts and 10 commissions a
// client). Run it again to continue after a stop; on a complete set it does nothing.
import { mkdir } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { readDemoConfig } from '../demo/config.js'
import { createDemoDataSource, prepareSchema } from '../demo/dataSource.js'
import { LARGE_SIZES, largeSizes, progressBar, seedLarge } from '../demo/seedLarge.js'

const { values } = parseArgs({ options: { clients: { type: 'string' } } })
const clients =
  values.clients === undefined ? LARGE_SIZES.clients : Number(values.clients.replace(/[_,]/g, ''))
if (!Number.isInteger(clients) || clients < 1 || clients > 50_000_000) {
  console.error(`--clients must be a whole number from 1 to 50,000,000 (got ${values.clients})`)
  process.exit(2)
}
const config = readDemoConfig()
await mkdir(config.dataDir, { recursive: true })
const dataSource = await createDemoDataSource(config)
await dataSource.initialize()
await prepareSchema(dataSource)
const started = Date.now()
const sizes = await seedLarge(dataSource, largeSizes(clients), progressBar())
console.log(
  `Large set: ${sizes.clients.toLocaleString('en')} clients, ${sizes.contracts.toLocaleString('en')} contracts and ` +
    `${sizes.commissions.toLocaleString('en')} commissions, there after ${((Date.now() - started) / 1000).toFixed(0)} s ` +
    `(${config.databaseUrl ? 'DATABASE_URL' : `SQLite in ${config.dataDir}`}).`,
)
await dataSource.destroy()
