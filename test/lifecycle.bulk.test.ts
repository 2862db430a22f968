import { In, Like, Not, type DataSource } from 'typeorm'
import {
  Client,
  ClientEvent,
  ConcurrentChangeError,
  Contract,
  createClientManagement,
  type ClientLifecycle,
} from '../src/index.js'
import { createDemoDataSource } from '../demo/dataSource.js'
import { describeEachDatabase, type DatabaseKind } from './support/databases.js'
import { loginAs, nullMailer, seededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'

const actor = { email: 'admin@example.com', ip: '192.0.2.7' }
const SIZE = 1000

function lifecycleFor(dataSource: DataSource): ClientLifecycle {
  return createClientManagement({
    dataSource,
    mailer: nullMailer,
    mailFrom: 'no-reply@example.com',
    links: { confirmEmail: 'https://x.example/c?t={token}', resetPassword: 'https://x.example/r?t={token}' },
  }).lifecycle
}

/** Counts every SQL statement TypeORM sends, through its logger (which it calls for each query). */
function countQueries(dataSource: DataSource) {
  const logger = dataSource.logger
  const original = logger.logQuery.bind(logger)
  const seen: string[] = []
  logger.logQuery = (query, parameters, runner) => {
    seen.push(query)
    return original(query, parameters, runner)
  }
  return {
    get count() {
      return seen.length
    },
    seen,
    stop: () => {
      logger.logQuery = original
    },
  }
}

async function makeClients(dataSource: DataSource, prefix: string, count: number): Promise<number[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    clientNumber: `${prefix}${String(i).padStart(6, '0')}`,
    lastName: `Bulk${i}`,
    email: `${prefix.toLowerCase()}${i}@bulk.example`,
    status: 'active' as const,
  }))
  for (let i = 0; i < rows.length; i += 200) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(Client)
      .values(rows.slice(i, i + 200))
      .execute()
  }
  const clients = await dataSource.getRepository(Client).find({
    select: { id: true },
    where: { clientNumber: In(rows.map((r) => r.clientNumber)) },
    order: { id: 'ASC' },
  })
  const contracts = clients.map((c) => ({
    reference: `K-${prefix}-${c.id}`,
    clientId: c.id,
    product: 'PER',
    status: 'active' as const,
  }))
  for (let i = 0; i < contracts.length; i += 200) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(Contract)
      .values(contracts.slice(i, i + 200))
      .execute()
  }
  return clients.map((c) => c.id)
}

async function stateOf(dataSource: DataSource, ids: number[]) {
  const clients = await dataSource.getRepository(Client).find({
    select: { id: true, status: true, statusReason: true, version: true },
    where: { id: In(ids) },
    order: { id: 'ASC' },
  })
  const contracts = await dataSource.getRepository(Contract).find({
    select: { id: true, status: true },
    where: { clientId: In(ids) },
    order: { id: 'ASC' },
  })
  const events = await dataSource.getRepository(ClientEvent).countBy({ clientId: In(ids) })
  return { clients, contracts, events }
}

/** A real database failure on one client's row, raised by a trigger: nothing is mocked. */
async function failOn(
  dataSource: DataSource,
  kind: DatabaseKind,
  table: string,
  timing: string,
  clientColumn: string,
  id: number,
) {
  const name = `fail_${table}_${id}`
  if (kind === 'sqlite') {
    await dataSource.query(
      `CREATE TRIGGER ${name} BEFORE ${timing} ON ${table} WHEN NEW.${clientColumn} = ${id} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    )
  } else {
    await dataSource.query(
      `CREATE TRIGGER ${name} BEFORE ${timing} ON ${table} FOR EACH ROW BEGIN IF NEW.${clientColumn} = ${id} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'; END IF; END`,
    )
  }
  return () => dataSource.query(`DROP TRIGGER ${name}`)
}

