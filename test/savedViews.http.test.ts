import type { Agent } from 'supertest'
import { In, type DataSource } from 'typeorm'
import { AdminAuditEntry, Client, Tag } from '../src/index.js'
import { SavedView, SavedViewDefault } from '../src/entities/index.js'
import { resolveViewQuery } from '../src/services/views/viewCounts.js'
import { AdminUser } from '../demo/entities/AdminUser.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'
import { CLIENT_LIST_COLUMNS, type ViewSummary } from '../src/shared/savedViews.js'
import { statementsOf } from './support/statements.js'

const BASE = '/admin/api/resources/Client/actions'

type Summary = ViewSummary

/** `count` clients of their own (numbers `prefix…`), by id. */
async function makeClients(dataSource: DataSource, prefix: string, count: number): Promise<number[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    clientNumber: `${prefix}${String(i).padStart(4, '0')}`,
    lastName: `Viewed${prefix}`,
    status: 'active' as const,
  }))
  await dataSource.createQueryBuilder().insert().into(Client).values(rows).execute()
  const made = await dataSource.getRepository(Client).find({
    select: { id: true },
    where: { clientNumber: In(rows.map((r) => r.clientNumber)) },
    order: { id: 'ASC' },
  })
  return made.map((c) => c.id)
}

describeEachDatabase(
  'saved views: save, open, share, private, default, delete, roles, counts',
  (database) => {
    let admin: Agent
    let admin2: Agent
    let support: Agent
    let tagId: number
    let demo: Awaited<ReturnType<typeof seededDemo>>
    const ds = () => database().dataSource
    const post = (agent: Agent, action: string, payload: Record<string, string>) =>
      agent.post(`${BASE}/${action}`).type('form').send(payload)
    const viewsOf = async (agent: Agent, query = '') => {
      const res = await agent.get(`${BASE}/savedViews${query}`)
      expect(res.status).toBe(200)
      return res.body as { views: Summary[]; defaultViewId: number | null }
    }
    const save = async (agent: Agent, name: string, query: string, extra: Record<string, string> = {}) => {
      const res = await post(agent, 'saveView', { name, query, columns: '', ...extra })
      expect([name, res.status, res.body.notice?.message]).toEqual([name, 200, 'viewSaved'])
      return ds()
        .getRepository(SavedView)
        .findOneOrFail({ where: { name }, order: { id: 'DESC' } })
    }

    beforeAll(async () => {
      demo = await seededDemo(database())
      // A second admin of the same role: a private view of one is not the other's.
      const users = ds().getRepository(AdminUser)
      const first = await users.findOneOrFail({
        where: { email: 'admin@example.com' },
        select: { passwordHash: true },
      })
      await users.insert({ email: 'admin2@example.com', role: 'admin', passwordHash: first.passwordHash })
      admin = await loginAs(demo.app, 'admin@example.com')
      admin2 = await loginAs(demo.app, 'admin2@example.com')
      support = await loginAs(demo.app, 'support@example.com')
      const tagged = await makeClients(ds(), 'VIEWT', 3)
      expect((await clientApi(admin).bulk('bulkAddTags', tagged, { tags: 'ViewTag' })).status).toBe(200)
      tagId = (await ds().getRepository(Tag).findOneByOrFail({ nameKey: 'viewtag' })).id
    })

    test('saving keeps only the list parameters the list takes; the count is the list’s own total', async () => {
      const query = [
        `filters.tags=${tagId}`,
        'filters.tagMode=any',
        'sortBy=lastName',
        'direction=asc',
        'perPage=20',
        'page=3',
        'filters.bogus=1',
        'filters.status=nope',
        'sortBy=passwordHash',
        'perPage=9999',
        'view=12',
        `filters.q=${'x'.repeat(201)}`,
      ].join('&')
      const view = await save(admin, 'Tagged', query, { columns: 'tags,lastName,passwordHash,status' })
      expect(view.params).toEqual({
        [`filters.tags`]: String(tagId),
        'filters.tagMode': 'any',
        sortBy: 'lastName',
        direction: 'asc',
        perPage: '20',
      })
      expect(view).toMatchObject({ owner: 'admin@example.com', shared: false, resource: 'Client' })
      // In the list's order, the unknown column dropped.
      expect(view.columns).toEqual(['status', 'lastName', 'tags'])
      // Custom fields' columns after the list's own, in the order given; a custom-field filter kept.
      const custom = await save(
        admin,
        'Custom columns',
        `filters.customFields=${encodeURIComponent('risk:any:dynamique;birth_date:range:1950-01-01..')}`,
        { columns: 'cf__risk,lastName,cf__Bad,cf__birth_date,cf__risk' },
      )
      expect(custom.columns).toEqual(['lastName', 'cf__risk', 'cf__birth_date'])
      expect(custom.params).toEqual({
        'filters.customFields': 'risk:any:dynamique;birth_date:range:1950-01-01..',
      })
      const alone = await save(admin, 'Custom only', '', { columns: 'cf__risk' })
      expect(alone.columns).toEqual([...CLIENT_LIST_COLUMNS, 'cf__risk'])
      const { views } = await viewsOf(admin)
      const summary = views.find((v) => v.id === view.id)!
      expect(summary).toMatchObject({ name: 'Tagged', count: 3, mine: true, editable: true, shared: false })
      expect(views.find((v) => v.id === custom.id)?.columns).toEqual([
        'lastName',
        'cf__risk',
        'cf__birth_date',
      ])
      await ds()
        .getRepository(SavedView)
        .delete({ id: In([custom.id, alone.id]) })
      const list = await clientApi(admin).list(`?${new URLSearchParams(summary.params).toString()}`)
      expect(list.status).toBe(200)
      expect(list.body.meta.total).toBe(3)
      const audit = await ds().getRepository(AdminAuditEntry).findOneByOrFail({ action: 'view_saved' })
      expect(audit).toMatchObject({ actor: 'admin@example.com', resourceId: 'Client' })
      expect(audit.details).toMatchObject({ view: view.id, name: 'Tagged' })
    })

    test('a private view is its owner’s alone: invisible, even by its id, to another admin and to support', async () => {
      const view = await ds().getRepository(SavedView).findOneByOrFail({ name: 'Tagged' })
      for (const agent of [admin2, support]) {
        expect((await viewsOf(agent, `?view=${view.id}`)).views.map((v) => v.id)).not.toContain(view.id)
        for (const [action, payload] of [
          ['renameView', { view: String(view.id), name: 'Mine now' }],
          ['shareView', { view: String(view.id), shared: 'true' }],
          ['deleteView', { view: String(view.id) }],
          ['defaultView', { view: String(view.id) }],
        ] as const) {
          const res = await post(agent, action, payload)
          expect([action, res.status, res.body.notice?.message]).toEqual([action, 200, 'viewNotFound'])
        }
      }
      expect(await ds().getRepository(SavedView).findOneByOrFail({ id: view.id })).toMatchObject({
        name: 'Tagged',
        shared: false,
      })
      expect(await ds().getRepository(SavedViewDefault).countBy({ viewId: view.id })).toBe(0)
      expect(await resolveViewQuery(ds(), view.id, { email: 'admin2@example.com' })).toBeNull()
      const own = await resolveViewQuery(ds(), view.id, { email: 'admin@example.com' })
      expect(own).toMatchObject({ id: view.id, params: view.params })
      expect(own?.query.tags).toEqual({ ids: [tagId], mode: 'any' })
      expect(own?.query.sortBy).toBe('lastName')
    })

    test('shared: everyone sees it and may open it by link; support may not change an admin’s, an admin may change support’s', async () => {
      const view = await ds().getRepository(SavedView).findOneByOrFail({ name: 'Tagged' })
      expect(
        (await post(admin, 'shareView', { view: String(view.id), shared: 'on' })).body.notice?.message,
      ).toBe('viewShared')
      const seen = (await viewsOf(support)).views.find((v) => v.id === view.id)
      expect(seen).toMatchObject({ mine: false, editable: false, count: 3 })
      expect((await viewsOf(admin2)).views.find((v) => v.id === view.id)).toMatchObject({ editable: true })
      const refused = await post(support, 'renameView', { view: String(view.id), name: 'Support’s' })
      expect(refused.body.notice?.message).toBe('viewNotYours')
      expect((await post(support, 'deleteView', { view: String(view.id) })).body.notice?.message).toBe(
        'viewNotYours',
      )
      // Support saves its own and shares it; another admin renames it.
      const theirs = await save(support, 'Support suspended', 'filters.status=suspended', { shared: 'true' })
      expect(theirs.owner).toBe('support@example.com')
      const renamed = await post(admin2, 'renameView', { view: String(theirs.id), name: 'Suspended' })
      expect(renamed.body.notice?.message).toBe('viewRenamed')
      expect((await ds().getRepository(SavedView).findOneByOrFail({ id: theirs.id })).name).toBe('Suspended')
      expect(
        await ds().getRepository(AdminAuditEntry).countBy({ action: 'view_changed' }),
      ).toBeGreaterThanOrEqual(2)
      expect(await resolveViewQuery(ds(), view.id, { email: 'support@example.com' })).not.toBeNull()
    })

    test('a default view per admin; made private again, it stops being the others’ default', async () => {
      const view = await ds().getRepository(SavedView).findOneByOrFail({ name: 'Tagged' })
      for (const agent of [admin, support]) {
        const res = await post(agent, 'defaultView', { view: String(view.id) })
        expect(res.body.notice?.message).toBe('viewDefaultSet')
        expect((await viewsOf(agent)).defaultViewId).toBe(view.id)
      }
      expect((await viewsOf(admin2)).defaultViewId).toBeNull()
      expect(
        (await post(admin, 'shareView', { view: String(view.id), shared: 'false' })).body.notice?.message,
      ).toBe('viewUnshared')
      expect((await viewsOf(support)).defaultViewId).toBeNull()
      expect((await viewsOf(admin)).defaultViewId).toBe(view.id)
      expect((await post(admin, 'defaultView', { view: '' })).body.notice?.message).toBe('viewDefaultCleared')
      expect((await viewsOf(admin)).defaultViewId).toBeNull()
    })

    test('hostile names and ids: field errors or 400, nothing written; a GET changes nothing', async () => {
      const before = await ds().getRepository(SavedView).count()
      const cases: [Record<string, string>, string, string][] = [
        [{ name: '', query: '' }, 'name', 'fieldRequired'],
        [{ name: 'x'.repeat(81), query: '' }, 'name', 'tooLong'],
        [{ name: 'bell\u0007', query: '' }, 'name', 'invalidCharacters'],
        [{ name: 'ok', query: 'q'.repeat(4001) }, 'query', 'tooLong'],
      ]
      for (const [payload, field, message] of cases) {
        const res = await post(admin, 'saveView', payload)
        expect([payload.name.slice(0, 5), res.body.record?.errors?.[field]?.message]).toEqual([
          payload.name.slice(0, 5),
          message,
        ])
      }
      for (const id of ['abc', '0', '-1', '99999999999', '1.5']) {
        const res = await post(admin, 'deleteView', { view: id })
        expect([id, res.body.record?.errors?.view?.message]).toEqual([id, 'invalidValue'])
      }
      // A list where one value is read (AdminJS's flat keys): refused before any service.
      const nested = await admin.post(`${BASE}/deleteView`).type('form').send('view.0=1&view.1=2')
      expect(nested.status).toBe(400)
      const bracketed = await admin.post(`${BASE}/deleteView`).type('form').send('view[0]=1&view[1]=2')
      expect(bracketed.body.record?.errors?.view?.message).toBe('invalidValue')
      expect((await admin.get(`${BASE}/saveView?name=Got&query=`)).status).toBe(200)
      expect(await ds().getRepository(SavedView).count()).toBe(before)
      // Markup and quotes are a name like any other (React escapes them); a search with SQL in it is a search.
      const hostile = await save(
        admin,
        '<img src=x onerror=alert(1)> "Dupont\'s"',
        'filters.q=%27%20OR%201%3D1%20--',
      )
      expect(hostile.params).toEqual({ 'filters.q': "' OR 1=1 --" })
      const summary = (await viewsOf(admin)).views.find((v) => v.id === hostile.id)
      expect(summary).toMatchObject({ name: '<img src=x onerror=alert(1)> "Dupont\'s"', count: 0 })
    })

    test('parameters stored before a rule changed are checked again when read; one COUNT per view', async () => {
      const view = await save(admin, 'Tampered', 'filters.status=active')
      // As if written by an older version, or by hand.
      await ds()
        .getRepository(SavedView)
        .update(view.id, {
          params: { 'filters.status': 'weird', sortBy: 'passwordHash', 'filters.q': 'Viewed', perPage: '0' },
        })
      const summary = (await viewsOf(admin)).views.find((v) => v.id === view.id)
      expect(summary?.params).toEqual({ 'filters.q': 'Viewed' })
      expect((await resolveViewQuery(ds(), view.id, { email: 'admin@example.com' }))?.params).toEqual({
        'filters.q': 'Viewed',
      })
      const shown = (await viewsOf(admin)).views.length
      const few = await statementsOf(ds(), () => viewsOf(admin))
      await save(admin, 'Another one', 'filters.status=banned')
      await save(admin, 'And another', 'filters.hasActiveContracts=true')
      const more = await statementsOf(ds(), () => viewsOf(admin))
      expect((await viewsOf(admin)).views.length).toBe(shown + 2)
      // Two more views, two more COUNTs: nothing else grows with them.
      expect(more - few).toBe(2)
    })

    test('delete: the owner deletes, the defaults go with it; support deletes its own', async () => {
      const view = await ds().getRepository(SavedView).findOneByOrFail({ name: 'Tagged' })
      await post(admin, 'defaultView', { view: String(view.id) })
      expect((await post(admin, 'deleteView', { view: String(view.id) })).body.notice?.message).toBe(
        'viewDeleted',
      )
      expect(await ds().getRepository(SavedView).countBy({ id: view.id })).toBe(0)
      expect(await ds().getRepository(SavedViewDefault).countBy({ viewId: view.id })).toBe(0)
      expect((await viewsOf(admin)).defaultViewId).toBeNull()
      expect(await ds().getRepository(AdminAuditEntry).countBy({ action: 'view_deleted' })).toBe(1)
      const own = await save(support, 'Support private', 'filters.status=pending')
      expect((await viewsOf(admin)).views.map((v) => v.id)).not.toContain(own.id)
      expect((await post(support, 'deleteView', { view: String(own.id) })).body.notice?.message).toBe(
        'viewDeleted',
      )
    })

    test('a client anonymised is cut out of the views that name it (name and search), as an export’s search term', async () => {
      const [id] = await makeClients(ds(), 'ERASE', 1)
      await ds().getRepository(Client).update(id, { lastName: 'Zyxwvutsrq' })
      const view = await save(admin, 'Zyxwvutsrq à relancer', 'filters.q=Zyxwvutsrq&filters.status=active')
      const client = await ds().getRepository(Client).findOneByOrFail({ id })
      await demo.clients.gdpr.anonymise({ email: 'admin@example.com', ip: null }, id, {
        confirmation: client.clientNumber as string,
        force: true,
        reason: 'Demande d’effacement',
      })
      const after = await ds().getRepository(SavedView).findOneByOrFail({ id: view.id })
      expect(JSON.stringify([after.name, after.params])).not.toMatch(/zyxwvutsrq/i)
      expect(after.params['filters.status']).toBe('active')
    })
  },
)
