import { mkdtemp, rm } from 'node:fs/promises'
import { IsNull, Not, type BaseEntity } from 'typeorm'
import os from 'node:os'
import path from 'node:path'
import {
  Advisor,
  Client,
  ClientAdvisor,
  Contract,
  clientAdvisorsDrift,
  clientManagementSubscribers,
} from '../src/index.js'
import { PluginResource } from '../src/resources/pluginResource.js'
import { ClientList } from '../src/services/list/clientList.js'
import { proposeMapping } from '../src/services/import/importRows.js'
import { readListQuery } from '../src/services/list/clientListQuery.js'
import { mergeClients } from '../src/services/lifecycle/clientMerge.js'
import { changeContractAdvisor } from '../src/services/lifecycle/contractBulk.js'
import { readLayout } from '../src/services/import/csvSource.js'
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases.js'
import { seededDemo, type SeededDemo } from './support/demoAgent.js'
import { writeCommissionCsv } from './support/commissionCsv.js'
import { statementsOf } from './support/statements.js'

const actor = { email: 'admin@example.com', ip: '127.0.0.1', type: 'admin' as const }
const PROFILE = ['lastName', 'firstName', 'email', 'advisorId', 'status']

/** A small seeded PRNG: the same "random" data on every run. */
function random(seed: number) {
  let a = seed
  return (n: number) => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0
    return a % n
  }
}

