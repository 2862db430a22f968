// Writes the demo's own MySQL/MariaDB migrations (panel users, sessions) against a database that
// already has the plugin's tables:
//   MYSQL_URL=… npx tsx node_modules/typeorm/cli.js migration:generate -d scripts/demo-data-source.ts demo/migrations/Name
import { DataSource } from 'typeorm'
import { demoEntities } from '../demo/dataSource.js'
import { demoMigrations } from '../demo/migrations/index.js'

if (!process.env.MYSQL_URL) throw new Error('Set MYSQL_URL to a MySQL/MariaDB database')

export default new DataSource({
  // 'mariadb' when generating against MariaDB: TypeORM reads its schema right only then.
  type: process.env.MYSQL_URL.startsWith('mariadb') ? 'mariadb' : 'mysql',
  url: process.env.MYSQL_URL.replace(/^mariadb:/, 'mysql:'),
  timezone: 'Z',
  entities: demoEntities,
  migrations: demoMigrations,
})
