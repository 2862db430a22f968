// The counts on the client page's tabs (issue 16): each equals its tab's total, the plugin's
// tabs in one statement.
import type { Agent } from 'supertest'
import { Client, ClientNote, Commission } from '../src/index.js'
import { builtInTabCounts } from '../src/services/list/clientTabCounts.js'
import { DATA_TABS } from '../src/shared/clientPageTabs.js'
import { describeEachDatabase } from './support/databases.js'
import { statementsOf } from './support/statements.js'
import { loginAs, seededDemo } from './support/demoAgent.js'

describeEachDatabase('the counts of the client page’s tabs', (database) => {
  let admin: Agent
  let support: Agent
  let client: Client
  const ds = () => database().dataSource
  const counts = (agent: Agent, id: number) =>
    agent.get(`/admin/api/resources/Client/records/${id}/tabCounts`)
  const total = async (agent: Agent, id: number, tab: string) =>
    (await agent.get(`/admin/api/resources/Client/records/${id}/tab?tab=${tab}&perPage=1`)).body.tab
      ?.total as number

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
    const [row] = await ds()
      .getRepository(Commission)
      .createQueryBuilder('m')
      .select('m.clientId', 'clientId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('m.clientId')
      .orderBy('n', 'DESC')
      .limit(1)
      .getRawMany<{ clientId: number }>()
    client = await ds()
      .getRepository(Client)
      .findOneByOrFail({ id: Number(row.clientId) })
  })

  test('each count is its tab’s total, the host’s tabs included', async () => {
    const res = await counts(admin, client.id)
    expect(res.status).toBe(200)
    for (const tab of [...DATA_TABS, 'Invoice', 'Ticket']) {
      expect([tab, res.body.counts[tab]]).toEqual([tab, await total(admin, client.id, tab)])
    }
    expect(res.body.counts.commissions).toBeGreaterThan(1)
  })

  test('the plugin’s six counts are one statement', async () => {
    expect(await statementsOf(ds(), () => builtInTabCounts(ds(), client))).toBe(1)
  })

  test('a note added moves its count; the support role reads the counts as it reads the page', async () => {
    const before = (await counts(support, client.id)).body.counts.notes as number
    await ds().getRepository(ClientNote).save({ clientId: client.id, author: 'test', body: 'Appel' })
    const res = await counts(support, client.id)
    expect(res.status).toBe(200)
    expect(res.body.counts.notes).toBe(before + 1)
  })
})
