import { createHash } from 'node:crypto'
import type { MigrationInterface, QueryRunner } from 'typeorm'

// The migrations under a table prefix (issue 26): the DataSource's `entityPrefix` (`crm_`) is put
// before every table the migrations name, and the foreign keys get the names TypeORM gives them
// under that prefix. This folder's own code: a migration stays as it was written, whatever the
// live code becomes.

/** Every table the migrations create, and the migration that creates it. */
const CREATED_BY: Record<string, string> = {
  advisors: 'InitialSchema1795240025712',
  clients: 'InitialSchema1795240025712',
  client_events: 'InitialSchema1795240025712',
  client_notes: 'InitialSchema1795240025712',
  client_tokens: 'InitialSchema1795240025712',
  contracts: 'InitialSchema1795240025712',
  commissions: 'InitialSchema1795240025712',
  email_logs: 'InitialSchema1795240025712',
  client_settings: 'InitialSchema1795240025712',
  import_batches: 'CommissionImport1795245138169',
  client_settings_changes: 'AccountSecurity1795249704645',
  client_rate_limits: 'RateLimits1795252000000',
  import_uploads: 'ImportJobs1795270000000',
  import_upload_chunks: 'ImportJobs1795270000000',
  client_admin_audit: 'ExportAndGdpr1795300000000',
  client_email_templates: 'EmailTemplates1795410000000',
  client_advisors: 'ClientAdvisors1795430000000',
  client_sessions: 'ClientSessions1795440000000',
  client_admin_sessions: 'AdminSessions1795450000000',
  client_files: 'ClientFiles1795460000000',
  tags: 'ClientTags1795470000000',
  client_tags: 'ClientTags1795470000000',
  saved_views: 'SavedViews1795500000000',
  saved_view_defaults: 'SavedViews1795500000000',
  custom_fields: 'CustomFields1795490000000',
  client_custom_values: 'CustomFields1795490000000',
  campaigns: 'Campaigns1795511000000',
  campaign_recipients: 'Campaigns1795511000000',
}

const MIGRATION_TABLES = Object.keys(CREATED_BY)

/** The DataSource's `entityPrefix`: a plain identifier, since it goes into SQL as it is. */
function tablePrefixOf(queryRunner: QueryRunner): string {
  const prefix = queryRunner.connection.options.entityPrefix ?? ''
  if (!/^[A-Za-z0-9_]*$/.test(prefix)) {
    throw new Error(`adminjs-clients: entityPrefix '${prefix}' must be letters, digits and _ only`)
  }
  return prefix
}

/** TypeORM's name of a foreign key (DefaultNamingStrategy.foreignKeyName). */
function foreignKeyName(table: string, columns: string[]): string {
  const key = `${table}_${[...columns].sort().join('_')}`
  return 'FK_' + createHash('sha1').update(key).digest('hex').slice(0, 27)
}

const columnsOf = (list: string) => [...list.matchAll(/`(\w+)`/g)].map((m) => m[1])

/** A foreign key dropped by its unprefixed name: found among the table's keys by that name. */
async function renamedForeignKey(queryRunner: QueryRunner, prefix: string, table: string, old: string) {
  const rows: { name: string; column: string }[] = await queryRunner.query(
    `SELECT CONSTRAINT_NAME AS name, COLUMN_NAME AS \`column\` FROM information_schema.KEY_COLUMN_USAGE
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL`,
    [prefix + table],
  )
  const byName = new Map<string, string[]>()
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row.column])
  const found = [...byName].find(([, columns]) => foreignKeyName(table, columns) === old)
  return found?.[0] ?? old
}

/** One statement of the migrations with the prefix put before their tables. */
async function prefixed(queryRunner: QueryRunner, prefix: string, sql: string): Promise<string> {
  const fk = /^ALTER TABLE `(\w+)` ADD CONSTRAINT `(FK_\w+)` FOREIGN KEY \(([^)]*)\)/.exec(sql)
  if (fk && fk[1] in CREATED_BY) {
    sql = sql.replace(`\`${fk[2]}\``, `\`${foreignKeyName(prefix + fk[1], columnsOf(fk[3]))}\``)
  }
  const drop = /^ALTER TABLE `(\w+)` DROP FOREIGN KEY `(FK_\w+)`/.exec(sql)
  if (drop && drop[1] in CREATED_BY) {
    sql = sql.replace(`\`${drop[2]}\``, `\`${await renamedForeignKey(queryRunner, prefix, drop[1], drop[2])}\``)
  }
  return sql.replace(/`(\w+)`/g, (whole, name: string) => (name in CREATED_BY ? `\`${prefix}${name}\`` : whole))
}

/** The query runner a migration is given: its statements name the prefixed tables. */
function withPrefix(queryRunner: QueryRunner, prefix: string): QueryRunner {
  if (!prefix) return queryRunner
  return new Proxy(queryRunner, {
    get(target, key, receiver) {
      if (key !== 'query') return Reflect.get(target, key, receiver)
      return async (sql: string, parameters?: unknown[]) =>
        target.query(await prefixed(target, prefix, sql), parameters)
    },
  })
}

/** The migrations already recorded in the DataSource's migrations table (none if it is not there yet). */
async function recorded(queryRunner: QueryRunner): Promise<Set<string>> {
  const table = queryRunner.connection.options.migrationsTableName ?? 'migrations'
  if (!(await queryRunner.hasTable(table))) return new Set()
  const rows: { name: string }[] = await queryRunner.query(
    `SELECT name FROM ${queryRunner.connection.driver.escape(table)}`,
  )
  return new Set(rows.map((row) => row.name))
}

/**
 * Before any statement of a migration: a table it or a later one would create that is already
 * there, while the migration that creates it never ran, is someone else's table. Nothing is
 * created then: the message names the table and what to set.
 */
async function refuseForeignTables(queryRunner: QueryRunner, prefix: string): Promise<void> {
  const ran = await recorded(queryRunner)
  const pending = MIGRATION_TABLES.filter((table) => !ran.has(CREATED_BY[table]))
  const existing: string[] = []
  for (const table of pending) if (await queryRunner.hasTable(prefix + table)) existing.push(prefix + table)
  if (existing.length === 0) return
  throw new Error(
    `adminjs-clients: the table${existing.length > 1 ? 's' : ''} ${existing.map((t) => `'${t}'`).join(', ')} already exist${existing.length > 1 ? '' : 's'} and ${existing.length > 1 ? 'were' : 'was'} not created by the plugin's migrations; nothing was changed. ` +
      `Give the plugin its own table prefix: tablePrefix: 'crm_' (mountClientManagement, clientManagementDataSource) or entityPrefix: 'crm_' on the plugin's DataSource. ` +
      `If these are the plugin's own tables made by synchronize, see "Upgrading" in the README.`,
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin signature
type MigrationClass = new (...args: any[]) => MigrationInterface

/** A migration of ours that honours the prefix and refuses to run over someone else's table. */
export function prefixAware<T extends MigrationClass>(Migration: T): T {
  const Prefixed = class extends Migration {
    override async up(queryRunner: QueryRunner): Promise<void> {
      const prefix = tablePrefixOf(queryRunner)
      await refuseForeignTables(queryRunner, prefix)
      await super.up(withPrefix(queryRunner, prefix))
    }

    override async down(queryRunner: QueryRunner): Promise<void> {
      await super.down(withPrefix(queryRunner, tablePrefixOf(queryRunner)))
    }
  }
  Object.defineProperty(Prefixed, 'name', { value: Migration.name })
  return Prefixed
}
