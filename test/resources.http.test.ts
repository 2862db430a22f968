import type { Agent } from 'supertest'
import { In, IsNull } from 'typeorm'
import { Advisor, Client, ClientEvent, Commission, Contract } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { clientApi, historyCounts } from './support/clientApi.js'

describeEachDatabase('advisors, contracts, commissions, removal for good', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })

  test('remove for good: only a soft-deleted client, by an admin; contracts and commissions stay unlinked; history says who, not whom', async () => {
    const [client] = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .where("c.status = 'active'")
      .andWhere('EXISTS (SELECT 1 FROM commissions m WHERE m.clientId = c.id)')
      .take(1)
      .getMany()
    const contracts = await ds().getRepository(Contract).findBy({ clientId: client.id })
    const commissions = await ds().getRepository(Commission).findBy({ clientId: client.id })
    const refused = await clientApi(admin).record('removeForGood', client.id)
    expect(refused.body.notice).toMatchObject({ type: 'error', message: 'notDeleted' })
    await clientApi(admin).record('delete', client.id, { reason: 'Asked to be forgotten' })
    expect((await clientApi(support).record('removeForGood', client.id)).status).toBe(403)

    const res = await clientApi(admin).record('removeForGood', client.id)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'clientRemovedForGood' })
    expect(await ds().getRepository(Client).countBy({ id: client.id })).toBe(0)
    const left = await ds()
      .getRepository(Contract)
      .findBy({ id: In(contracts.map((k) => k.id)) })
    expect(left.map((k) => k.clientId)).toEqual(contracts.map(() => null))
    const leftCommissions = await ds()
      .getRepository(Commission)
      .findBy({ id: In(commissions.map((m) => m.id)) })
    expect(leftCommissions).toHaveLength(commissions.length)
    expect(leftCommissions.every((m) => m.clientId === null)).toBe(true)
    const [event] = await ds().getRepository(ClientEvent).findBy({ type: 'removed', clientId: IsNull() })
    // No name any more (issue 24): the event outlives the row, linked to no client, beyond any later erasure.
    expect(event).toMatchObject({
      actor: 'admin@example.com',
      ip: '127.0.0.1',
      reason: 'Asked to be forgotten',
      data: { clientNumber: client.clientNumber, removedClientId: client.id },
    })
    expect(Object.keys(event.data ?? {}).sort()).toEqual(['clientNumber', 'removedClientId'])
  })

  test('contracts: bulk change of advisor and of status, one event per client concerned, in one go', async () => {
    const contracts = await ds()
      .getRepository(Contract)
      .find({ where: { status: 'active' }, order: { id: 'ASC' }, take: 6 })
    const ids = contracts.map((k) => k.id)
    const target = await ds().getRepository(Advisor).findOneByOrFail({ code: 'ADV004' })
    const api = (action: string, payload: Record<string, string>) =>
      admin
        .post(`/admin/api/resources/Contract/bulk/${action}?recordIds=${ids.join(',')}`)
        .type('form')
        .send(payload)

    const unknown = await api('bulkChangeAdvisor', { advisorCode: 'NOPE' })
    expect(unknown.body.record.errors.advisorCode.message).toBe('unknownAdvisorCode')
    const events = () => ds().getRepository(ClientEvent).countBy({ type: 'contracts_changed' })
    const before = await events()
    const res = await api('bulkChangeAdvisor', { advisorCode: 'ADV004' })
    const moved = contracts.filter((k) => k.advisorId !== target.id)
    const clients = new Set(moved.map((k) => k.clientId).filter((c) => c !== null))
    expect(res.body.notice).toMatchObject({
      message: 'contractsChanged',
      options: { count: moved.length, clients: clients.size },
    })
    expect(
      (
        await ds()
          .getRepository(Contract)
          .findBy({ id: In(ids) })
      ).every((k) => k.advisorId === target.id),
    ).toBe(true)
    expect(await events()).toBe(before + clients.size)

    const status = await api('bulkChangeStatus', { status: 'suspended' })
    expect(status.body.notice.options.count).toBe(6)
    expect(
      (
        await ds()
          .getRepository(Contract)
          .findBy({ id: In(ids) })
      ).every((k) => k.status === 'suspended'),
    ).toBe(true)
    const bad = await api('bulkChangeStatus', { status: 'exploded' })
    expect(bad.body.record.errors.status.message).toBe('fieldRequired')
  })

  test('commissions: totals of the filtered set, bulk mark paid of the pending ones', async () => {
    const advisor = await ds().getRepository(Advisor).findOneByOrFail({ code: 'ADV002' })
    const totals = await admin.get(
      `/admin/api/resources/Commission/actions/totals?filters.advisorId=${advisor.id}&filters.status=pending`,
    )
    const rows = await ds().getRepository(Commission).findBy({ advisorId: advisor.id, status: 'pending' })
    const sum = rows.reduce((s, m) => s + Math.round(Number(m.amount) * 100), 0)
    expect(totals.body.totals).toEqual({ count: rows.length, total: (sum / 100).toFixed(2) })
    const all = await admin.get('/admin/api/resources/Commission/actions/totals')
    expect(all.body.totals.count).toBe(await ds().getRepository(Commission).count())
    const periodOnly = await admin.get(
      '/admin/api/resources/Commission/actions/totals?filters.period~~from=2999-01-01',
    )
    expect(periodOnly.body.totals).toEqual({ count: 0, total: '0.00' })

    const some = await ds()
      .getRepository(Commission)
      .find({ where: { advisorId: advisor.id }, take: 10 })
    const pending = some.filter((m) => m.status === 'pending').length
    const paid = await admin
      .post(`/admin/api/resources/Commission/bulk/bulkMarkPaid?recordIds=${some.map((m) => m.id).join(',')}`)
      .type('form')
      .send({})
    expect(paid.body.notice).toMatchObject({
      message: 'commissionsMarkedPaid',
      options: { count: pending, skipped: 10 - pending },
    })
    const after = await ds()
      .getRepository(Commission)
      .findBy({ id: In(some.map((m) => m.id)) })
    expect(after.filter((m) => m.status === 'pending')).toHaveLength(0)
  })

  test("an advisor's page: its clients, contracts and commissions by month; advisors are deactivated, not deleted", async () => {
    const advisor = await ds().getRepository(Advisor).findOneByOrFail({ code: 'ADV001' })
    const res = await admin.get(`/admin/api/resources/Advisor/records/${advisor.id}/summary`)
    const clients = await ds()
      .getRepository(Client)
      .createQueryBuilder('c')
      .where('c.advisorId = :id', { id: advisor.id })
      .andWhere("c.status <> 'deleted'")
      .getCount()
    expect(res.body.summary.clients).toBe(clients)
    const contracts = await ds().getRepository(Contract).countBy({ advisorId: advisor.id })
    expect(
      Object.values(res.body.summary.contracts as Record<string, number>).reduce((a, b) => a + b, 0),
    ).toBe(contracts)
    expect(res.body.summary.months.length).toBeGreaterThan(0)
    expect(res.body.summary.months.length).toBeLessThanOrEqual(12)
    const [month] = res.body.summary.months
    const inMonth = await ds()
      .getRepository(Commission)
      .findBy({ advisorId: advisor.id, period: month.period })
    expect(month.count).toBe(inMonth.length)
    const deletion = await admin.post(`/admin/api/resources/Advisor/records/${advisor.id}/delete`)
    expect(deletion.status).toBe(403)
    expect(await ds().getRepository(Advisor).countBy({ id: advisor.id })).toBe(1)
  })
})