describeEachDatabase('client_advisors kept in step with referents and contracts', (database, kind) => {
  let demo: SeededDemo
  const ds = () => database().dataSource
  const drift = () => clientAdvisorsDrift(ds().manager)
  const pick = random(17)
  let advisors: Advisor[]

  beforeAll(async () => {
    demo = await seededDemo(database())
    advisors = await ds()
      .getRepository(Advisor)
      .save(Array.from({ length: 6 }, (_, i) => ({ code: `LINK${i}`, lastName: `Conseil${i}` })))
  })

  test('after the demo seed', async () => {
    expect(await ds().getRepository(ClientAdvisor).count()).toBeGreaterThan(0)
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
  })

  test('after clients created and edited (referent, name) by the lifecycle service', async () => {
    const ids: number[] = []
    for (let i = 0; i < 12; i += 1) {
      ids.push(
        await demo.clients.lifecycle.createClient(
          actor,
          {
            lastName: `Lien${pick(1000)}`,
            firstName: 'Test',
            advisorId: i % 4 === 0 ? '' : String(advisors[pick(advisors.length)].id),
          },
          PROFILE,
        ),
      )
    }
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    for (const id of ids.slice(0, 6)) {
      await demo.clients.lifecycle.updateProfile(
        actor,
        id,
        { lastName: `Renamed${pick(1000)}`, advisorId: String(advisors[pick(advisors.length)].id) },
        PROFILE,
      )
    }
    await demo.clients.lifecycle.updateProfile(actor, ids[1], { advisorId: '' }, PROFILE)
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
  })

  test("after contracts created, moved and removed by AdminJS's built-in new, edit and delete", async () => {
    const clients = await ds()
      .getRepository(Client)
      .find({ select: { id: true }, take: 40 })
    // The resource the panel's built-in actions call (the adapter's create, update, delete).
    const resource = new PluginResource(Contract as unknown as typeof BaseEntity, ds())
    const made: number[] = []
    for (let i = 0; i < 20; i += 1) {
      const saved = (await resource.create({
        reference: `PANEL-${i}`,
        product: 'PER',
        clientId: String(clients[pick(clients.length)].id),
        advisorId: i % 5 === 0 ? null : String(advisors[pick(advisors.length)].id),
      })) as Contract
      made.push(saved.id)
    }
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    for (const id of made.slice(0, 8)) {
      await resource.update(id, {
        advisorId: String(advisors[pick(advisors.length)].id),
        ...(pick(2) === 0 ? { clientId: String(clients[pick(clients.length)].id) } : {}),
      })
    }
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    for (const id of made.slice(8, 14)) await resource.delete(String(id))
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    // A contract the database refuses (no such client) is field errors, nothing kept.
    await expect(
      resource.create({ reference: 'PANEL-BAD', product: 'PER', clientId: '99999999' }),
    ).rejects.toMatchObject({ name: 'ValidationError' })
    expect(await ds().getRepository(Contract).countBy({ reference: 'PANEL-BAD' })).toBe(0)
  })

  test("after contracts saved by a host's code with clientManagementSubscribers (entity saves)", async () => {
    // What a host's DataSource listing the subscribers gets (the plugin no longer adds them).
    const subscriber = new clientManagementSubscribers[0]()
    ds().subscribers.push(subscriber)
    try {
      await hostEntitySaves()
    } finally {
      ds().subscribers.splice(ds().subscribers.indexOf(subscriber), 1)
    }
  })

  async function hostEntitySaves() {
    const clients = await ds()
      .getRepository(Client)
      .find({ select: { id: true }, take: 40 })
    const repo = ds().getRepository(Contract)
    const made: Contract[] = []
    for (let i = 0; i < 30; i += 1) {
      made.push(
        await repo.save(
          repo.create({
            reference: `LINK-${i}`,
            product: 'PER',
            clientId: clients[pick(clients.length)].id,
            advisorId: i % 5 === 0 ? null : advisors[pick(advisors.length)].id,
          }),
        ),
      )
    }
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    for (const contract of made.slice(0, 10)) {
      const found = await repo.findOneByOrFail({ id: contract.id })
      found.advisorId = advisors[pick(advisors.length)].id
      if (pick(2) === 0) found.clientId = clients[pick(clients.length)].id
      await repo.save(found)
    }
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    // Only its client changed (AdminJS's edit of the client field).
    const moved = await repo.findOneByOrFail({ id: made[11].id, advisorId: Not(IsNull()) })
    moved.clientId = clients.find((c) => c.id !== moved.clientId)!.id
    await repo.save(moved)
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    for (const contract of made.slice(10, 16))
      await repo.remove(await repo.findOneByOrFail({ id: contract.id }))
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
  }

  test('after a bulk change of advisor and a merge', async () => {
    const contracts = await ds()
      .getRepository(Contract)
      .find({ select: { id: true }, take: 25 })
    await changeContractAdvisor(
      { dataSource: ds() },
      actor,
      contracts.map((k) => k.id),
      { advisorCode: advisors[3].code },
    )
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    const [keep, other] = await ds()
      .getRepository(Client)
      .find({ where: { status: 'active' }, order: { id: 'DESC' }, take: 2 })
    await mergeClients({ dataSource: ds() }, actor, keep.id, other.id, {
      lastName: 'other',
      advisorId: 'other',
    })
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
  })

  test('after an import (new clients and contracts) and its undo', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'links-'))
    try {
      const file = path.join(dir, 'links.csv')
      await writeCommissionCsv(file, 900, advisors[5].code, 'LNK')
      const mapping = proposeMapping((await readLayout(file)).headers)
      const importer = demo.clients.commissionImport
      const batch = await importer.finished((await importer.start(actor, file, 'links.csv', mapping)).id)
      expect(batch.status).toBe('done')
      expect(await drift()).toEqual({ missing: 0, extra: 0 })
      expect(
        await ds().getRepository(ClientAdvisor).countBy({ advisorId: advisors[5].id }),
      ).toBeGreaterThanOrEqual(600)
      await importer.undo(actor, batch.id)
      expect(await drift()).toEqual({ missing: 0, extra: 0 })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('after an anonymisation, a removal for good and an advisor deleted', async () => {
    const linked = await ds()
      .getRepository(ClientAdvisor)
      .find({ where: { advisorId: advisors[3].id }, take: 2 })
    const anonymised = await ds().getRepository(Client).findOneByOrFail({ id: linked[0].clientId })
    await demo.clients.gdpr.anonymise(actor, anonymised.id, {
      confirmation: anonymised.clientNumber,
      force: 'true',
      reason: 'test',
    })
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    // Soft deleted, restored, soft deleted again (bulk), then removed for good.
    const more = await ds()
      .getRepository(ClientAdvisor)
      .find({ where: { advisorId: advisors[4].id, clientDeleted: false }, take: 3 })
    await demo.clients.lifecycle.softDelete(actor, [linked[1].clientId, ...more.map((l) => l.clientId)], {
      reason: 'test',
    })
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    expect(
      await ds().getRepository(ClientAdvisor).countBy({ clientId: linked[1].clientId, clientDeleted: true }),
    ).toBeGreaterThan(0)
    await demo.clients.lifecycle.restore(actor, more[0].clientId)
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    // Removing for good erases first (gdpr room), which refreshes the advisors' copy before the row goes.
    await demo.clients.gdpr.removeForGood(actor, linked[1].clientId)
    expect(await ds().getRepository(ClientAdvisor).countBy({ clientId: linked[1].clientId })).toBe(0)
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
    await ds().getRepository(Advisor).delete({ id: advisors[0].id })
    expect(await ds().getRepository(ClientAdvisor).countBy({ advisorId: advisors[0].id })).toBe(0)
    expect(await drift()).toEqual({ missing: 0, extra: 0 })
  })

  test('the advisor filter lists exactly the linked clients, by name then id, in a fixed number of queries', async () => {
    const list = new ClientList(ds())
    const defaults = { perPage: 20, maxPerPage: 500, sortBy: 'lastName' as const, direction: 'asc' as const }
    for (const advisor of advisors.slice(1)) {
      const truth: { id: number; lastName: string }[] = await ds().query(
        `SELECT c.id, c.lastName FROM clients c WHERE c.status <> 'deleted' AND (c.advisorId = ? OR EXISTS (SELECT 1 FROM contracts k WHERE k.clientId = c.id AND k.advisorId = ?)) ORDER BY c.lastName, c.id`,
        [advisor.id, advisor.id],
      )
      const all = await list.page(
        readListQuery({ filters: { advisor: String(advisor.id) }, perPage: '500' }, defaults),
      )
      expect(all.total).toBe(truth.length)
      // In the database's own order of names (its collation), then ids.
      expect(all.clients.map((c) => c.id)).toEqual(truth.map((c) => Number(c.id)))
    }
    // The page, its active contracts, the exact total: whatever the page's size.
    const page = (perPage: string) => () =>
      list.page(readListQuery({ filters: { advisor: String(advisors[3].id) }, perPage }, defaults))
    expect(await statementsOf(ds(), page('5'))).toBe(3)
    expect(await statementsOf(ds(), page('100'))).toBe(3)
  })

  if (kind === 'mysql') {
    test("MariaDB reads a page of an advisor's clients from the name-ordered index, without a sort", async () => {
      const list = new ClientList(ds())
      const defaults = {
        perPage: 20,
        maxPerPage: 500,
        sortBy: 'lastName' as const,
        direction: 'asc' as const,
      }
      const { ids } = list.pageIdsQuery(
        readListQuery({ filters: { advisor: String(advisors[3].id) }, page: '2' }, defaults),
      )
      const [sql, params] = ids.getQueryAndParameters()
      const plan: { table: string; key: string | null; Extra: string | null }[] = await ds().query(
        `EXPLAIN ${sql}`,
        params,
      )
      expect(plan[0]).toMatchObject({
        table: 'f_adv',
        key: 'IDX_client_advisors_advisorId_clientDeleted_lastName_clientId',
      })
      expect(plan.map((row) => row.Extra ?? '').join(' ')).not.toMatch(/filesort|temporary/)
      expect(plan[1]).toMatchObject({ table: 'f', key: 'PRIMARY' })
    })
  }
})

