import { DataSource, type DataSourceOptions } from 'typeorm'
import { clientManagementEntities } from '../entities/index.js'
import { clientManagementMigrations } from '../migrations/index.js'
import { ClientAdvisorsSubscriber } from '../services/core/clientAdvisorsSubscriber.js'
import { ClientManagementConfigError } from '../services/core/configError.js'
import { checkClientTables } from '../services/core/tableCheck.js'
import { backfillSearchColumns } from '../services/list/clientSearch.js'

export interface PluginDataSourceOptions {
  /** Put before each of the plugin's tables (`crm_` → `crm_clients`, `crm_contracts`…); '' for none. */
  tablePrefix?: string
}

/**
 * The plugin's own DataSource on the host's database (same connection settings), with only the
 * plugin's entities, its migrations and its table prefix: the host's tables are out of its reach.
 */
export function clientManagementDataSource(
  host: DataSource | DataSourceOptions,
  { tablePrefix = '' }: PluginDataSourceOptions = {},
): DataSource {
  if (!/^[A-Za-z0-9_]*$/.test(tablePrefix)) {
    throw new ClientManagementConfigError([`tablePrefix '${tablePrefix}' must be letters, digits and _ only`])
  }
  const base = host instanceof DataSource ? host.options : host
  // The plugin's dates are UTC and its names in any script, whatever the host's own defaults.
  const mysql = base.type === 'mysql' || base.type === 'mariadb'
  return new DataSource({
    ...base,
    ...(mysql ? { timezone: base.timezone ?? 'Z', charset: base.charset ?? 'utf8mb4_unicode_ci' } : {}),
    entities: clientManagementEntities,
    subscribers: [ClientAdvisorsSubscriber],
    migrations: clientManagementMigrations,
    migrationsTableName: `${tablePrefix}migrations`,
    entityPrefix: tablePrefix,
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
  } as DataSourceOptions)
}

/**
 * Brings the plugin's tables up to date, after refusing (before any DDL) when one of them is
 * someone else's: the migrations on MySQL/MariaDB, `synchronize` of the plugin's entities on SQLite.
 * `host`: the host's DataSources, whose entities' tables must not be ours.
 */
/** MySQL/MariaDB take the plugin's tables from its migrations; SQLite synchronizes them. */
export const usesMigrations = (dataSource: DataSource) =>
  dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb'

export async function prepareClientTables(plugin: DataSource, host: DataSource[] = []): Promise<string[]> {
  if (!plugin.isInitialized) await plugin.initialize()
  await checkClientTables(plugin, host)
  if (usesMigrations(plugin)) {
    const ran = await plugin.runMigrations({ transaction: 'each' })
    return ran.map((m) => m.name)
  }
  await plugin.synchronize()
  // `synchronize` adds new columns empty: the search keys of clients from before them.
  await backfillSearchColumns(plugin.manager)
  return []
}
