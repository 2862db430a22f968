import type { Agent } from 'supertest'
import { Client, ClientEvent, EmailTemplate } from '../../src/index.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'

// The ways in this round added (the email templates page's actions, the bulk POST that skips
// AdminJS's read of the records) answer malformed input with a 4xx, never a 5xx or a stack
// trace, and write nothing. Impersonation's own cases are in test/impersonation.http.test.ts.
const BASE = '/admin/api/resources/EmailTemplate/actions'
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |node_modules|[A-Za-z]+Error:/)

describeEachDatabase('new ways in: malformed input is refused, nothing written', (database) => {
  let demo: SeededDemo
  let admin: Agent
  const ds = () => database().dataSource
  const counts = async () => ({
    templates: await ds().getRepository(EmailTemplate).count(),
    events: await ds().getRepository(ClientEvent).count(),
    suspended: await ds().getRepository(Client).countBy({ status: 'suspended' }),
  })

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  test('template save, preview, test send and reset with arrays, objects and unknown keys: refused, no row', async () => {
    const before = await counts()
    const bodies: Record<string, unknown>[] = [
      { template: ['confirmation', 'reset'], language: 'fr', subject: 'S', text: '{{link}}' },
      { template: { key: 'confirmation' }, language: 'fr', subject: 'S', text: '{{link}}' },
      { template: 'confirmation', language: ['fr'], subject: 'S', text: '{{link}}' },
      { template: 'confirmation', language: 'fr', subject: { a: 1 }, text: '{{link}}' },
      { template: 'confirmation', language: 'fr', subject: 'S', text: ['{{link}}', 'x'] },
      { template: '../../etc/passwd', language: 'fr', subject: 'S', text: '{{link}}' },
      { template: 'confirmation', language: 'xx', subject: 'S', text: '{{link}}' },
      { template: 'confirmation', language: 'fr', subject: 'S', text: '{{link}}', clientId: ['1', '2'] },
    ]
    const failures: string[] = []
    for (const action of [
      'saveEmailTemplate',
      'previewEmailTemplate',
      'testEmailTemplate',
      'resetEmailTemplate',
    ]) {
      for (const body of bodies) {
        const res = await admin.post(`${BASE}/${action}`).send(body)
        // Refused: a 4xx, or AdminJS's answer to a resource action's field errors (200 with `record.errors`).
        const refused =
          (res.status >= 400 && res.status < 500) ||
          (res.status === 200 && Object.keys(res.body.record?.errors ?? {}).length > 0)
        if (!refused) failures.push(`${action} ${JSON.stringify(body)}: ${res.status}`)
        noStack(res.text)
      }
    }
    expect(failures).toEqual([])
    expect(await counts()).toEqual(before)
  })

  test('template reads with malformed query parameters: never 5xx', async () => {
    for (const query of [
      'template[]=confirmation&language=fr',
      'template=nope&language=fr',
      'language[a]=fr',
      'template=%00',
    ]) {
      const res = await admin.get(`${BASE}/emailTemplate?${query}`)
      expect([query, res.status < 500]).toEqual([query, true])
      noStack(res.text)
    }
  })

  test("the bulk POST that reads its own ids refuses malformed recordIds and another origin's", async () => {
    const before = await counts()
    for (const ids of ['abc', '1,abc', '-1', '1e308', '%00', `${'9'.repeat(40)}`]) {
      const res = await admin
        .post(`/admin/api/resources/Client/bulk/bulkSuspend?recordIds=${ids}`)
        .send({ reason: 'x' })
      expect([ids, res.status >= 400 && res.status < 500]).toEqual([ids, true])
      noStack(res.text)
    }
    const array = await admin
      .post('/admin/api/resources/Client/bulk/bulkSuspend?recordIds[]=1&recordIds[]=2')
      .send({ reason: 'x' })
    expect(array.status).toBeGreaterThanOrEqual(400)
    expect(array.status).toBeLessThan(500)
    const [one] = await ds()
      .getRepository(Client)
      .find({ where: { status: 'active' }, take: 1 })
    const foreign = await admin
      .post(`/admin/api/resources/Client/bulk/bulkSuspend?recordIds=${one.id}`)
      .set('origin', 'https://evil.example')
      .send({ reason: 'x' })
    expect(foreign.status).toBe(403)
    expect(await counts()).toEqual(before)
  })
})
