// The DataSource TypeORM's CLI uses to write MySQL/MariaDB migrations, for the plugin's entities
// (default) or the demo's own (MIGRATIONS=demo, against a database that has the plugin's tables):
//   MYSQL_URL=mariadb://user:pass@127.0.0.1:3306/empty_db npm run migration:generate -- src/migrations/Name
//   MIGRATIONS=demo MYSQL_URL=… npm run migration:generate -- demo/migrations/Name
// Use mariadb:// for a MariaDB server: TypeORM reads its schema right only with type 'mariadb'.
import { DataSource } from 'typeorm'
import { clientManagementEntities } from '../src/entities/index.js'
import { clientManagementMigrations } from '../src/migrations/index.js'
import { demoEntities } from '../demo/dataSource.js'
import { demoMigrations } from '../demo/migrations/index.js'

const url = process.env.MYSQL_URL
if (!url) throw new Error('Set MYSQL_URL to a MySQL/MariaDB database')
const demo = process.env.MIGRATIONS === 'demo'

export default new DataSource({
  type: url.startsWith('mariadb') ? 'mariadb' : 'mysql',
  url: url.replace(/^mariadb:/, 'mysql:'),
  timezone: 'Z',
  entities: demo ? demoEntities : clientManagementEntities,
  migrations: demo ? demoMigrations : clientManagementMigrations,
})
