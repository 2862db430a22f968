// The plugin's resources read a record by id through one prepared statement
// (src/resources/pluginResource.ts): the same params as AdminJS's TypeORM adapter gives, no
// secret column, one statement per read.
import { Resource } from '@adminjs/typeorm'
import { Advisor, Client } from '../src/index.js'
import { PluginResource, personTitle } from '../src/resources/pluginResource.js'
import { EntityRows } from '../src/services/core/entityRows.js'
import { describeEachDatabase } from './support/databases.js'
import { statementsOf } from './support/statements.js'

describe('a person’s title', () => {
  test('a person by full name and number; what is missing left out', () => {
    expect(personTitle('Leclerc', 'Jean', 'C5576349')).toBe('Leclerc Jean · C5576349')
    expect(personTitle('Leclerc', null, 'A01')).toBe('Leclerc · A01')
    expect(personTitle('Leclerc', 'Jean', null)).toBe('Leclerc Jean')
    expect(personTitle(null, '', 'C1')).toBe('C1')
  })
})

describeEachDatabase('plugin resource', (db) => {
  let clientId: number
  let advisorIds: number[]
  beforeAll(async () => {
    const ds = db().dataSource
    const advisors = await ds.getRepository(Advisor).save([
      { code: 'PR1', lastName: 'Martin', firstName: 'Ana', email: 'pr1@example.com', active: true },
      { code: 'PR2', lastName: 'Durand', firstName: 'Léo', email: 'pr2@example.com', active: false },
    ])
    advisorIds = advisors.map((a) => a.id)
    const client = await ds.getRepository(Client).save({
      clientNumber: 'PR0001',
      lastName: 'Bernard',
      firstName: 'Élise',
      email: 'elise@example.com',
      advisorId: advisorIds[0],
      balance: '12.50',
      passwordHash: 'secret-hash',
      twoFactorSecret: 'secret-2fa',
      emailConfirmedAt: new Date('2026-01-02T03:04:05Z'),
    } as Partial<Client>)
    clientId = client.id
  })

  test('a client read by id: the adapter’s params, no secret, one statement', async () => {
    const ds = db().dataSource
    const plain = new Resource(Client)
    const ours = new PluginResource(Client, ds)
    const expected = await plain.findOne(clientId)
    let found: Awaited<ReturnType<PluginResource['findOne']>> = null
    expect(await statementsOf(ds, async () => (found = await ours.findOne(String(clientId))))).toBe(1)
    expect(found!.params).toEqual(expected!.params)
    expect(found!.params).not.toHaveProperty('passwordHash')
    expect(found!.params).not.toHaveProperty('twoFactorSecret')
    expect(found!.params.emailConfirmedAt).toBeInstanceOf(Date)
    expect(await ours.findOne(999_999)).toBeNull()
    expect(ours.properties().map((p) => p.path())).toEqual(plain.properties().map((p) => p.path()))
  })

  test('references populated in one statement, booleans as booleans', async () => {
    const ds = db().dataSource
    const plain = new Resource(Advisor)
    const ours = new PluginResource(Advisor, ds)
    const byId = <R extends { id(): string | number }>(records: R[]) =>
      [...records].sort((a, b) => Number(a.id()) - Number(b.id()))
    const expected = byId(await plain.findMany(advisorIds))
    let found: Awaited<ReturnType<PluginResource['findMany']>> = []
    expect(await statementsOf(ds, async () => (found = await ours.findMany(advisorIds)))).toBe(1)
    expect(byId(found).map((r) => r.params)).toEqual(expected.map((r) => r.params))
    expect(byId(found).map((r) => r.params.active)).toEqual([true, false])
    expect(await ours.findMany([])).toEqual([])
  })

  test('a query builder’s entities hydrated as getMany hydrates them, in one statement', async () => {
    const ds = db().dataSource
    const query = () =>
      ds.getRepository(Client).createQueryBuilder('c').where('c.id = :id', { id: clientId }).orderBy('c.id')
    const expected = await query().getMany()
    let found: Client[] = []
    const rows = new EntityRows(ds, Client)
    expect(await statementsOf(ds, async () => (found = await rows.fromQuery(query())))).toBe(1)
    expect(found).toEqual(expected)
    expect(found[0]).toBeInstanceOf(Client)
    expect(found[0]).not.toHaveProperty('passwordHash')
  })
})
