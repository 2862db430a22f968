// Finding 3: a page of another origin (or no Origin at all) cannot act for a logged-in admin.
import { Client } from '../../src/index.js'
import { describeEachDatabase } from '../support/databases.js'
import { clientApi, historyCounts } from '../support/clientApi.js'
import { loginAs, seededDemo, TEST_ORIGIN, type SeededDemo } from '../support/demoAgent.js'

describeEachDatabase('state-changing requests need the panel origin', (database) => {
  let demo: SeededDemo
  beforeAll(async () => {
    demo = await seededDemo(database())
  })

  const active = async () =>
    database()
      .dataSource.getRepository(Client)
      .findOneOrFail({ where: { status: 'active' }, order: { id: 'ASC' } })

  test.each([
    ['a foreign origin', 'http://evil.example'],
    ['the same host on another port', 'http://panel.test:8081'],
    ['an opaque origin', 'null'],
  ])(
    '%s: suspend, balance, ban and bulk delete are refused with 403 and nothing written',
    async (_label, origin) => {
      const agent = await loginAs(demo.app, 'admin@example.com')
      const client = await active()
      const before = await historyCounts(database().dataSource)
      const api = '/admin/api/resources/Client'
      const calls = [
        agent
          .post(`${api}/records/${client.id}/suspend`)
          .set('Origin', origin)
          .type('form')
          .send({ reason: 'x' }),
        agent
          .post(`${api}/records/${client.id}/adjustBalance`)
          .set('Origin', origin)
          .type('form')
          .send({ amount: '5000', reason: 'x' }),
        agent
          .post(`${api}/records/${client.id}/ban`)
          .set('Origin', origin)
          .type('form')
          .send({ reason: 'x' }),
        agent
          .post(`${api}/bulk/bulkDelete?recordIds=${client.id}`)
          .set('Origin', origin)
          .type('form')
          .send({}),
      ]
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403)
        expect(res.body.notice).toEqual({ message: 'crossOriginRefused', type: 'error' })
      }
      expect(await active()).toMatchObject({ id: client.id, status: 'active', balance: client.balance })
      expect(await historyCounts(database().dataSource)).toEqual(before)
    },
  )

  test('a POST without Origin or Referer is refused; a Referer of the panel is enough', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const client = await active()
    const before = await historyCounts(database().dataSource)
    const bare = await agent
      .post(`/admin/api/resources/Client/records/${client.id}/suspend`)
      .unset('Origin')
      .type('form')
      .send({ reason: 'no origin' })
    expect(bare.status).toBe(403)
    expect(await historyCounts(database().dataSource)).toEqual(before)
    const referred = await agent
      .post(`/admin/api/resources/Client/records/${client.id}/addNote`)
      .unset('Origin')
      .set('Referer', `${TEST_ORIGIN}/admin/resources/Client/records/${client.id}/show`)
      .type('form')
      .send({ body: 'from the panel' })
    expect(referred.status).toBe(200)
  })

  test('an origin hidden by the browser (null) counts only with Sec-Fetch-Site: same-origin', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const client = await active()
    const before = await historyCounts(database().dataSource)
    const note = (site: string) =>
      agent
        .post(`/admin/api/resources/Client/records/${client.id}/addNote`)
        .set({ Origin: 'null', 'Sec-Fetch-Site': site })
        .type('form')
        .send({ body: `from ${site}` })
    for (const site of ['same-site', 'cross-site', 'none']) expect((await note(site)).status).toBe(403)
    expect(await historyCounts(database().dataSource)).toEqual(before)
    expect((await note('same-origin')).status).toBe(200)
  })

  test('the panel origin still works', async () => {
    const agent = await loginAs(demo.app, 'admin@example.com')
    const client = await active()
    const res = await clientApi(agent).record('addNote', client.id, { body: 'same origin' })
    expect(res.status).toBe(200)
    expect(res.body.notice?.type).toBe('success')
  })
})
