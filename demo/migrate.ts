// `npm run migrate`: brings DATABASE_URL (MySQL/MariaDB) up to date; on SQLite the schema is synchronized.
import { mkdir } from 'node:fs/promises'
import { readDemoConfig } from './config.js'
import { createDemoDataSource, prepareSchema } from './dataSource.js'

const config = readDemoConfig()
await mkdir(config.dataDir, { recursive: true })
const dataSource = await createDemoDataSource(config)
await dataSource.initialize()
const ran = await prepareSchema(dataSource)
console.log(
  config.databaseUrl
    ? ran.length > 0
      ? `Ran ${ran.length} migration(s): ${ran.join(', ')}`
      : 'Database already up to date.'
    : `SQLite schema synchronized in ${config.dataDir}.`,
)
await dataSource.destroy()
