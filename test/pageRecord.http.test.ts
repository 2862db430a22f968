import { IsNull, Not } from 'typeorm'
import { Client } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'

type ActionJSON = { name: string }
type ShownRecord = {
  recordActions: ActionJSON[]
  bulkActions: ActionJSON[]
  bulkActionNames: string[]
  populated: Record<string, { id: string; title: string; params: object; recordActions: ActionJSON[] } | null>
}

// A record's page (actions/core/leanRecords.ts: pageRecord): the record's own actions whole, its
// bulk actions by name, a referenced record with its `show` action only (the link to its page).
describeEachDatabase("a record's page: what the page reads", (database) => {
  test('its actions whole, its bulk actions named, its advisor with show alone', async () => {
    const demo = await seededDemo(database())
    const admin = await loginAs(demo.app, 'admin@example.com')
    const client = await database()
      .dataSource.getRepository(Client)
      .findOneByOrFail({ status: 'active', advisorId: Not(IsNull()) })
    const shown = await admin.get(`/admin/api/resources/Client/records/${client.id}/show`).expect(200)
    const record = shown.body.record as ShownRecord
    const names = record.recordActions.map((a) => a.name)
    expect(names).toEqual(expect.arrayContaining(['show', 'edit', 'suspend']))
    // Whole descriptions, as AdminJS's route and the page's header read them.
    expect(record.recordActions.find((a) => a.name === 'suspend')).toMatchObject({
      actionType: 'record',
      resourceId: 'Client',
      showInDrawer: true,
    })
    expect(record.bulkActions).toEqual([])
    expect(record.bulkActionNames).toEqual(expect.arrayContaining(['bulkSuspend', 'bulkDelete']))
    const advisor = record.populated.advisorId
    expect(advisor).toMatchObject({ id: client.advisorId, params: { id: client.advisorId } })
    expect(advisor?.title).toEqual(expect.any(String))
    expect(advisor?.recordActions.map((a) => a.name)).toEqual(['show'])
  })
})
