import type { Agent } from 'supertest'
import { AdminAuditEntry, EmailLog } from '../src/index.js'
import { TEMPLATE_TEST_LIMIT } from '../src/services/mail/templateStore.js'
import { findClient } from './support/findClients.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'

const BASE = '/admin/api/resources/EmailTemplate/actions'

// Issue 24, finding 7: "send me a test" had no limit and no audit entry (20 concurrent sends queued 20 emails).
describeEachDatabase('"send me a test" on the email templates page', (database) => {
  let admin: Agent
  const ds = () => database().dataSource

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  test('20 concurrent sends: a few go, linked to the previewed client, one audit entry each; the rest get a notice', async () => {
    const client = await findClient(ds(), { status: 'active' })
    const draft = {
      template: 'suspended',
      language: 'en',
      subject: 'Account {{clientNumber}} on hold',
      text: 'Dear {{firstName}} {{lastName}}, {{reason}}',
      clientId: String(client.id),
    }
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => admin.post(`${BASE}/testEmailTemplate`).type('form').send(draft)),
    )
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    const sent = answers.filter((a) => a.body.notice?.message === 'emailTemplateTestSent')
    const refused = answers.filter((a) => a.body.notice?.message === 'templateTestLimited')
    expect(sent.length + refused.length).toBe(20)
    expect(sent.length).toBe(TEMPLATE_TEST_LIMIT.limit)
    expect(refused.every((a) => a.body.notice.type === 'error')).toBe(true)
    const emails = await ds()
      .getRepository(EmailLog)
      .findBy({ to: 'admin@example.com', template: 'suspended' })
    expect(emails).toHaveLength(sent.length)
    expect(emails.every((e) => e.clientId === client.id)).toBe(true)
    const audits = await ds().getRepository(AdminAuditEntry).findBy({ action: 'email_template_tested' })
    expect(audits).toHaveLength(sent.length)
    expect(audits[0]).toMatchObject({
      actor: 'admin@example.com',
      resourceId: 'EmailTemplate:suspended:en',
      details: { clientId: client.id },
    })
  })
})
