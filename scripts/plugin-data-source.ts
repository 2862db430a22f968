// Used by `npm run migration:generate` to write the plugin's MySQL/MariaDB migrations:
//   MYSQL_URL=mysql://user:pass@127.0.0.1:3306/empty_db npm run migration:generate -- src/migrations/Name
import { DataSource } from 'typeorm'
import { clientManagementEntities } from '../src/entities/index.js'
import { clientManagementMigrations } from '../src/migrations/index.js'

if (!process.env.MYSQL_URL) throw new Error('Set MYSQL_URL to an empty MySQL/MariaDB database')

export default new DataSource({
  // 'mariadb' when generating against MariaDB: TypeORM reads its schema right only then.
  type: process.env.MYSQL_URL.startsWith('mariadb') ? 'mariadb' : 'mysql',
  url: process.env.MYSQL_URL.replace(/^mariadb:/, 'mysql:'),
  timezone: 'Z',
  entities: clientManagementEntities,
  migrations: clientManagementMigrations,
})
