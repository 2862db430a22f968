// A host with its own `contracts` table (issue 26, point 2): the plugin's tables under `tablePrefix`
// through the shipped migrations (MySQL/MariaDB) or its synchronize (SQLite) leave the host's table
// as it was; without a prefix the plugin refuses, naming `contracts`, before any DDL of its own.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  BaseEntity,
  Column,
  DataSource,
  Entity,
  PrimaryGeneratedColumn,
  type DataSourceOptions,
} from 'typeorm'
import {
  Advisor,
  Client,
  ClientManagementConfigError,
  Contract,
  clientManagementDataSource,
  clientManagementEntities,
  clientManagementMigrations,
  createClientManagement,
  prepareClientTables,
} from '../src/index.js'
import { ClientList } from '../src/services/list/clientList.js'
import { readListQuery } from '../src/services/list/clientListQuery.js'
import { createMysqlDatabase, databaseKinds, requireMysqlInCi, tablesOf } from './support/databases.js'

@Entity({ name: 'contracts' })
class HostContract extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 80 })
  supplier!: string

  @Column({ type: 'date' })
  signedOn!: string
}

const DEFAULTS = { perPage: 20, maxPerPage: 100, sortBy: 'createdAt', direction: 'desc' } as const
const PLUGIN_TABLES = ['clients', 'advisors', 'client_events', 'email_logs', 'client_advisors']

requireMysqlInCi()
describe.each(databaseKinds())('a host with its own contracts table on %s', (kind) => {
  let base: DataSourceOptions
  let host: DataSource
  let cleanup: () => Promise<void>
  const opened: DataSource[] = []

  const tables = () => tablesOf(host)
  const hostColumns = async () =>
    (await host.createQueryRunner().getTable('contracts'))!.columns.map((c) => c.name).sort()
  const hostRows = async () =>
    (await HostContract.find({ order: { id: 'ASC' } })).map((r) => [r.supplier, String(r.signedOn)])
  const HOST_ROWS = [
    ['Acme supplies', '2026-01-15'],
    ['Globex', '2026-02-01'],
  ]

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-tables-'))
    const mysql = kind === 'mysql' ? await createMysqlDatabase() : null
    base =
      kind === 'mysql'
        ? { type: 'mariadb', url: mysql!.url, timezone: 'Z', charset: 'utf8mb4_unicode_ci' }
        : { type: 'better-sqlite3', database: path.join(dir, 'app.sqlite') }
    host = new DataSource({ ...base, synchronize: true, entities: [HostContract] })
    await host.initialize()
    await HostContract.save(
      HOST_ROWS.map(([supplier, signedOn]) => HostContract.create({ supplier, signedOn })),
    )
    cleanup = async () => {
      for (const ds of opened) if (ds.isInitialized) await ds.destroy()
      await host.destroy()
      await mysql?.drop()
      await rm(dir, { recursive: true, force: true })
    }
  })
  afterAll(() => cleanup?.())

  const open = (ds: DataSource) => {
    opened.push(ds)
    return ds
  }

  test('without a prefix: a refusal naming contracts and the option, no table created, the host table as it was', async () => {
    const before = await tables()
    const plugin = open(clientManagementDataSource(base))
    const refused = await prepareClientTables(plugin, [host]).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ClientManagementConfigError)
    expect((refused as Error).message).toMatch(/'contracts'.*tablePrefix/)
    expect(await tables()).toEqual(before)
    expect(await hostColumns()).toEqual(['id', 'signedOn', 'supplier'])
    expect(await hostRows()).toEqual(HOST_ROWS)
  })

  if (kind === 'mysql') {
    test('the shipped migrations run without the check refuse too, before their first statement', async () => {
      const before = await tables()
      const plugin = open(
        new DataSource({
          ...base,
          entities: clientManagementEntities,
          migrations: clientManagementMigrations,
        }),
      )
      await plugin.initialize()
      const refused = await plugin.runMigrations({ transaction: 'each' }).catch((e: unknown) => e)
      expect((refused as Error).message).toMatch(
        /'contracts'.*not created by the plugin's migrations.*tablePrefix/,
      )
      // TypeORM's own `migrations` table aside, nothing of ours.
      expect((await tables()).filter((t) => t !== 'migrations')).toEqual(before)
      expect(await hostColumns()).toEqual(['id', 'signedOn', 'supplier'])
      expect(await hostRows()).toEqual(HOST_ROWS)
    })
  }

  test('with tablePrefix: the plugin gets crm_ tables and works; the host table is untouched', async () => {
    const plugin = open(clientManagementDataSource(host, { tablePrefix: 'crm_' }))
    const ran = await prepareClientTables(plugin, [host])
    expect(ran).toHaveLength(kind === 'mysql' ? clientManagementMigrations.length : 0)
    const all = await tables()
    for (const table of PLUGIN_TABLES) expect(all).toContain(`crm_${table}`)
    expect(all.filter((t) => PLUGIN_TABLES.includes(t))).toEqual([])
    if (kind === 'mysql') {
      // The migrated prefixed schema is exactly the entities' (foreign key names included).
      const pending = await plugin.driver.createSchemaBuilder().log()
      expect(pending.upQueries.map((q) => q.query)).toEqual([])
    }
    const clients = createClientManagement({
      dataSource: plugin,
      mailer: { sendMail: async () => ({ messageId: 'x' }) },
      mailFrom: 'Host <no-reply@host.test>',
      links: {
        confirmEmail: 'https://h.test/c?token={token}',
        resetPassword: 'https://h.test/r?token={token}',
      },
    })
    expect(clients.resources.length).toBeGreaterThan(0)
    const advisor = await plugin.getRepository(Advisor).save({ code: 'A1', lastName: 'Martin' })
    const client = await plugin
      .getRepository(Client)
      .save({ lastName: 'Durand', clientNumber: 'C-1', status: 'active', advisorId: advisor.id })
    await plugin.getRepository(Contract).save({
      reference: 'K-1',
      clientId: client.id,
      advisorId: advisor.id,
      product: 'Home',
      status: 'active',
    })
    const page = await new ClientList(plugin).page(
      readListQuery({ filters: { advisor: String(advisor.id), hasActiveContracts: 'true' } }, DEFAULTS),
    )
    expect(page.clients.map((c) => c.id)).toEqual([client.id])
    expect(await hostColumns()).toEqual(['id', 'signedOn', 'supplier'])
    expect(await hostRows()).toEqual(HOST_ROWS)
    // A second start: nothing to run, no refusal (the tables are the plugin's own).
    expect(await prepareClientTables(plugin, [host])).toEqual([])
  })

  test('one DataSource holding the host entity and the plugin’s on the same table: refused at createClientManagement', async () => {
    const shared = open(
      new DataSource({ ...base, entities: [...clientManagementEntities, HostContract], synchronize: false }),
    )
    await shared.initialize()
    expect(() =>
      createClientManagement({
        dataSource: shared,
        mailer: { sendMail: async () => ({ messageId: 'x' }) },
        mailFrom: 'Host <no-reply@host.test>',
        links: {
          confirmEmail: 'https://h.test/c?token={token}',
          resetPassword: 'https://h.test/r?token={token}',
        },
      }),
    ).toThrow(
      /table 'contracts' is both your entity HostContract's and the plugin's Contract's: .*tablePrefix/,
    )
  })
})