describeEachDatabase('bulk lifecycle actions', (database, kind) => {
  const ds = () => database().dataSource
  // The demo data is seeded once per database; the HTTP tests share the app.
  let demo: Awaited<ReturnType<typeof seededDemo>> | undefined
  const demoApp = async () => (demo ??= await seededDemo(database()))

  test('over HTTP, a bulk action costs the same number of queries for 5 clients as for 50', async () => {
    const agent = await loginAs((await demoApp()).app, 'admin@example.com')
    const active = await ds()
      .getRepository(Client)
      .find({
        select: { id: true },
        where: { status: 'active', lastName: Not(Like('Bulk%')) },
        order: { id: 'ASC' },
        take: 55,
      })
    const counter = countQueries(ds())
    const few = await clientApi(agent).bulk(
      'bulkSuspend',
      active.slice(0, 5).map((c) => c.id),
      { reason: 'HTTP' },
    )
    const fewQueries = counter.count
    const many = await clientApi(agent).bulk(
      'bulkSuspend',
      active.slice(5, 55).map((c) => c.id),
      { reason: 'HTTP' },
    )
    const manyQueries = counter.count - fewQueries
    counter.stop()
    expect(few.body.notice).toMatchObject({ message: 'bulkChanged', options: { count: 5 } })
    expect(many.body.notice).toMatchObject({ message: 'bulkChanged', options: { count: 50 } })
    expect(manyQueries).toBe(fewQueries)
  })

  test('over HTTP, a bulk POST reads no selected record before the service runs (no findMany, no populate)', async () => {
    const agent = await loginAs((await demoApp()).app, 'admin@example.com')
    const ids = await makeClients(ds(), 'BPOST', 30)
    await ds().query(
      `UPDATE clients SET advisorId = (SELECT MIN(id) FROM advisors) WHERE clientNumber LIKE 'BPOST%'`,
    )
    const counter = countQueries(ds())
    const res = await clientApi(agent).bulk('bulkSuspend', ids, { reason: 'No read first' })
    counter.stop()
    expect(res.body.notice).toMatchObject({ message: 'bulkChanged', options: { count: 30 } })
    // AdminJS's bulk route reads every selected client by id, then their advisors (populate).
    expect(counter.seen.filter((q) => /["`]Client["`]\.["`]id["`] IN/.test(q))).toEqual([])
    expect(counter.seen.filter((q) => /FROM ["`]advisors["`]/.test(q))).toEqual([])
    // The form's GET still has the records it shows.
    const form = await clientApi(agent).bulkGet('bulkSuspend', ids.slice(0, 3))
    expect(form.body.records.map((r: { id: string }) => Number(r.id)).sort()).toEqual(ids.slice(0, 3).sort())
  })

  test(`bulk suspend of ${SIZE} clients: the same number of queries as for 10, one event each`, async () => {
    const lifecycle = lifecycleFor(ds())
    const small = await makeClients(ds(), 'S', 10)
    const large = await makeClients(ds(), 'L', SIZE)

    const counter = countQueries(ds())
    const few = await lifecycle.suspend(actor, small, { reason: 'Audit', contracts: 'true' })
    const fewQueries = counter.count
    const many = await lifecycle.suspend(actor, large, { reason: 'Audit', contracts: 'true' })
    const manyQueries = counter.count - fewQueries
    counter.stop()

    expect(few.changed).toHaveLength(10)
    expect(many.changed).toHaveLength(SIZE)
    // BEGIN, lock/read clients, read contracts, UPDATE contracts, UPDATE clients, INSERT events, COMMIT.
    expect(manyQueries).toBe(fewQueries)
    expect(fewQueries).toBeLessThanOrEqual(8)

    const after = await stateOf(ds(), large)
    expect(after.clients.every((c) => c.status === 'suspended' && c.statusReason === 'Audit')).toBe(true)
    expect(after.contracts.every((c) => c.status === 'suspended')).toBe(true)
    expect(after.events).toBe(SIZE)
    const sample = await ds()
      .getRepository(ClientEvent)
      .findOneByOrFail({ clientId: large[SIZE - 1], type: 'suspended' })
    expect(sample).toMatchObject({ actor: 'admin@example.com', ip: '192.0.2.7', reason: 'Audit' })
    expect(sample.data).toEqual({ contractIds: [expect.any(Number)], notified: false })

    // Reactivating them all is one transaction too, with the same fixed cost.
    const again = countQueries(ds())
    const back = await lifecycle.reactivate(actor, large, { contracts: 'true' })
    again.stop()
    expect(back.changed).toHaveLength(SIZE)
    expect(again.count).toBeLessThanOrEqual(9)
    expect((await stateOf(ds(), large)).contracts.every((c) => c.status === 'active')).toBe(true)
  })

  test.each([
    ['the event insert', 'client_events', 'INSERT', 'clientId'],
    ['the client update', 'clients', 'UPDATE', 'id'],
    ['the contract update', 'contracts', 'UPDATE', 'clientId'],
  ])(
    `a failure on the 500th of ${SIZE} clients (%s) leaves all ${SIZE} unchanged and no event`,
    async (_where, table, timing, column) => {
      const lifecycle = lifecycleFor(ds())
      const ids = await makeClients(ds(), `F${table.slice(0, 2).toUpperCase()}${timing[0]}`, SIZE)
      const before = await stateOf(ds(), ids)
      const drop = await failOn(ds(), kind, table, timing, column, ids[499])
      try {
        await expect(lifecycle.suspend(actor, ids, { reason: 'Audit', contracts: 'true' })).rejects.toThrow(
          /injected failure/,
        )
      } finally {
        await drop()
      }
      expect(await stateOf(ds(), ids)).toEqual(before)
      expect(before.events).toBe(0)
    },
  )

  test('two app servers suspending the same clients at once: one suspension, one event per client', async () => {
    const ids = await makeClients(ds(), 'C', 20)
    // A second DataSource on the same database, as a second app server would have.
    const other = await createDemoDataSource({ databaseUrl: database().url, dataDir: database().dataDir })
    await other.initialize()
    try {
      const [one, two] = [lifecycleFor(ds()), lifecycleFor(other)]
      for (const id of ids) {
        const results = await Promise.allSettled([
          one.suspend(actor, [id], { reason: 'first' }),
          two.suspend({ ...actor, email: 'other@example.com' }, [id], { reason: 'second' }),
          one.suspend(actor, [id], { reason: 'third' }),
        ])
        const changed = results.filter((r) => r.status === 'fulfilled' && r.value.changed.length === 1)
        expect(changed).toHaveLength(1)
        for (const r of results) {
          if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrentChangeError)
          else if (r.value.changed.length === 0) expect(r.value.skipped[0].reason).toBe('notActive')
        }
        expect(await ds().getRepository(ClientEvent).countBy({ clientId: id, type: 'suspended' })).toBe(1)
      }
    } finally {
      await other.destroy()
    }
  })
})
