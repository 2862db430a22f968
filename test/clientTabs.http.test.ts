import type { Agent } from 'supertest'
import { Client, ClientEvent, Commission, Contract } from '../src/index.js'
import { ClientTabs } from '../src/services/list/clientTabs.js'
import { Invoice } from '../demo/entities/Invoice.js'
import { describeEachDatabase } from './support/databases.js'
import { statementsOf } from './support/statements.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'

describeEachDatabase('the client page’s tabs API', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let support: Agent
  let client: Client
  const ds = () => database().dataSource
  const tab = (agent: Agent, id: number, query: string) =>
    agent.get(`/admin/api/resources/Client/records/${id}/tab?${query}`)

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
    // The client with the most commissions: several pages of them.
    const [row] = await ds()
      .getRepository(Commission)
      .createQueryBuilder('m')
      .select('m.clientId', 'clientId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('m.clientId')
      .orderBy('n', 'DESC')
      .limit(1)
      .getRawMany<{ clientId: number }>()
    client = await ds()
      .getRepository(Client)
      .findOneByOrFail({ id: Number(row.clientId) })
  })

  test('contracts: the page holds only the shown columns, in order, and the total counts them all', async () => {
    const contracts = await ds()
      .getRepository(Contract)
      .find({ where: { clientId: client.id }, order: { startDate: 'DESC', id: 'DESC' } })
    const res = await tab(admin, client.id, 'tab=contracts&page=1&perPage=2')
    expect(res.status).toBe(200)
    expect(res.body.tab).toMatchObject({ tab: 'contracts', page: 1, perPage: 2, total: contracts.length })
    expect(res.body.tab.rows.map((r: { reference: string }) => r.reference)).toEqual(
      contracts.slice(0, 2).map((k) => k.reference),
    )
    expect(Object.keys(res.body.tab.rows[0]).sort()).toEqual(
      [
        'advisor',
        'advisorId',
        'endDate',
        'id',
        'premium',
        'product',
        'reference',
        'startDate',
        'status',
      ].sort(),
    )
  })

  test('commissions: page 2 follows page 1, and the sum is of all the client’s commissions', async () => {
    const all = await ds()
      .getRepository(Commission)
      .find({ where: { clientId: client.id }, order: { period: 'DESC', id: 'DESC' } })
    expect(all.length).toBeGreaterThan(4)
    const first = await tab(admin, client.id, 'tab=commissions&page=1&perPage=3')
    const second = await tab(admin, client.id, 'tab=commissions&page=2&perPage=3')
    const ids = [...first.body.tab.rows, ...second.body.tab.rows].map((r: { id: number }) => r.id)
    expect(ids).toEqual(all.slice(0, 6).map((m) => m.id))
    const sum = all.reduce((total, m) => total + Math.round(Number(m.amount) * 100), 0)
    expect(first.body.tab).toMatchObject({ total: all.length, sum: (sum / 100).toFixed(2) })
    expect(second.body.tab.rows[0]).toMatchObject({
      contractId: all[3].contractId,
      contract: expect.stringMatching(/^CT-/),
    })
  })

  test('history is newest first; advisors put the referent first; support may read every tab', async () => {
    await ds()
      .getRepository(ClientEvent)
      .insert({
        clientId: client.id,
        type: 'note_added',
        actorType: 'admin',
        actor: 'newest@example.com',
        createdAt: new Date(Date.now() + 60_000),
      })
    const history = await tab(support, client.id, 'tab=history')
    expect(history.status).toBe(200)
    expect(history.body.tab.rows[0]).toMatchObject({ actor: 'newest@example.com', type: 'note_added' })
    const dates = history.body.tab.rows.map((r: { createdAt: string }) => Date.parse(r.createdAt))
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)

    const advisors = await tab(support, client.id, 'tab=advisors')
    expect(advisors.body.tab.rows[0]).toMatchObject({ id: client.advisorId, referent: true })
    expect(advisors.body.tab.rows.slice(1).every((r: { referent: boolean }) => !r.referent)).toBe(true)
    for (const name of ['emails', 'notes']) {
      const res = await tab(support, client.id, `tab=${name}`)
      expect([name, res.status, typeof res.body.tab?.total]).toEqual([name, 200, 'number'])
    }
  })

  test('bad input answers with a field error, never a 500; no secret in any answer', async () => {
    const unknown = await tab(admin, client.id, 'tab=passwords')
    expect(unknown.status).toBe(200)
    expect(unknown.body.record.errors.tab).toMatchObject({ message: 'unknownTab' })
    expect(unknown.body.tab).toBeUndefined()
    for (const [query, field, message] of [
      ['tab=contracts&page=0', 'page', 'badPage'],
      ['tab=contracts&page=abc', 'page', 'badPage'],
      ['tab=contracts&perPage=1000', 'perPage', 'badPerPage'],
      ['tab=contracts&perPage=-1', 'perPage', 'badPerPage'],
    ]) {
      const res = await tab(admin, client.id, query)
      expect([query, res.status, res.body.record?.errors?.[field]?.message]).toEqual([query, 200, message])
    }
    const beyond = await tab(admin, client.id, 'tab=contracts&page=999')
    expect(beyond.body.tab.rows).toEqual([])

    const secrets = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .addSelect(['c.passwordHash', 'c.twoFactorSecret'])
      .where('c.id = :id', { id: client.id })
      .getOneOrFail()
    for (const name of [
      'details',
      'contracts',
      'commissions',
      'advisors',
      'emails',
      'history',
      'notes',
      'Invoice',
    ]) {
      const res = await tab(admin, client.id, `tab=${name}`)
      expect(res.text).not.toContain('passwordHash')
      expect(res.text).not.toContain(secrets.passwordHash as string)
      if (secrets.twoFactorSecret) expect(res.text).not.toContain(secrets.twoFactorSecret)
    }
  })

  test('a host tab (the demo’s invoices) reads the host resource a page at a time, only its columns', async () => {
    const invoices = await ds()
      .getRepository(Invoice)
      .find({ where: { clientId: client.id }, order: { id: 'DESC' } })
    const res = await tab(admin, client.id, 'tab=Invoice&perPage=2')
    expect(res.body.tab).toMatchObject({ tab: 'Invoice', total: invoices.length, enums: ['status'] })
    expect(res.body.tab.rows).toEqual(
      invoices.slice(0, 2).map((i) => ({
        id: String(i.id),
        number: i.number,
        issuedOn: expect.anything(),
        total: expect.anything(),
        status: i.status,
      })),
    )
    // Exactly this client's (the key is compared with =, not LIKE: client 1 is not client 12's).
    const one = await tab(admin, 1, 'tab=Invoice&perPage=100')
    const ofOne = await ds().getRepository(Invoice).countBy({ clientId: 1 })
    expect(one.body.tab.total).toBe(ofOne)
  })

  test('a page costs two statements whatever its size, for every tab', async () => {
    const tabs = new ClientTabs(ds())
    const counts: Record<string, number[]> = {}
    for (const name of ['contracts', 'commissions', 'advisors', 'emails', 'history', 'notes'] as const) {
      counts[name] = [
        await statementsOf(ds(), () => tabs.read(name, client, { page: 1, perPage: 1 })),
        await statementsOf(ds(), () => tabs.read(name, client, { page: 2, perPage: 100 })),
      ]
    }
    expect(counts).toEqual({
      contracts: [2, 2],
      commissions: [2, 2],
      advisors: [2, 2],
      emails: [2, 2],
      history: [2, 2],
      notes: [2, 2],
    })
    // Through HTTP, the same request costs the same with 1 row or 100 (session, record, then the tab).
    const small = await statementsOf(ds(), () => tab(admin, client.id, 'tab=history&perPage=1'))
    const large = await statementsOf(ds(), () => tab(admin, client.id, 'tab=history&perPage=100'))
    expect(large).toBe(small)
  })
})
