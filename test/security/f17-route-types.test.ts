// Issue 24, medium 3: an action called through a route of another type (a resource action on
// `/records/:id/`, a record action on `/bulk/` or `/actions/`, …) answered 500, and a bulk action
// on a record's route changed the clients of its `recordIds` first. The walk: every action of
// every resource of the demo panel, through every route type (API and page, GET and POST, and the
// download routes), as admin and as support. A route of another type is a 404 that reads and
// writes nothing; no answer of the walk is a 5xx.
import type { ActionDecorator, BaseResource } from 'adminjs'
import { Filter } from 'adminjs'
import type { Agent } from 'supertest'
import { IsNull, type DataSource } from 'typeorm'
import {
  AdminAuditEntry,
  Client,
  CustomField,
  Campaign,
  EmailTemplate,
  ImportBatch,
  SettingsChange,
  Tag,
} from '../../src/index.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'

type RouteType = 'record' | 'bulk' | 'resource'
type Role = 'admin' | 'support'

interface Call {
  method: 'GET' | 'POST'
  url: string
  /** The action is of this route's type (and, on a download route, offers a download). */
  matching: boolean
  /** `GET api record`, `GET page bulk`, `POST download resource`… */
  label: string
}

const noStack = (text: string) => !/\n\s+at |node_modules|[A-Za-z]+Error:/.test(text)

function servesType(action: ActionDecorator, type: RouteType): boolean {
  if (type === 'record') return action.isRecordType()
  if (type === 'bulk') return action.isBulkType()
  return action.isResourceType()
}

const offersDownload = (action: ActionDecorator) =>
  typeof (action as unknown as { action: { download?: unknown } }).action.download === 'function'

/** Every call of one action through every route type, with whether it is of the action's type. */
function callsOf(resourceId: string, name: string, action: ActionDecorator, ids: string[]): Call[] {
  const api = `/admin/api/resources/${resourceId}`
  const page = `/admin/resources/${resourceId}`
  const [one, two] = ids
  const paths: Record<RouteType, string> = {
    record: `/records/${one}/${name}`,
    bulk: `/bulk/${name}?recordIds=${one},${two}`,
    resource: `/actions/${name}`,
  }
  const calls: Call[] = []
  for (const type of ['record', 'bulk', 'resource'] as const) {
    const matching = servesType(action, type)
    for (const method of ['GET', 'POST'] as const)
      calls.push({ method, url: `${api}${paths[type]}`, matching, label: `${method} api ${type}` })
    calls.push({ method: 'GET', url: `${page}${paths[type]}`, matching, label: `GET page ${type}` })
  }
  // Our download routes (POST; a GET finds no route): only for an action offering a download.
  const download = offersDownload(action)
  for (const method of ['GET', 'POST'] as const) {
    calls.push({
      method,
      url: `${api}/download/${name}`,
      matching: download && servesType(action, 'resource'),
      label: `${method} download resource`,
    })
    calls.push({
      method,
      url: `${api}/records/${one}/download/${name}`,
      matching: download && servesType(action, 'record'),
      label: `${method} download record`,
    })
  }
  return calls
}

/** Every row of every table, each table's rows sorted: what "nothing written" compares. */
async function databaseDump(dataSource: DataSource): Promise<Record<string, string[]>> {
  const sqlite = dataSource.options.type === 'better-sqlite3'
  const tables: { name: string }[] = sqlite
    ? await dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    : await dataSource.query(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name',
      )
  const dump: Record<string, string[]> = {}
  for (const { name } of tables) {
    const quoted = sqlite ? `"${name}"` : `\`${name}\``
    const rows: unknown[] = await dataSource.query(`SELECT * FROM ${quoted}`)
    dump[name] = rows.map((row) => JSON.stringify(row)).sort()
  }
  return dump
}

/** Two record ids of the resource (the first rows), or ids no row has when it has none. */
async function idsOf(resource: BaseResource): Promise<string[]> {
  const records = await resource.find(new Filter({}, resource), {
    limit: 2,
    sort: { sortBy: 'id', direction: 'asc' },
  })
  const ids = records.map((record) => String(record.id()))
  return [...ids, '999998', '999999'].slice(0, 2)
}

