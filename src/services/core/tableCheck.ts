import type { DataSource, EntityMetadata } from 'typeorm'
import { clientManagementEntities } from '../../entities/index.js'
import { ClientManagementConfigError } from './configError.js'

// The plugin's tables against the host's (issue 26): a host table of the same name is never
// touched. These checks run before any DDL of ours: at createClientManagement (entities of the
// same DataSource) and in prepareClientTables (the host's DataSource and the tables already there).

const ADVICE =
  "give the plugin its own table prefix: tablePrefix: 'crm_' (mountClientManagement, clientManagementDataSource), or entityPrefix: 'crm_' on the plugin's own DataSource"

const ours = new Set<unknown>(clientManagementEntities)
const pluginMetadata = (dataSource: DataSource) =>
  dataSource.entityMetadatas.filter((m) => ours.has(m.target) && m.tableType !== 'view')

/** Our table names that another entity known to TypeORM also uses (the host's, on any DataSource given). */
export function tableClashes(plugin: DataSource, others: DataSource[] = []): string[] {
  if (!plugin.isInitialized) return []
  const problems: string[] = []
  for (const source of [plugin, ...others.filter((o) => o !== plugin && o.isInitialized)]) {
    const hostTables = new Map<string, EntityMetadata>()
    for (const m of source.entityMetadatas) if (!ours.has(m.target)) hostTables.set(m.tableName, m)
    for (const m of pluginMetadata(plugin)) {
      const host = hostTables.get(m.tableName)
      if (host) {
        problems.push(
          `table '${m.tableName}' is both your entity ${host.name}'s and the plugin's ${m.name}'s: ${ADVICE}`,
        )
      }
    }
  }
  return problems
}

/**
 * Our tables already in the database that are not ours: a table named like one of ours that
 * lacks most of its columns (a table of ours a migration behind lacks one or two at most).
 */
async function foreignTables(plugin: DataSource): Promise<string[]> {
  const runner = plugin.createQueryRunner()
  try {
    const problems: string[] = []
    for (const m of pluginMetadata(plugin)) {
      const table = await runner.getTable(m.tablePath)
      if (!table) continue
      const have = new Set(table.columns.map((c) => c.name))
      const missing = m.columns.filter((c) => !have.has(c.databaseName)).map((c) => c.databaseName)
      if (missing.length * 2 > m.columns.length) {
        problems.push(
          `table '${m.tableName}' is already in the database and is not the plugin's (it has no ${missing.slice(0, 3).join(', ')}…): ${ADVICE}`,
        )
      }
    }
    return problems
  } finally {
    await runner.release()
  }
}

/** Refuses, naming each table and the option to set, when any of our tables is someone else's. */
export async function checkClientTables(plugin: DataSource, host: DataSource[] = []): Promise<void> {
  const problems = [...tableClashes(plugin, host), ...(await foreignTables(plugin))]
  if (problems.length > 0) throw new ClientManagementConfigError(problems)
}
