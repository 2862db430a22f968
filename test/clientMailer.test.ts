import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { Client, ClientMailer, EmailLog } from '../src/index.js'
import { createDemoMailer } from '../demo/mailTransport.js'
import { describeEachDatabase } from './support/databases.js'
import { startSmtpServer } from './support/smtpServer.js'

describeEachDatabase('ClientMailer', (database) => {
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

  const mailer = () =>
    new ClientMailer(
      database().dataSource,
      nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }),
      'Cabinet <no-reply@cabinet.example>',
    )

  test('sends through the transport and logs the email as sent', async () => {
    const log = await mailer().send({
      clientId: client.id,
      to: 'helene@example.fr',
      subject: 'Votre espace client',
      text: 'Bonjour Hélène, voici votre espace.',
      template: 'welcome',
      actor: 'admin@example.com',
    })
    const mail = smtp.received.find((m) => m.to.includes('helene@example.fr'))
    expect(mail).toBeDefined()
    expect(mail!.from).toBe('no-reply@cabinet.example')
    expect(mail!.raw).toContain('Subject: Votre espace client')
    const saved = await database().dataSource.getRepository(EmailLog).findOneByOrFail({ id: log.id })
    expect(saved).toMatchObject({
      clientId: client.id,
      to: 'helene@example.fr',
      status: 'sent',
      error: null,
      template: 'welcome',
      actor: 'admin@example.com',
      body: 'Bonjour Hélène, voici votre espace.',
    })
    expect(mail!.raw).toContain(saved.messageId!.replace(/[<>]/g, ''))
  })

  test('a refused email is logged as failed with the server’s answer, and nothing throws', async () => {
    const log = await mailer().send({
      clientId: client.id,
      to: 'nobody@example.fr',
      subject: 'Relevé',
      text: 'x',
    })
    expect(log.status).toBe('failed')
    expect(log.error).toContain('mailbox unavailable')
    expect(log.messageId).toBeNull()
    expect(smtp.received.some((m) => m.to.includes('nobody@example.fr'))).toBe(false)
  })

  test('the demo writes each email as an .eml file when no SMTP_URL is set', async () => {
    const dataDir = path.join(database().dataDir, 'demo')
    const demoMailer = createDemoMailer({ dataDir })
    const log = await new ClientMailer(database().dataSource, demoMailer, 'demo@example.com').send({
      clientId: client.id,
      to: 'helene@example.fr',
      subject: 'Fichier',
      text: 'Dans un fichier',
    })
    expect(log.status).toBe('sent')
    const files = await readdir(path.join(dataDir, 'mail'))
    expect(files).toHaveLength(1)
    const eml = await readFile(path.join(dataDir, 'mail', files[0]), 'utf8')
    expect(eml).toContain('Subject: Fichier')
    expect(eml).toContain('To: helene@example.fr')
  })
})
