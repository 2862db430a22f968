import type { Agent } from 'supertest'
import type { DataSource } from 'typeorm'
import { Client, Contract, contactSearchColumns, searchColumnsFor } from '../src/index.js'
import { ClientList, readListQuery } from '../src/services/list/clientList.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'
import { sqlOf } from './support/statements.js'

// Issue 31: what admins type in the client list's search box besides names, emails and numbers.

type ListBody = { body: { records: { params: { lastName: string; firstName: string | null } }[] } }
const names = (res: ListBody) =>
  res.body.records.map((r) => `${r.params.firstName ?? ''} ${r.params.lastName}`.trim())

/** Counts the plugin's SQL (not the session store's) while `work` runs. */
async function queriesDuring(dataSource: DataSource, work: () => Promise<unknown>): Promise<number> {
  const logger = dataSource.logger
  const original = logger.logQuery.bind(logger)
  let seen = 0
  logger.logQuery = (query, parameters, runner) => {
    if (!/demo_sessions|demo_admin_users/.test(query)) seen += 1
    return original(query, parameters, runner)
  }
  try {
    await work()
  } finally {
    logger.logQuery = original
  }
  return seen
}

describeEachDatabase('client search: phones, email domains, contract references', (database, kind) => {
  let admin: Agent
  const ds = () => database().dataSource
  const search = async (q: string) => {
    const res = await clientApi(admin).list(
      `?perPage=100&sortBy=lastName&direction=asc&filters.q=${encodeURIComponent(q)}`,
    )
    expect([q, res.status]).toEqual([q, 200])
    return res
  }
  const found = async (q: string) => names(await search(q))

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    const repo = ds().getRepository(Client)
    const made = await repo.save(
      [
        { lastName: 'Qqtel', firstName: 'Anne', phone: '06 98 76 54 32', country: 'FR' },
        { lastName: 'Qqtel', firstName: 'Bruno', phone: '+32 470 99 88 77', country: 'BE' },
        { lastName: 'Qqdomain', firstName: 'Carla', email: 'carla@QqAcme.test' },
        { lastName: 'Qqdomain', firstName: 'Denis', email: 'denis@qqacme.test' },
        { lastName: 'Qqdomain', firstName: 'Eve', email: 'eve@qqacme-group.test' },
        { lastName: 'Qqdomain', firstName: 'Fanny', email: 'fanny@notqqacme.test' },
        { lastName: 'Qqref', firstName: 'Gaspard' },
        { lastName: 'Qqref', firstName: 'Hugo' },
      ].map((c) => repo.create({ ...c, status: 'active' } as Partial<Client>)),
    )
    const id = (first: string) => made.find((c) => c.firstName === first)!.id
    await ds()
      .getRepository(Contract)
      .save([
        { reference: 'QQR-2026-001', clientId: id('Gaspard'), product: 'PER', status: 'active' },
        { reference: 'QQR-2026-002', clientId: id('Gaspard'), product: 'PER', status: 'active' },
        { reference: 'QQR-2026-103', clientId: id('Hugo'), product: 'PER', status: 'terminated' },
      ])
  })

  test('a phone in any format: digits compared, national or international', async () => {
    for (const q of [
      '06 98 76 54 32',
      '0698765432',
      '+33 6 98 76 54 32',
      '+33698765432',
      '0033 6 98 76 54 32',
      '06.98.76.54.32',
      '(06) 98-76',
      '698 76',
    ])
      expect([q, await found(q)]).toEqual([q, ['Anne Qqtel']])
    // A Belgian client, typed at home or from abroad.
    for (const q of ['0470 99 88 77', '+32 470 99 88 77', '470998877'])
      expect([q, await found(q)]).toEqual([q, ['Bruno Qqtel']])
  })

  test('a phone changed by an edit is found by its new number only', async () => {
    const repo = ds().getRepository(Client)
    const anne = await repo.findOneByOrFail({ lastName: 'Qqtel', firstName: 'Anne' })
    anne.phone = '07 11 22 33 44'
    await repo.save(anne)
    expect(await found('07 11 22 33 44')).toEqual(['Anne Qqtel'])
    expect(await found('06 98 76 54 32')).toEqual([])
    anne.phone = '06 98 76 54 32'
    await repo.save(anne)
  })

  test('@ and a domain: the clients of that domain, case ignored; the start of a domain too', async () => {
    expect(await found('@qqacme.test')).toEqual(['Carla Qqdomain', 'Denis Qqdomain'])
    expect(await found('@QQACME.TEST')).toEqual(['Carla Qqdomain', 'Denis Qqdomain'])
    expect(await found('@qqacme')).toEqual(['Carla Qqdomain', 'Denis Qqdomain', 'Eve Qqdomain'])
    // The end of a domain is not a domain: `@acme.test` is not `notacme.test`.
    expect(await found('@cme.test')).toEqual([])
  })

  test('a contract reference, exact or its start, any case; a client with two matching contracts once', async () => {
    expect(await found('QQR-2026-103')).toEqual(['Hugo Qqref'])
    expect(await found('qqr-2026-00')).toEqual(['Gaspard Qqref'])
    expect(await found('QQR-2026')).toEqual(['Gaspard Qqref', 'Hugo Qqref'])
    const res = await search('QQR-')
    expect(res.body).toMatchObject({ meta: { total: 2 } })
  })

  test('a reference search costs one query more than a name search, whatever the page size (no N+1)', async () => {
    const list = (perPage: number) =>
      clientApi(admin).list(`?perPage=${perPage}&filters.q=QQR-2026&sortBy=lastName&direction=asc`)
    const ten = await queriesDuring(ds(), () => list(10))
    const hundred = await queriesDuring(ds(), () => list(100))
    expect(ten).toBe(hundred)
    const byName = await queriesDuring(ds(), () =>
      clientApi(admin).list('?perPage=100&filters.q=qqref%20g&sortBy=lastName&direction=asc'),
    )
    expect(hundred).toBe(byName + 1)
  })

  test('issue 30: the lookups before a search are one statement for a reference, none for a name (no custom field searchable)', async () => {
    // A lookup: the clients of the contracts by reference, or of a searchable custom field's value.
    const lookups = async (q: string) =>
      (
        await sqlOf(ds(), () =>
          clientApi(admin).list(
            `?perPage=20&sortBy=lastName&direction=asc&filters.q=${encodeURIComponent(q)}`,
          ),
        )
      ).filter((sql) => /\bDISTINCT\b/i.test(sql) && /reference|searchable/i.test(sql))
    expect(await lookups('qqref g')).toEqual([])
    expect(await lookups('QQR-2026')).toHaveLength(1)
    // The answers are the same as ever (a name, a reference).
    expect(await found('qqref g')).toEqual(['Gaspard Qqref'])
    expect(await found('QQR-2026')).toEqual(['Gaspard Qqref', 'Hugo Qqref'])
  })

  test('a reference shared by too many clients: the contracts in a subquery, the same answer', async () => {
    const clientList = new ClientList(ds())
    const query = readListQuery(
      { filters: { q: 'QQR-2026' } },
      { perPage: 20, maxPerPage: 500, sortBy: 'lastName', direction: 'asc' },
    )
    const viaIds = await clientList.rows(query)
    const viaSubquery = await clientList.rows(query, 'many')
    expect(viaSubquery.map((c) => c.firstName)).toEqual(['Gaspard', 'Hugo'])
    expect(viaSubquery.map((c) => c.id)).toEqual(viaIds.map((c) => c.id))
    expect(await clientList.total(query, 'many')).toEqual({ total: 2, totalIsEstimate: false })
  })

  test('hostile queries: no error, no wildcard, nothing found', async () => {
    for (const q of [
      '%',
      '_',
      '%%',
      '*',
      '?',
      '[',
      '\\',
      '@%',
      '@_',
      '@*',
      // Each would find someone if its `_`, `%` or `*` were a wildcard.
      'QQR-2026-1__',
      'QQR-2026-10%',
      'QQR-2026-1*',
      '@qqacme.tes_',
      '@qqacme%',
      '@qqacme*',
      '06 98%',
      "'; DROP TABLE clients; --",
      '%_*?[]\\',
      '—…«»',
      'x'.repeat(500),
      '0'.repeat(500),
      `+${'9'.repeat(300)}`,
    ]) {
      const res = await search(q)
      expect([q.slice(0, 40), res.body.meta.total, names(res)]).toEqual([q.slice(0, 40), 0, []])
    }
    // Longer than any filter may be (500), the query is dropped with the request's other misfits.
    expect((await search('x'.repeat(5000))).status).toBe(200)
    expect(await ds().getRepository(Client).count()).toBeGreaterThan(8)
  })

  if (kind === 'mysql') {
    test('EXPLAIN at 20,000 clients: phone, domain and reference searches read indexes, never the whole table', async () => {
      const rows = Array.from({ length: 20_000 }, (_, i) => {
        const phone = `06 ${String(i)
          .padStart(8, '0')
          .replace(/(\d\d)(?=\d)/g, '$1 ')}`
        const email = `y${i}@dom${i % 300}.example`
        return {
          clientNumber: `Y${String(i).padStart(8, '0')}`,
          lastName: `Name${i % 997}`,
          email,
          phone,
          status: 'active' as const,
          ...searchColumnsFor(`Name${i % 997}`, null),
          ...contactSearchColumns(phone, 'FR', email),
        }
      })
      for (let i = 0; i < rows.length; i += 1000) {
        await ds()
          .createQueryBuilder()
          .insert()
          .into(Client)
          .values(rows.slice(i, i + 1000))
          .updateEntity(false)
          .execute()
      }
      await ds().query('ANALYZE TABLE clients, contracts')
      const clientList = new ClientList(ds())
      const defaults = {
        perPage: 20,
        maxPerPage: 500,
        sortBy: 'lastName' as const,
        direction: 'asc' as const,
      }
      for (const q of ['06 00 01 23', '+33 6 00 01 23 45', '@dom42.example', 'QQR-2026-001']) {
        const query = readListQuery({ filters: { q } }, defaults)
        const { ids } = clientList.pageIdsQuery(query, await clientList.contractClientsFor(query))
        const [sql, parameters] = ids.getQueryAndParameters()
        const [plan] = (await ds().query(`EXPLAIN ${sql}`, parameters)) as {
          type: string
          key: string | null
        }[]
        expect([q, plan.type]).not.toEqual([q, 'ALL'])
        expect([q, String(plan.key)]).toEqual([q, expect.stringMatching(/search(Phone|EmailDomain)|PRIMARY/)])
      }
    })
  }
})
