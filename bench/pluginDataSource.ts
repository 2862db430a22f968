import { DataSource } from 'typeorm'
import { clientManagementEntities } from '../src/entities/index.js'

/**
 * The plugin's entities on the bench's database (a `mysql:`/`mariadb:` URL, else a SQLite file),
 * initialised: what the child processes of the import, export and campaign cases open.
 */
export async function pluginDataSource(target: string): Promise<DataSource> {
  const dataSource = new DataSource(
    /^(mysql|mariadb):/.test(target)
      ? {
          type: 'mariadb',
          url: target.replace(/^mariadb:/, 'mysql:'),
          timezone: 'Z',
          charset: 'utf8mb4_unicode_ci',
          entities: clientManagementEntities,
        }
      : { type: 'better-sqlite3', database: target, entities: clientManagementEntities },
  )
  return dataSource.initialize()
}
