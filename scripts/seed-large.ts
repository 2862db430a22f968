// `npm run seed:large`: adds 100,000 clients, 300,000 contracts and 1,000,000 commissions to the
// demo's database (SQLite in DATA_DIR, or DATABASE_URL), for benchmarks and to try the panel at size.
import { mkdir } from 'node:fs/promises'
import { readDemoConfig } from '../demo/config.js'
import { createDemoDataSource, prepareSchema } from '../demo/dataSource.js'
import { LARGE_SIZES, progressBar, seedLarge } from '../demo/seedLarge.js'

const config = readDemoConfig()
await mkdir(config.dataDir, { recursive: true })
const dataSource = await createDemoDataSource(config)
await dataSource.initialize()
await prepareSchema(dataSource)
const started = Date.now()
const sizes = await seedLarge(dataSource, LARGE_SIZES, progressBar())
console.log(
  `Added ${sizes.clients.toLocaleString('en')} clients, ${sizes.contracts.toLocaleString('en')} contracts and ` +
    `${sizes.commissions.toLocaleString('en')} commissions in ${((Date.now() - started) / 1000).toFixed(0)} s ` +
    `(${config.databaseUrl ? 'DATABASE_URL' : `SQLite in ${config.dataDir}`}).`,
)
await dataSource.destroy()
