import type { Agent } from 'supertest'
import { Client, EmailLog } from '../src/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { clientApi, eventsOf, lastEmailOf } from './support/clientApi.js'
import { findClient } from './support/findClients.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { mailText, messageIdOf, startSmtpServer } from './support/smtpServer.js'

describeEachDatabase('the mail outbox in the panel', (database) => {
  let demo: SeededDemo
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let admin: Agent
  let support: Agent
  // The server refuses these for good (550); a test empties it to let them through.
  const refused = ['refused@example.com']
  const ds = () => database().dataSource
  const emailApi = (agent: Agent) => ({
    show: (id: number) => agent.get(`/admin/api/resources/EmailLog/records/${id}/show`),
    list: (query = '') => agent.get(`/admin/api/resources/EmailLog/actions/list${query}`),
    resendGet: (id: number) => agent.get(`/admin/api/resources/EmailLog/records/${id}/resendEmail`),
    resend: (id: number) =>
      agent.post(`/admin/api/resources/EmailLog/records/${id}/resendEmail`).type('form').send({}),
  })
  const emailsTab = (agent: Agent, id: number) =>
    agent.get(`/admin/api/resources/Client/records/${id}/tab?tab=emails&page=1&perPage=20`)

  beforeAll(async () => {
    smtp = await startSmtpServer({ rejectTo: refused })
    demo = await seededDemo(database(), {
      mailer: createDemoMailer({ smtpUrl: `${smtp.url}?ignoreTLS=true`, dataDir: database().dataDir }),
      outbox: { maxAttempts: 3, backoffBaseMs: 1, backoffMaxMs: 5, jitter: 0 },
    })
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })
  afterAll(() => smtp?.close())

  /** Runs the outbox until the row is no longer queued or sending (bounded). */
  async function deliver(id: number): Promise<EmailLog> {
    for (let i = 0; i < 50; i += 1) {
      await demo.clients.outbox.drain()
      const row = await ds().getRepository(EmailLog).findOneByOrFail({ id })
      if (row.status === 'sent' || row.status === 'failed') return row
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error(`email ${id} still not sent nor failed`)
  }

  test('an address refused for good ends failed after its attempts; the admin resends it and it is delivered', async () => {
    const client = await findClient(ds(), { status: 'active' })
    await ds().getRepository(Client).update(client.id, { email: 'refused@example.com' })
    const res = await clientApi(admin).record('sendEmail', client.id, {
      subject: 'Statement',
      body: 'Yours.',
    })
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'emailSent' })
    const queued = await lastEmailOf(ds(), client.id, 'custom')
    expect(queued).toMatchObject({ status: 'queued', attempts: 0 })

    const failed = await deliver(queued.id)
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null })
    expect(failed.error).toMatch(/mailbox unavailable/)
    expect(smtp.received.filter((m) => m.to.includes('refused@example.com'))).toHaveLength(0)
    const tab = await emailsTab(admin, client.id)
    expect(tab.body.tab.rows[0]).toMatchObject({ id: failed.id, status: 'failed', attempts: 3 })

    // Support may not resend; a GET shows the confirmation and changes nothing.
    expect((await emailApi(support).resend(failed.id)).status).toBe(403)
    const get = await emailApi(admin).resendGet(failed.id)
    expect(get.status).toBe(200)
    expect((await ds().getRepository(EmailLog).findOneByOrFail({ id: failed.id })).status).toBe('failed')
    expect(await eventsOf(ds(), client.id, 'email_resent')).toHaveLength(0)

    refused.length = 0
    const resent = await emailApi(admin).resend(failed.id)
    expect(resent.body.notice).toMatchObject({ type: 'success', message: 'emailRequeued' })
    expect(await ds().getRepository(EmailLog).findOneByOrFail({ id: failed.id })).toMatchObject({
      status: 'queued',
      attempts: 0,
      messageId: failed.messageId,
    })
    expect(await eventsOf(ds(), client.id, 'email_resent')).toMatchObject([
      {
        actor: 'admin@example.com',
        ip: '127.0.0.1',
        data: { emailLogId: failed.id, subject: 'Statement', previousError: failed.error },
      },
    ])
    expect(await deliver(failed.id)).toMatchObject({ status: 'sent', attempts: 1 })
    const mails = smtp.received.filter((m) => m.to.includes('refused@example.com'))
    expect(mails.map((m) => messageIdOf(m.raw))).toEqual([failed.messageId])

    // Sent now: a second resend is refused and changes nothing.
    const again = await emailApi(admin).resend(failed.id)
    expect(again.body.notice).toMatchObject({ type: 'error', message: 'emailNotFailed' })
    expect(await eventsOf(ds(), client.id, 'email_resent')).toHaveLength(1)
  })

  test('token emails: the body stays masked and the token is in no API response, before or after sending', async () => {
    const client = await findClient(ds(), { status: 'active' })
    const res = await clientApi(admin).record('sendPasswordReset', client.id)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'passwordResetSent' })
    const log = await lastEmailOf(ds(), client.id, 'passwordReset')
    expect(log.body).toContain('token=••••••')
    const kept = await ds()
      .getRepository(EmailLog)
      .createQueryBuilder('e')
      .addSelect('e.pendingContent')
      .where({ id: log.id })
      .getOneOrFail()
    const token = /token=([A-Za-z0-9_-]{43})/.exec(kept.pendingContent ?? '')?.[1] as string
    expect(token).toBeDefined()

    const responses = async () => [
      res,
      await emailApi(admin).show(log.id),
      await emailApi(admin).list(),
      await emailApi(admin).list(`?filters.clientId=${client.id}`),
      await emailsTab(admin, client.id),
      await admin.get(`/admin/api/resources/ClientEvent/actions/list?filters.clientId=${client.id}`),
    ]
    for (const r of await responses()) {
      expect(r.status).toBe(200)
      expect(JSON.stringify(r.body)).not.toContain(token)
      expect(JSON.stringify(r.body)).not.toContain('pendingContent')
    }

    expect(await deliver(log.id)).toMatchObject({ status: 'sent', body: log.body })
    const mail = smtp.received.filter((m) => m.to.includes(client.email as string)).at(-1)!
    expect(mailText(mail.raw)).toContain(`token=${token}`)
    const sent = await ds()
      .getRepository(EmailLog)
      .createQueryBuilder('e')
      .addSelect('e.pendingContent')
      .where({ id: log.id })
      .getOneOrFail()
    expect(sent.pendingContent).toBeNull()
    for (const r of await responses()) expect(JSON.stringify(r.body)).not.toContain(token)
  })
})
