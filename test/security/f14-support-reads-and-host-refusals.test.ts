import AdminJS, { type ResourceWithOptions } from 'adminjs'
import AdminJSExpress from '@adminjs/express'
import express from 'express'
import request from 'supertest'
import type { Agent } from 'supertest'
import { Not } from 'typeorm'
import { Advisor, Client, Commission, refusalsAs403 } from '../../src/index.js'
import { Invoice } from '../../demo/entities/Invoice.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'

/**
 * Finding 14: support may list advisors and commissions but got 403 from the advisor summary
 * and the commission totals; a host's own resource answered a refused action with 200 and a
 * notice instead of 403.
 */
describeEachDatabase('support reads what it lists; host refusals are 403', (database) => {
  let demo: SeededDemo
  let support: Agent
  const ds = () => database().dataSource

  beforeAll(async () => {
    demo = await seededDemo(database())
    support = await loginAs(demo.app, 'support@example.com')
  })

  test('support gets the commission totals and the advisor summary (200, with data)', async () => {
    const totals = await support.get('/admin/api/resources/Commission/actions/totals')
    expect(totals.status).toBe(200)
    expect(totals.body.totals.count).toBe(await ds().getRepository(Commission).count())

    const advisor = await ds().getRepository(Advisor).findOneByOrFail({ code: 'ADV002' })
    const summary = await support.get(`/admin/api/resources/Advisor/records/${advisor.id}/summary`)
    expect(summary.status).toBe(200)
    expect(summary.body.summary.clients).toBe(
      await ds()
        .getRepository(Client)
        .countBy({ advisorId: advisor.id, status: Not('deleted') }),
    )
  })

  test('support still may not import commissions (403)', async () => {
    const res = await support.get('/admin/api/resources/Commission/actions/importCommissions')
    expect(res.status).toBe(403)
  })

  test('a host resource passed through refusalsAs403 answers its refused actions with 403', async () => {
    const readOnly = {
      new: { isAccessible: false },
      edit: { isAccessible: false },
      delete: { isAccessible: false },
      bulkDelete: { isAccessible: false },
    }
    const host: ResourceWithOptions = { resource: Invoice, options: { id: 'HostInvoice', actions: readOnly } }
    const admin = new AdminJS({ rootPath: '/host', resources: [refusalsAs403(host)] })
    const app = express().use(admin.options.rootPath, AdminJSExpress.buildRouter(admin))
    const agent = request(app)
    const invoice = await ds().getRepository(Invoice).findOneOrFail({ where: {} })
    const api = '/host/api/resources/HostInvoice'

    expect((await agent.get(`${api}/actions/list`)).status).toBe(200)
    expect((await agent.get(`${api}/records/${invoice.id}/show`)).status).toBe(200)
    const created = await agent.post(`${api}/actions/new`).send({ number: 'X-1' })
    expect(created.status).toBe(403)
    expect((await agent.post(`${api}/records/${invoice.id}/edit`).send({ number: 'X-2' })).status).toBe(403)
    expect((await agent.post(`${api}/records/${invoice.id}/delete`)).status).toBe(403)
    expect((await agent.post(`${api}/bulk/bulkDelete?recordIds=${invoice.id}`)).status).toBe(403)
    expect(await ds().getRepository(Invoice).findOneByOrFail({ id: invoice.id })).toMatchObject({
      number: invoice.number,
    })
  })
})
