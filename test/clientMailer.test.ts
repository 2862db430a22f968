import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { Client, DEFAULT_OUTBOX_OPTIONS, EmailLog } from '../src/index.js'
import { claimDueEmails } from '../src/services/mail/outboxClaim.js'
import { deliverClaimed } from '../src/services/mail/outboxDelivery.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { describeEachDatabase } from './support/databases.js'
import { mailModule } from './support/mailModule.js'
import { messageIdOf, startSmtpServer } from './support/smtpServer.js'

describeEachDatabase('ClientMailer and the outbox', (database) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let client: Client
  beforeAll(async () => {
    smtp = await startSmtpServer({ rejectTo: ['nobody@example.fr'] })
    client = await database().dataSource.manager.save(
      database().dataSource.manager.create(Client, {
        lastName: 'Lefèvre',
        firstName: 'Hélène',
        email: 'helene@example.fr',
      }),
    )
  })
  afterAll(() => smtp?.close())

  const module = () =>
    mailModule(
      database().dataSource,
      nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }),
      { maxAttempts: 2, backoffBaseMs: 1, backoffMaxMs: 1, jitter: 0 },
    )

  test('queues without sending, then the outbox sends with the Message-ID fixed at queue time', async () => {
    const { clientMailer, outbox } = module()
    const before = smtp.received.length
    const log = await clientMailer.send({
      clientId: client.id,
      to: 'helene@example.fr',
      subject: 'Votre espace client',
      text: 'Bonjour Hélène, voici votre espace.',
      template: 'welcome',
      actor: 'admin@example.com',
    })
    expect(log).toMatchObject({ status: 'queued', attempts: 0 })
    expect(log).not.toHaveProperty('pendingContent')
    expect(log.messageId).toMatch(/^<[0-9a-f-]{36}@cabinet\.example>$/)
    expect(smtp.received.length).toBe(before)

    expect(await outbox.drain()).toMatchObject({ claimed: 1, sent: 1 })
    const mail = smtp.received.find((m) => m.to.includes('helene@example.fr'))
    expect(mail).toBeDefined()
    expect(mail!.from).toBe('no-reply@cabinet.example')
    expect(mail!.raw).toContain('Subject: Votre espace client')
    expect(messageIdOf(mail!.raw)).toBe(log.messageId)
    const saved = await database()
      .dataSource.getRepository(EmailLog)
      .createQueryBuilder('e')
      .addSelect('e.pendingContent')
      .where({ id: log.id })
      .getOneOrFail()
    expect(saved).toMatchObject({
      clientId: client.id,
      to: 'helene@example.fr',
      status: 'sent',
      error: null,
      template: 'welcome',
      actor: 'admin@example.com',
      body: 'Bonjour Hélène, voici votre espace.',
      attempts: 1,
      messageId: log.messageId,
      nextAttemptAt: null,
      leaseUntil: null,
      // What was to be sent is gone once sent.
      pendingContent: null,
    })
  })

  test('a refused email is retried, then failed with the server’s answer, and nothing throws', async () => {
    const { clientMailer, outbox } = module()
    const log = await clientMailer.send({
      clientId: client.id,
      to: 'nobody@example.fr',
      subject: 'Relevé',
      text: 'x',
    })
    const first = await outbox.runOnce()
    expect(first).toMatchObject({ claimed: 1, retry: 1 })
    const retried = await database().dataSource.getRepository(EmailLog).findOneByOrFail({ id: log.id })
    expect(retried).toMatchObject({ status: 'queued', attempts: 1 })
    expect(retried.error).toContain('mailbox unavailable')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await outbox.drain()).toMatchObject({ claimed: 1, failed: 1 })
    const failed = await database().dataSource.getRepository(EmailLog).findOneByOrFail({ id: log.id })
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: null })
    expect(failed.error).toContain('mailbox unavailable')
    expect(smtp.received.some((m) => m.to.includes('nobody@example.fr'))).toBe(false)
  })

  test('a worker whose lease ran out and was taken over records nothing: the row is the new claim’s', async () => {
    const { clientMailer } = module()
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    })
    const ctx = {
      dataSource: database().dataSource,
      transport,
      from: 'Cabinet <no-reply@cabinet.example>',
      options: { ...DEFAULT_OUTBOX_OPTIONS },
    }
    const log = await clientMailer.send({
      clientId: client.id,
      to: 'helene@example.fr',
      subject: 'Bail',
      text: 'x',
    })
    const now = new Date()
    const [first] = await claimDueEmails(ctx.dataSource, { id: 'A#1', now, leaseMs: 1000, batchSize: 1 })
    expect(first).toMatchObject({ id: log.id, status: 'sending', claimedBy: 'A#1', attempts: 1 })
    // Still leased: nobody else may take it.
    expect(await claimDueEmails(ctx.dataSource, { id: 'B#0', now, leaseMs: 1000, batchSize: 1 })).toEqual([])
    // A's lease is over (its process hangs or died): B takes the row.
    const later = new Date(now.getTime() + 3000)
    const [second] = await claimDueEmails(ctx.dataSource, {
      id: 'B#1',
      now: later,
      leaseMs: 60_000,
      batchSize: 1,
    })
    expect(second).toMatchObject({ id: log.id, claimedBy: 'B#1', attempts: 2 })
    expect(await deliverClaimed(ctx, first)).toBe('lost')
    expect(await deliverClaimed(ctx, second)).toBe('sent')
    expect(await database().dataSource.getRepository(EmailLog).findOneByOrFail({ id: log.id })).toMatchObject(
      {
        status: 'sent',
        claimedBy: 'B#1',
        attempts: 2,
      },
    )
  })

  test('the demo writes each email as an .eml file when no SMTP_URL is set', async () => {
    const dataDir = path.join(database().dataDir, 'demo')
    const { clientMailer, outbox } = mailModule(database().dataSource, createDemoMailer({ dataDir }))
    const log = await clientMailer.send({
      clientId: client.id,
      to: 'helene@example.fr',
      subject: 'Fichier',
      text: 'Dans un fichier',
    })
    await outbox.drain()
    const saved = await database().dataSource.getRepository(EmailLog).findOneByOrFail({ id: log.id })
    expect(saved.status).toBe('sent')
    const files = await readdir(path.join(dataDir, 'mail'))
    expect(files).toHaveLength(1)
    const eml = await readFile(path.join(dataDir, 'mail', files[0]), 'utf8')
    expect(eml).toContain('Subject: Fichier')
    expect(eml).toContain('To: helene@example.fr')
    expect(eml).toContain(`Message-ID: ${log.messageId}`)
  })
})
