import type { Agent } from 'supertest'
import { MoreThanOrEqual } from 'typeorm'
import { AdminAuditEntry, Commission, Contract } from '../src/index.js'
import { SavedView, SavedViewDefault } from '../src/entities/index.js'
import { AdminUser } from '../demo/entities/AdminUser.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'
import { statementsOf } from './support/statements.js'
import type { ViewSummary } from '../src/shared/savedViews.js'

// Saved views of the contracts' and the commissions' lists (issue 28): the client list's views,
// rules and actions on each resource, their parameters checked against what that list takes.

type Summary = ViewSummary

const api = (resource: string) => `/admin/api/resources/${resource}/actions`

describeEachDatabase('saved views of the contracts’ and commissions’ lists', (database) => {
  let admin: Agent
  let admin2: Agent
  let support: Agent
  const ds = () => database().dataSource
  const post = (agent: Agent, resource: string, action: string, payload: Record<string, string>) =>
    agent
      .post(`${api(resource)}/${action}`)
      .type('form')
      .send(payload)
  const viewsOf = async (agent: Agent, resource: string, query = '') => {
    const res = await agent.get(`${api(resource)}/savedViews${query}`)
    expect(res.status).toBe(200)
    return res.body as { views: Summary[]; defaultViewId: number | null }
  }
  const save = async (
    agent: Agent,
    resource: string,
    name: string,
    query: string,
    extra: Record<string, string> = {},
  ) => {
    const res = await post(agent, resource, 'saveView', { name, query, columns: '', ...extra })
    expect([name, res.status, res.body.notice?.message]).toEqual([name, 200, 'viewSaved'])
    return ds()
      .getRepository(SavedView)
      .findOneOrFail({ where: { name }, order: { id: 'DESC' } })
  }
  /** The list's own total for these parameters (what the panel shows above its rows). */
  const listTotal = async (agent: Agent, resource: string, params: Record<string, string>) => {
    const res = await agent.get(`${api(resource)}/list?${new URLSearchParams(params).toString()}`)
    expect(res.status).toBe(200)
    return res.body.meta.total as number
  }

  beforeAll(async () => {
    const demo = await seededDemo(database())
    const users = ds().getRepository(AdminUser)
    const first = await users.findOneOrFail({
      where: { email: 'admin@example.com' },
      select: { passwordHash: true },
    })
    await users.insert({ email: 'admin2@example.com', role: 'admin', passwordHash: first.passwordHash })
    admin = await loginAs(demo.app, 'admin@example.com')
    admin2 = await loginAs(demo.app, 'admin2@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })

  test('a contracts view: the list’s own filters and sort kept, its columns, its count the list’s total', async () => {
    const active = await ds().getRepository(Contract).countBy({ status: 'active' })
    expect(active).toBeGreaterThan(1)
    const view = await save(
      admin,
      'Contract',
      'Contrats actifs',
      'filters.status=active&sortBy=startDate&direction=asc&page=3&perPage=20',
      { columns: 'status,reference,passwordHash,cf__risk' },
    )
    expect(view).toMatchObject({ resource: 'Contract', owner: 'admin@example.com', shared: false })
    expect(view.params).toEqual({
      'filters.status': 'active',
      sortBy: 'startDate',
      direction: 'asc',
      perPage: '20',
    })
    // In the list's order; no custom field column (the clients' alone), no unknown one.
    expect(view.columns).toEqual(['reference', 'status'])
    const { views } = await viewsOf(admin, 'Contract')
    const summary = views.find((v) => v.id === view.id)
    expect(summary).toMatchObject({ name: 'Contrats actifs', mine: true, editable: true, count: active })
    expect(summary?.count).toBe(await listTotal(admin, 'Contract', summary!.params))
    // A contracts view is no view of the client list, even asked by its id.
    expect((await viewsOf(admin, 'Client', `?view=${view.id}`)).views.map((v) => v.id)).not.toContain(view.id)
    const wrongList = await post(admin, 'Client', 'renameView', { view: String(view.id), name: 'Other' })
    expect(wrongList.body.notice?.message).toBe('viewNotFound')
    const audit = await ds()
      .getRepository(AdminAuditEntry)
      .findOneByOrFail({ action: 'view_saved', resourceId: 'Contract' })
    expect(audit.details).toMatchObject({ view: view.id, name: 'Contrats actifs' })
  })

  test('a commissions view: status and period range, its count the list’s total', async () => {
    const pending = await ds()
      .getRepository(Commission)
      .countBy({ status: 'pending', period: MoreThanOrEqual('2000-01-01') })
    expect(pending).toBeGreaterThan(0)
    expect(pending).toBeLessThan(await ds().getRepository(Commission).count())
    const view = await save(
      admin,
      'Commission',
      'Commissions à payer',
      'filters.status=pending&filters.period~~from=2000-01-01&sortBy=amount&direction=desc',
      { columns: 'amount,period,status' },
    )
    expect(view.params).toEqual({
      'filters.status': 'pending',
      'filters.period~~from': '2000-01-01',
      sortBy: 'amount',
      direction: 'desc',
    })
    expect(view.columns).toEqual(['period', 'amount', 'status'])
    const summary = (await viewsOf(admin, 'Commission')).views.find((v) => v.id === view.id)
    expect(summary?.count).toBe(pending)
    expect(summary?.count).toBe(await listTotal(admin, 'Commission', summary!.params))
  })

  test('a filter or a sort the list does not take is a field error; nothing is saved', async () => {
    const before = await ds().getRepository(SavedView).count()
    const cases: [string, string, string][] = [
      ['Contract', 'filters.passwordHash=x', 'viewUnknownFilter'],
      ['Contract', 'filters.status=nope', 'viewBadFilter'],
      ['Contract', 'filters.clientId=abc', 'viewBadFilter'],
      ['Contract', 'filters.status=active&sortBy=secret', 'viewBadSort'],
      ['Commission', 'filters.amount=12', 'viewUnknownFilter'],
      ['Commission', 'filters.period~~from=yesterday', 'viewBadFilter'],
      ['Commission', 'direction=sideways', 'viewBadSort'],
    ]
    for (const [resource, query, message] of cases) {
      const res = await post(admin, resource, 'saveView', { name: 'Refused', query, columns: '' })
      expect([query, res.body.record?.errors?.query?.message]).toEqual([query, message])
    }
    expect(await ds().getRepository(SavedView).count()).toBe(before)
  })

  test('private: invisible to another admin and to support, even by its link; shared: seen, default per admin', async () => {
    const view = await ds().getRepository(SavedView).findOneByOrFail({ name: 'Contrats actifs' })
    const id = String(view.id)
    for (const agent of [admin2, support]) {
      expect((await viewsOf(agent, 'Contract', `?view=${id}`)).views.map((v) => v.id)).not.toContain(view.id)
      for (const [action, payload] of [
        ['renameView', { view: id, name: 'Mine now' }],
        ['shareView', { view: id, shared: 'true' }],
        ['deleteView', { view: id }],
        ['defaultView', { view: id }],
      ] as const) {
        const res = await post(agent, 'Contract', action, payload)
        expect([action, res.body.notice?.message]).toEqual([action, 'viewNotFound'])
      }
    }
    // Its owner opens it by its link.
    expect((await viewsOf(admin, 'Contract', `?view=${id}`)).views.map((v) => v.id)).toContain(view.id)

    expect(
      (await post(admin, 'Contract', 'shareView', { view: id, shared: 'on' })).body.notice?.message,
    ).toBe('viewShared')
    const seen = (await viewsOf(support, 'Contract', `?view=${id}`)).views.find((v) => v.id === view.id)
    expect(seen).toMatchObject({ mine: false, editable: false, shared: true })
    expect(
      (await post(support, 'Contract', 'renameView', { view: id, name: 'x' })).body.notice?.message,
    ).toBe('viewNotYours')
    expect((await viewsOf(admin2, 'Contract')).views.find((v) => v.id === view.id)?.editable).toBe(true)

    const set = await post(support, 'Contract', 'defaultView', { view: id })
    expect(set.body.notice?.message).toBe('viewDefaultSet')
    expect((await viewsOf(support, 'Contract')).defaultViewId).toBe(view.id)
    // A default per admin and per list.
    expect((await viewsOf(support, 'Client')).defaultViewId).toBeNull()
    expect((await viewsOf(admin, 'Contract')).defaultViewId).toBeNull()
    expect(
      await ds().getRepository(SavedViewDefault).findOneByOrFail({ owner: 'support@example.com' }),
    ).toMatchObject({ resource: 'Contract', viewId: view.id })
    // Made private again: no longer support's default.
    await post(admin, 'Contract', 'shareView', { view: id, shared: 'false' })
    expect((await viewsOf(support, 'Contract')).defaultViewId).toBeNull()
    const cleared = await post(admin, 'Contract', 'defaultView', { view: '' })
    expect(cleared.body.notice?.message).toBe('viewDefaultClearedList')
  })

  test('support saves and deletes its own commissions view', async () => {
    const own = await save(support, 'Commission', 'Payées (support)', 'filters.status=paid')
    expect(own).toMatchObject({ owner: 'support@example.com', resource: 'Commission' })
    expect((await viewsOf(admin, 'Commission')).views.map((v) => v.id)).not.toContain(own.id)
    const res = await post(support, 'Commission', 'deleteView', { view: String(own.id) })
    expect(res.body.notice?.message).toBe('viewDeleted')
  })

  test('parameters stored before a rule changed are checked again when read; one COUNT per view', async () => {
    const view = await save(admin, 'Contract', 'Trafiquée', 'filters.status=active')
    await ds()
      .getRepository(SavedView)
      .update(view.id, {
        params: {
          'filters.status': 'weird',
          sortBy: 'passwordHash',
          'filters.product': 'a',
          'filters.nope': '1',
        },
      })
    const summary = (await viewsOf(admin, 'Contract')).views.find((v) => v.id === view.id)
    expect(summary?.params).toEqual({ 'filters.product': 'a' })
    expect(summary?.count).toBe(await listTotal(admin, 'Contract', { 'filters.product': 'a' }))
    const shown = (await viewsOf(admin, 'Contract')).views.length
    const few = await statementsOf(ds(), () => viewsOf(admin, 'Contract'))
    await save(admin, 'Contract', 'Suspendus', 'filters.status=suspended')
    await save(admin, 'Contract', 'Résiliés', 'filters.status=terminated')
    const more = await statementsOf(ds(), () => viewsOf(admin, 'Contract'))
    expect((await viewsOf(admin, 'Contract')).views.length).toBe(shown + 2)
    expect(more - few).toBe(2)
  })
})
