import type { ActionRequest, ActionResponse, ActionContext, RecordJSON } from 'adminjs'
import { Client } from '../src/index.js'
import { dropSecretsFromPayload, stripSecretsFromResponse } from '../src/services/core/secrets.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'

const record = (params: Record<string, unknown>, populated: RecordJSON['populated'] = {}): RecordJSON => ({
  params,
  populated,
  baseError: null,
  errors: {},
  id: '1',
  title: 't',
  recordActions: [],
  bulkActions: [],
})

describe('secret-stripping hooks', () => {
  const context = {} as ActionContext
  const request = {} as ActionRequest

  test('removes secrets from record, records and populated references at any depth', async () => {
    const response: ActionResponse = {
      record: record(
        {
          id: 1,
          lastName: 'Dupont',
          passwordHash: '$2y$10$abc',
          twoFactorSecret: 'JBSWY3DP',
          'address.city': 'Lyon',
        },
        { advisorId: record({ id: 2, tokenHash: 'deadbeef', 'nested.passwordHash': 'x' }), contractId: null },
      ),
      records: [record({ id: 3, passwordHash: 'h', email: 'a@b.c' })],
      notice: { message: 'ok', type: 'success' },
    }
    const out = await stripSecretsFromResponse(response, request, context)
    expect(out.record.params).toEqual({ id: 1, lastName: 'Dupont', 'address.city': 'Lyon' })
    expect(out.record.populated.advisorId.params).toEqual({ id: 2 })
    expect(out.record.populated.contractId).toBeNull()
    expect(out.records[0].params).toEqual({ id: 3, email: 'a@b.c' })
    expect(out.notice).toEqual(response.notice)
  })

  test('drops secret fields from a create or edit payload', async () => {
    const out = await dropSecretsFromPayload(
      {
        method: 'post',
        payload: { lastName: 'X', passwordHash: 'mine', twoFactorSecret: 's' },
      } as unknown as ActionRequest,
      context,
    )
    expect(out.payload).toEqual({ lastName: 'X' })
  })
})

describeEachDatabase('no secret in any API body', (database) => {
  let demo: SeededDemo
  let secrets: string[]
  beforeAll(async () => {
    demo = await seededDemo(database())
    const rows = await database()
      .dataSource.getRepository(Client)
      .createQueryBuilder('c')
      .addSelect(['c.passwordHash', 'c.twoFactorSecret'])
      .getMany()
    secrets = [
      ...new Set(rows.flatMap((c) => [c.passwordHash, c.twoFactorSecret]).filter((s): s is string => !!s)),
    ]
  })

  // API bodies carry neither the values nor the keys; pages list the resources' property
  // definitions (a hidden property's name), never a value.
  const expectNoSecret = (body: string, { keys = true } = {}) => {
    expect(body.length).toBeGreaterThan(0)
    for (const secret of secrets) expect(body.includes(secret)).toBe(false)
    expect(body).not.toMatch(/\$argon2|\$2[aby]\$/)
    if (keys) expect(body).not.toMatch(/passwordHash|twoFactorSecret|tokenHash/)
  }

  test('the seeded data has secrets to leak (hashes and 2FA secrets)', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(3)
  })

  test('list, show, edit form, search, bulk GET and populated references', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const withTwoFactor = await database()
      .dataSource.getRepository(Client)
      .findOneByOrFail({ status: 'active' })
    const ids = (await database().dataSource.getRepository(Client).find({ take: 5 })).map((c) => c.id)
    const urls = [
      '/admin/api/resources/Client/actions/list?perPage=500',
      `/admin/api/resources/Client/records/${withTwoFactor.id}/show`,
      `/admin/api/resources/Client/records/${withTwoFactor.id}/edit`,
      `/admin/api/resources/Client/actions/search/${encodeURIComponent(withTwoFactor.lastName)}`,
      '/admin/api/resources/Client/actions/search/',
      `/admin/api/resources/Contract/bulk/bulkDelete?recordIds=${ids.join(',')}`,
      '/admin/api/resources/Commission/actions/list?perPage=500',
      '/admin/api/resources/Contract/actions/list?perPage=500',
      '/admin/api/resources/ClientEvent/actions/list?perPage=500',
      '/admin/api/resources/EmailLog/actions/list',
      '/admin/api/resources/ClientNote/actions/list',
      '/admin',
      '/admin/resources/Client',
    ]
    for (const url of urls) {
      const res = await agent.get(url)
      expect([url, res.status]).toEqual([url, 200])
      expectNoSecret(res.text, { keys: url.includes('/api/') })
    }
    // A commission's populated client is there (lean: its id and title, the name a row shows), without its secrets.
    const commissions = await agent.get('/admin/api/resources/Commission/actions/list')
    const populated = commissions.body.records.find((r: RecordJSON) => r.populated.clientId)?.populated
      .clientId
    expect(populated.title).toEqual(expect.any(String))
    expect(populated.title.length).toBeGreaterThan(0)
    expect(JSON.stringify(populated)).not.toMatch(/passwordHash|twoFactorSecret/)
  })

  test('saving a client answers without secrets and cannot overwrite them', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const client = await database().dataSource.getRepository(Client).findOneByOrFail({ status: 'pending' })
    const res = await agent
      .post(`/admin/api/resources/Client/records/${client.id}/edit`)
      .send({ city: 'Nantes', passwordHash: 'overwritten', twoFactorSecret: 'overwritten' })
    expect(res.body.notice.type).toBe('success')
    expectNoSecret(res.text)
    const after = await database()
      .dataSource.getRepository(Client)
      .createQueryBuilder('c')
      .addSelect(['c.passwordHash', 'c.twoFactorSecret'])
      .where('c.id = :id', { id: client.id })
      .getOneOrFail()
    expect(after.city).toBe('Nantes')
    expect(after.passwordHash).not.toBe('overwritten')
    expect(after.twoFactorSecret).not.toBe('overwritten')
  })

  test('the logged-in admin in the page is only id, email and role', async () => {
    const agent = await loginAs(demo.app, 'support@example.com')
    const page = await agent.get('/admin')
    const state = JSON.parse(/window\.REDUX_STATE = (\{.*\});\n/.exec(page.text)![1])
    expect(Object.keys(state.session).sort()).toEqual(['email', 'id', 'role'])
    expect(state.session).toMatchObject({ email: 'support@example.com', role: 'support' })
  })
})
