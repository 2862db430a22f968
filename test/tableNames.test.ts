// Table names in the plugin's SQL come from TypeORM's metadata (issue 18, point 2): a host can
// give the plugin a DataSource with `entityPrefix` next to its own `contracts` table.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { BaseEntity, Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import {
  Advisor,
  Client,
  Contract,
  clientManagementEntities,
  clientManagementSubscribers,
} from '../src/index.js'
import { ClientList } from '../src/services/list/clientList.js'
import { ClientTabs } from '../src/services/list/clientTabs.js'
import { RateLimiter } from '../src/services/accounts/rateLimiter.js'
import { readListQuery } from '../src/services/list/clientListQuery.js'
import { createMysqlDatabase, databaseKinds, requireMysqlInCi } from './support/databases.js'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'

const DEFAULTS = { perPage: 20, maxPerPage: 100, sortBy: 'createdAt', direction: 'desc' } as const

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
    .map((e) => path.join(e.parentPath, e.name))
}

test('no SQL string of the plugin names a table literally', async () => {
  const entitySources = await Promise.all((await files('src/entities')).map((file) => readFile(file, 'utf8')))
  const names = entitySources.flatMap((src) =>
    [...src.matchAll(/@Entity\(\{ name: '(\w+)'/g)].map((m) => m[1]),
  )
  expect(names.length).toBe(clientManagementEntities.length)
  const sql = new RegExp(`\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+[\`"']?(${names.join('|')})\\b`, 'i')
  const literal = new RegExp(`(escape|quote)\\(\\s*['"\`](${names.join('|')})['"\`]`)
  const found: string[] = []
  for (const dir of ['src/services', 'src/actions', 'src/hooks', 'src/http', 'src/resources']) {
    for (const file of await files(dir)) {
      const lines = (await readFile(file, 'utf8')).split('\n')
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '')
        if (/^\s*(\*|\/\*)/.test(code)) return
        if (sql.test(code) || literal.test(code)) found.push(`${file}:${i + 1}: ${line.trim()}`)
      })
    }
  }
  expect(found).toEqual([])
})

@Entity({ name: 'contracts' })
class HostContract extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 40 })
  title!: string
}

requireMysqlInCi()
describe.each(databaseKinds())('entityPrefix next to a host contracts table on %s', (kind) => {
  let plugin: DataSource
  let host: DataSource
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'adminjs-clients-prefix-'))
    const mysql = kind === 'mysql' ? await createMysqlDatabase() : null
    const base =
      kind === 'mysql'
        ? ({ type: 'mariadb', url: mysql?.url, timezone: 'Z' } as const)
        : ({ type: 'better-sqlite3', database: path.join(dir, 'app.sqlite') } as const)
    host = new DataSource({ ...base, synchronize: true, entities: [HostContract] })
    await host.initialize()
    plugin = new DataSource({
      ...base,
      synchronize: true,
      entityPrefix: 'crm_',
      entities: clientManagementEntities,
      subscribers: clientManagementSubscribers,
    })
    await plugin.initialize()
    cleanup = async () => {
      await plugin.destroy()
      await host.destroy()
      await mysql?.drop()
      await rm(dir, { recursive: true, force: true })
    }
  })
  afterAll(() => cleanup?.())

  test("the plugin's raw SQL reads its own prefixed tables, the host's stay untouched", async () => {
    await HostContract.getRepository().save({ title: 'host contract' })
    const advisor = await plugin
      .getRepository(Advisor)
      .save({ code: 'A1', lastName: 'Martin', firstName: 'Lea' })
    const client = await plugin
      .getRepository(Client)
      .save({ lastName: 'Durand', firstName: 'Paul', clientNumber: 'C-1', status: 'active', advisorId: null })
    await plugin.getRepository(Contract).save({
      reference: 'K-1',
      clientId: client.id,
      advisorId: advisor.id,
      product: 'Home',
      status: 'active',
      startDate: '2026-01-01',
      premium: '10.00',
    })
    const list = new ClientList(plugin)
    const byAdvisor = await list.page(readListQuery({ filters: { advisor: String(advisor.id) } }, DEFAULTS))
    expect(byAdvisor.clients.map((c) => c.id)).toEqual([client.id])
    const active = await list.page(readListQuery({ filters: { hasActiveContracts: 'true' } }, DEFAULTS))
    expect(active.clients.map((c) => c.id)).toEqual([client.id])
    // Without a filter the total is the estimate from the highest id.
    expect((await list.page(readListQuery({}, DEFAULTS))).total).toBe(1)
    const tab = await new ClientTabs(plugin).read(
      'advisors',
      { id: client.id, advisorId: null },
      { page: 1, perPage: 20 },
    )
    expect(tab.total).toBe(1)
    const limiter = new RateLimiter(plugin)
    expect((await limiter.hit('test', ['x'], { limit: 2, windowMs: 60_000 })).count).toBe(1)
    await limiter.forgive('test', ['x'])
    expect((await limiter.hit('test', ['x'], { limit: 2, windowMs: 60_000 })).count).toBe(1)
    const hostRows = await host.getRepository(HostContract).find()
    expect(hostRows.map((r) => r.title)).toEqual(['host contract'])
  })
})
