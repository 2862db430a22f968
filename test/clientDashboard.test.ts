import type { DataSource } from 'typeorm'
import { AccessControl, Client, ClientEvent, Commission, DEFAULT_ROLES } from '../src/index.js'
import { clientDashboard } from '../src/services/list/clientDashboard.js'
import { dashboardHandler } from '../src/actions/dashboard/dashboard.action.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'

function countStatements(dataSource: DataSource) {
  const logger = dataSource.logger
  const original = logger.logQuery.bind(logger)
  const seen: string[] = []
  logger.logQuery = (query, parameters, runner) => {
    seen.push(query)
    return original(query, parameters, runner)
  }
  return { seen, stop: () => (logger.logQuery = original) }
}

describeEachDatabase('the dashboard', (database) => {
  const ds = () => database().dataSource

  test('counts by status, awaiting confirmation, latest actions, clients and commissions per month: five statements', async () => {
    const demo = await seededDemo(database())
    const counter = countStatements(ds())
    const data = await clientDashboard(ds())
    counter.stop()
    expect(counter.seen).toHaveLength(5)
    for (const status of ['pending', 'active', 'suspended', 'banned', 'deleted'] as const) {
      expect([status, data.byStatus[status]]).toEqual([
        status,
        await ds().getRepository(Client).countBy({ status }),
      ])
    }
    const now = new Date()
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
    const all = await ds()
      .getRepository(Client)
      .find({ select: ['id', 'createdAt'] })
    expect(data.newThisMonth).toBe(all.filter((c) => c.createdAt >= monthStart).length)
    // Twelve months, oldest first, this one last; each month's clients and commissions.
    expect(data.months).toHaveLength(12)
    expect(data.months[11].month).toBe(monthStart.toISOString().slice(0, 7))
    const monthOf = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d)).slice(0, 7)
    for (const m of data.months) {
      expect([m.month, m.newClients]).toEqual([
        m.month,
        all.filter((c) => monthOf(c.createdAt) === m.month).length,
      ])
    }
    expect(data.months.reduce((n, m) => n + m.newClients, 0)).toBeGreaterThan(0)
    const commissions = await ds()
      .getRepository(Commission)
      .find({ select: ['id', 'period', 'amount'] })
    for (const m of data.months) {
      const cents = commissions
        .filter((k) => monthOf(k.period) === m.month)
        .reduce((n, k) => n + Math.round(Number(k.amount) * 100), 0)
      expect([m.month, m.commissions]).toEqual([m.month, (cents / 100).toFixed(2)])
    }
    expect(data.months.some((m) => Number(m.commissions) > 0)).toBe(true)
    expect(data.awaitingConfirmation).toHaveLength(5)
    const [latest] = await ds()
      .getRepository(ClientEvent)
      .find({ order: { createdAt: 'DESC', id: 'DESC' }, take: 1 })
    expect(data.latestActions[0]).toMatchObject({ id: latest.id, type: latest.type })
    expect(data.latestActions).toHaveLength(10)

    // Through the panel: the admin and support see it (both may list clients).
    for (const email of ['admin@example.com', 'support@example.com']) {
      const res = await (await loginAs(demo.app, email)).get('/admin/api/dashboard')
      expect([email, res.status, res.body.dashboard?.byStatus?.active]).toEqual([
        email,
        200,
        data.byStatus.active,
      ])
    }
  })

  test('a role that may not list clients gets nothing', async () => {
    const handler = dashboardHandler(ds(), new AccessControl(DEFAULT_ROLES))
    expect(
      await handler({}, {}, { currentAdmin: { email: 'x@example.com', role: 'intern' } } as never),
    ).toEqual({
      forbidden: true,
    })
  })
})