describeEachDatabase('every action through every route type: its own type or 404, never 5xx', (database) => {
  let demo: SeededDemo
  const agents = {} as Record<Role, Agent>
  const walk: { resourceId: string; name: string; calls: Call[] }[] = []

  beforeAll(async () => {
    demo = await seededDemo(database())
    // A row in each resource the seed leaves empty, so their record and bulk routes find one.
    const { manager } = database().dataSource
    await manager.insert(ImportBatch, [
      { fileName: 'a.csv', status: 'done' },
      { fileName: 'b.csv', status: 'done' },
    ])
    await manager.insert(AdminAuditEntry, [
      { action: 'exported', actor: 'admin@example.com', resourceId: 'Client' },
    ])
    await manager.insert(SettingsChange, [{ actor: 'admin@example.com', changes: [] }])
    await manager.insert(EmailTemplate, [
      { templateKey: 'confirmation', language: 'fr', subject: 'Bienvenue', textBody: '{{link}}' },
    ])
    await manager.insert(Tag, [
      { name: 'VIP', nameKey: 'vip', colour: 'red' },
      { name: 'Prospect', nameKey: 'prospect', colour: 'grey' },
    ])
    await manager.insert(CustomField, [
      { key: 'note_interne', type: 'shortText', labelFr: 'Note interne', labelEn: 'Internal note' },
      { key: 'parrain', type: 'shortText', labelFr: 'Parrain', labelEn: 'Referrer', position: 1 },
    ])
    await manager.insert(Campaign, [
      {
        name: 'Walk',
        segment: { 'filters.status': 'active' },
        messages: { en: { subject: 'S', text: 'T' } },
        throttlePerMinute: 60,
      },
    ])
    agents.admin = await loginAs(demo.app, 'admin@example.com')
    agents.support = await loginAs(demo.app, 'support@example.com')
    for (const resource of demo.admin.resources) {
      const decorated = resource.decorate()
      const ids = await idsOf(resource)
      for (const [name, action] of Object.entries(decorated.actions))
        walk.push({ resourceId: decorated.id(), name, calls: callsOf(decorated.id(), name, action, ids) })
    }
  })

  // A call that does not answer within a minute is a failure naming it, not a test timeout.
  const send = async (role: Role, call: Call) => {
    const pending =
      call.method === 'GET'
        ? agents[role].get(call.url)
        : agents[role].post(call.url).type('form').send({ reason: 'route walk', confirm: 'x' })
    try {
      return await pending.timeout({ response: 60_000 })
    } catch (error) {
      if ((error as { timeout?: number }).timeout)
        return { status: 599, text: 'no answer in 60 s', type: 'text/plain' }
      throw error
    }
  }

  test('the walk covers every resource and action of the panel', () => {
    const resources = new Set(walk.map((step) => step.resourceId))
    expect(resources.size).toBe(demo.admin.resources.length)
    for (const [resource, action] of [
      ['Client', 'list'],
      ['Client', 'impersonate'],
      ['Client', 'export'],
      ['Client', 'activeContracts'],
      ['Client', 'bulkForceConfirm'],
      ['Invoice', 'bulkDelete'],
    ])
      expect(walk.some((step) => step.resourceId === resource && step.name === action)).toBe(true)
  })

  test('through a route of another type: 404 for admin and support, nothing read or written', async () => {
    const before = await databaseDump(database().dataSource)
    const wrong: string[] = []
    const calls = (['admin', 'support'] as const).flatMap((role) =>
      walk.flatMap((step) => step.calls.filter((c) => !c.matching).map((call) => ({ role, call }))),
    )
    let count = 0
    // Four at a time: none of these calls may read or write anything (the dump after proves it),
    // so their order does not matter, and the session reads of one overlap another's routing.
    const next = calls.entries()
    const worker = async () => {
      for (const [, { role, call }] of next) {
        const res = await send(role, call)
        count += 1
        if (res.status !== 404 || !noStack(res.text))
          wrong.push(`${role} ${call.method} ${call.url}: ${res.status} ${res.text.slice(0, 120)}`)
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()])
    expect(wrong).toEqual([])
    // Record actions, bulk actions and resource actions each have a type of route they are not.
    expect(count).toBeGreaterThan(walk.length * 2 * 5)
    expect(await databaseDump(database().dataSource)).toEqual(before)
  }, 600_000)

  test('the findings of the issue, one by one', async () => {
    const { dataSource } = database()
    const pending = () =>
      dataSource.getRepository(Client).find({
        where: { status: 'pending', anonymisedAt: IsNull() },
        order: { id: 'ASC' },
        take: 2,
      })
    const [a, b] = await pending()
    expect(b).toBeDefined()
    const admin = agents.admin
    for (const res of [
      await admin.get(`/admin/api/resources/Client/records/${a.id}/list`),
      await admin.post(`/admin/api/resources/Client/bulk/impersonate?recordIds=${a.id},${b.id}`),
      await admin.post(`/admin/api/resources/Client/bulk/export?recordIds=${a.id}`),
      await admin.get('/admin/api/resources/Client/actions/activeContracts'),
      await admin.post(`/admin/api/resources/Client/records/${a.id}/bulkForceConfirm?recordIds=${b.id}`),
      await admin.get(`/admin/resources/Client/bulk/bulkSuspend`),
      await admin.get(`/admin/api/resources/Invoice/bulk/bulkDelete?recordIds=`),
    ]) {
      expect(res.status).toBe(404)
      expect(res.text).toContain('routeNotFound')
    }
    expect((await pending()).map((client) => client.id)).toEqual([a.id, b.id])
    // Ids not of the resource's id type: a record's route is a 404, a bulk's ids the 400 field error.
    expect((await admin.get('/admin/api/resources/Invoice/records/abc/show')).status).toBe(404)
    const nan = await admin.post('/admin/api/resources/Invoice/bulk/bulkDelete?recordIds=abc')
    expect(nan.status).toBe(400)
    expect(nan.body.record.errors.recordIds.message).toBe('invalidRecordIds')
    // AdminJS's own `new` threw on a GET (500): its route, but not its method.
    expect((await admin.get('/admin/api/resources/Advisor/actions/new')).status).toBe(405)
  })

  test('through its own type of route, GET then POST, admin and support: never 5xx, never refused as a route', async () => {
    const failures: string[] = []
    // Reads first; then the writes, support's (mostly refused) before the admin's.
    const order: [Role, 'GET' | 'POST'][] = [
      ['support', 'GET'],
      ['admin', 'GET'],
      ['support', 'POST'],
      ['admin', 'POST'],
    ]
    for (const [role, method] of order) {
      for (const step of walk) {
        // A page of the panel runs no action (AdminJS renders its layout, the same for every
        // action): walked once, as admin.
        const calls = step.calls.filter(
          (c) => c.matching && c.method === method && (role === 'admin' || !c.label.includes('page')),
        )
        for (const call of calls) {
          const res = await send(role, call)
          const page = res.status === 200 && res.type === 'text/html'
          if (res.status >= 500 || (!page && (!noStack(res.text) || res.text.includes('routeNotFound'))))
            failures.push(`${role} ${call.method} ${call.url}: ${res.status} ${res.text.slice(0, 160)}`)
        }
      }
    }
    expect(failures).toEqual([])
  }, 600_000)
})
