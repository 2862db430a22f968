// Finding 7: malformed list parameters, bodies, routes and types answer 4xx (or are cleaned),
// never 5xx, never a stack trace, and write nothing.
import { describeEachDatabase } from '../support/databases.js'
import { historyCounts } from '../support/clientApi.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'
import { RESOURCE_IDS } from '../support/resourceIds.js'

// Every resource of the plugin, and the demo host's two.
const RESOURCES = [...RESOURCE_IDS, 'Invoice', 'Ticket']
const LIST_QUERIES = [
  'sortBy=nope',
  'sortBy[]=id',
  'direction=sideways',
  'page=1e308',
  'page=Infinity',
  'page=-1',
  'page=0',
  'page=abc',
  'page[]=2',
  'perPage=-5',
  'perPage=1e9',
  'filters.createdAt~~from=garbage',
  'filters.createdAt~~to=2024-13-45',
  'filters.status[]=x',
  'filters.status[a]=x',
  'filters.nope=x',
  'filters.id=abc',
  'filters.createdAt=garbage',
  'filters=x',
  `filters.lastName=${'a'.repeat(5000)}`,
  'filters.lastName=%00',
]

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |node_modules|[A-Za-z]+Error:/)

describeEachDatabase('no request makes the panel answer 5xx', (database) => {
  let demo: SeededDemo
  beforeAll(async () => {
    demo = await seededDemo(database())
  })

  test('lists and searches of every resource, with malformed parameters', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const failures: string[] = []
    for (const resource of RESOURCES) {
      for (const query of LIST_QUERIES) {
        const res = await agent.get(`/admin/api/resources/${resource}/actions/list?${query}`)
        if (res.status >= 500) failures.push(`${resource} ?${query}: ${res.status}`)
        else if (res.status === 200) expect(Array.isArray(res.body.records)).toBe(true)
        noStack(res.text)
      }
      const search = await agent.get(`/admin/api/resources/${resource}/actions/search/%00?page=1e308`)
      if (search.status >= 500) failures.push(`${resource} search: ${search.status}`)
    }
    expect(failures).toEqual([])
  })

  test('unknown resources, actions, records and pages are 404', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    for (const path of [
      '/admin/api/resources/Nope/actions/list',
      '/admin/api/resources/Client/actions/nope',
      '/admin/api/resources/Client/records/1/nope',
      '/admin/api/resources/Client/bulk/nope?recordIds=1',
      '/admin/resources/Nope',
      '/admin/api/pages/nope',
      '/admin/api/resources/%E0%A4%A/actions/list',
    ]) {
      const res = await agent.get(path)
      expect([400, 404]).toContain(res.status)
      expect(res.text).not.toContain('There are no resources')
      noStack(res.text)
    }
    const missing = await agent.get('/admin/api/resources/Client/records/999999999/show')
    expect(missing.status).toBeLessThan(500)
    const noIds = await agent.get('/admin/api/resources/Client/bulk/bulkSuspend?recordIds=')
    expect(noIds.status).toBeLessThan(500)
  })

  test('bodies of the wrong type, size or shape are 4xx and write nothing', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const before = await historyCounts(database().dataSource)
    const url = '/admin/api/resources/Client/records/1/suspend'
    const answers = await Promise.all([
      agent.post(url).set('Content-Type', 'text/plain').send('reason=x'),
      agent.post(url).set('Content-Type', 'text/plain;charset=json').send('{"reason":"x"}'),
      agent.post(url).set('Content-Type', 'application/x-json-evil').send('{"reason":"x"}'),
      agent.post(url).set('Content-Type', 'multipart/form-data').send('--x\r\n'),
      agent.post(url).set('Content-Type', 'application/json').send('{"reason":'),
      agent
        .post(url)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ reason: 'x'.repeat(2 * 1024 * 1024) })),
      agent.post(url).set('Content-Type', 'application/xml').send('<reason>x</reason>'),
    ])
    expect(answers.map((res) => res.status)).toEqual([415, 415, 415, 415, 400, 413, 415])
    for (const res of answers) noStack(res.text)
    expect(await historyCounts(database().dataSource)).toEqual(before)
    // An empty POST is read as an empty form (the action answers with its field error).
    const empty = await agent.post(url)
    expect(empty.status).toBeLessThan(500)
    expect(await historyCounts(database().dataSource)).toEqual(before)
  })
})