describeEachDatabase('a GET never changes anything', (database) => {
  test('every record, bulk and resource action of every resource, called with GET by an admin', async () => {
    const demo = await seededDemo(database())
    const admin = await loginAs(demo.app, 'admin@example.com')
    const ds = database().dataSource
    const state = async () => ({
      counts: await historyCounts(ds),
      clients: await ds.query(
        'SELECT id, status, statusReason, balance, version, deletedAt FROM clients ORDER BY id',
      ),
      contracts: await ds.query('SELECT id, status, advisorId, clientId FROM contracts ORDER BY id'),
      commissions: await ds.query('SELECT id, status, clientId FROM commissions ORDER BY id'),
      batches: await ds.query('SELECT COUNT(*) AS n FROM import_batches'),
      settings: await ds.query('SELECT COUNT(*) AS n FROM client_settings_changes'),
      templates: await ds.query('SELECT COUNT(*) AS n FROM client_email_templates'),
      audit: await ds.query('SELECT COUNT(*) AS n FROM client_admin_audit'),
    })
    const before = await state()
    const called: string[] = []
    for (const resource of ['Client', 'Advisor', 'Contract', 'Commission']) {
      const list = await admin.get(`/admin/api/resources/${resource}/actions/list?perPage=50`)
      // Lean rows (actions/core/leanRecords.ts) name the actions that apply; AdminJS's carry them.
      type Row = {
        id: string
        actionNames?: string[]
        bulkActionNames?: string[]
        recordActions: { name: string }[]
        bulkActions: { name: string }[]
      }
      const named = (r: Row) => r.actionNames ?? r.recordActions.map((a) => a.name)
      const records = (list.body.records as Row[]).map((r) => ({
        id: r.id,
        actionNames: named(r),
        bulkActionNames: r.bulkActionNames ?? r.bulkActions.map((a) => a.name),
      }))
      // For each action, a record it applies to.
      const withActions = new Map<string, string>()
      const bulk = new Set<string>()
      for (const r of records) {
        for (const name of r.actionNames) if (!withActions.has(name)) withActions.set(name, r.id)
        for (const name of r.bulkActionNames) bulk.add(name)
      }
      if (resource === 'Client') {
        const deleted = await admin.get('/admin/api/resources/Client/actions/list?filters.status=deleted')
        for (const name of deleted.body.records[0].actionNames)
          withActions.set(name, deleted.body.records[0].id)
      }
      for (const [name, id] of withActions) {
        const res = await admin.get(`/admin/api/resources/${resource}/records/${id}/${name}`)
        expect([resource, name, res.status < 500]).toEqual([resource, name, true])
        called.push(`${resource}.${name}`)
      }
      const ids = records
        .slice(0, 3)
        .map((r) => r.id)
        .join(',')
      for (const name of bulk) {
        const res = await admin.get(`/admin/api/resources/${resource}/bulk/${name}?recordIds=${ids}`)
        expect([resource, name, res.status < 500]).toEqual([resource, name, true])
        called.push(`${resource}.${name}`)
      }
    }
    // Actions the panel calls without showing them.
    for (const name of ['importCommissions', 'totals']) {
      await admin.get(`/admin/api/resources/Commission/actions/${name}`)
      called.push(`Commission.${name}`)
    }
    const [advisor] = await ds.query('SELECT id FROM advisors ORDER BY id LIMIT 1')
    await admin.get(`/admin/api/resources/Advisor/records/${advisor.id}/summary`)
    called.push('Advisor.summary')
    await admin.get('/admin/api/resources/SecuritySettings/actions/securitySettings?hashingDriver=bcrypt')
    called.push('SecuritySettings.securitySettings')
    // The email templates page's actions: a GET of the writing ones saves, resets and sends nothing.
    const draft = 'template=suspended&language=fr&subject=S&text=%7B%7Breason%7D%7D'
    for (const name of [
      'saveEmailTemplate',
      'resetEmailTemplate',
      'testEmailTemplate',
      'previewEmailTemplate',
    ]) {
      const res = await admin.get(`/admin/api/resources/EmailTemplate/actions/${name}?${draft}`)
      expect([name, res.status]).toEqual([name, 200])
      called.push(`EmailTemplate.${name}`)
    }
    const [client] = await ds.query('SELECT id FROM clients ORDER BY id LIMIT 1')
    await admin.get(`/admin/api/resources/Client/records/${client.id}/paymentMethods?paymentMethodId=pm_1`)
    called.push('Client.paymentMethods')
    for (const tab of [
      'contracts',
      'commissions',
      'advisors',
      'emails',
      'history',
      'notes',
      'Invoice',
      'Ticket',
    ]) {
      const res = await admin.get(`/admin/api/resources/Client/records/${client.id}/tab?tab=${tab}`)
      expect([tab, res.status, Array.isArray(res.body.tab?.rows)]).toEqual([tab, 200, true])
    }
    called.push('Client.tab')
    // The lifecycle, merge, contract and commission actions were all reached.
    expect(called).toEqual(
      expect.arrayContaining([
        'Client.suspend',
        'Client.ban',
        'Client.forceConfirm',
        'Client.resendConfirmation',
        'Client.sendPasswordReset',
        'Client.sendEmail',
        'Client.changePassword',
        'Client.adjustBalance',
        'Client.addNote',
        'Client.removeTwoFactor',
        'Client.delete',
        'Client.restore',
        'Client.removeForGood',
        'Client.reactivate',
        'Client.bulkSuspend',
        'Client.bulkBan',
        'Client.bulkDelete',
        'Client.bulkSendEmail',
        'Client.bulkForceConfirm',
        'Client.bulkReactivate',
        'Client.bulkRemoveTwoFactor',
        'Client.mergeClients',
        'Advisor.summary',
        'Client.tab',
        'Contract.bulkChangeAdvisor',
        'Contract.bulkChangeStatus',
        'Commission.bulkMarkPaid',
        'EmailTemplate.saveEmailTemplate',
      ]),
    )
    expect(await state()).toEqual(before)
  })
})