if (process.env.MYSQL_URL) {
  describe('the client_advisors migration on a database with clients and contracts', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase('mysql', { schema: false })
    })
    afterAll(() => db?.dispose())

    test('fills the table from the referents and the contracts already there', async () => {
      const ds = db.dataSource
      // The migrations before this one, then a database as the previous version left it.
      const holder = ds as unknown as { migrations: { name?: string }[] }
      const all = holder.migrations
      holder.migrations = all.filter((m) => !/^ClientAdvisors/.test(m.name ?? ''))
      await ds.runMigrations({ transaction: 'each' })
      await ds.query("INSERT INTO advisors (id, code, lastName) VALUES (1, 'M1', 'Un'), (2, 'M2', 'Deux')")
      await ds.query(
        `INSERT INTO clients (id, clientNumber, lastName, status, advisorId, version, updatedAt) VALUES
           (1, 'COLD1', 'Martin', 'active', 1, 1, NOW()), (2, 'COLD2', 'Durand', 'active', NULL, 1, NOW())`,
      )
      await ds.query(
        `INSERT INTO contracts (reference, clientId, advisorId, product, updatedAt) VALUES
           ('K1', 1, 1, 'PER', NOW()), ('K2', 1, 2, 'PER', NOW()), ('K3', 2, 2, 'PER', NOW()), ('K4', 2, NULL, 'PER', NOW())`,
      )
      holder.migrations = all
      const ran = await ds.runMigrations({ transaction: 'each' })
      expect(ran.map((m) => m.name)).toEqual([expect.stringMatching(/^ClientAdvisors\d+$/)])
      const rows = await ds.query(
        'SELECT advisorId, clientId, lastName FROM client_advisors ORDER BY advisorId, clientId',
      )
      expect(
        rows.map((r: Record<string, unknown>) => [Number(r.advisorId), Number(r.clientId), r.lastName]),
      ).toEqual([
        [1, 1, 'Martin'],
        [2, 1, 'Martin'],
        [2, 2, 'Durand'],
      ])
    })
  })
}
