import type { Agent } from 'supertest'
import { Client, ClientEvent, EmailLog } from '../../src/index.js'
import { proposeMapping } from '../../src/services/import/importRows.js'
import { isValidEmail } from '../../src/shared/clientIdentity.js'
import { readRow } from '../../src/services/import/importRows.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'
import { mailModule } from '../support/mailModule.js'

// Finding 8 (e-mails): one validator everywhere; a list, a display name or markup is not an address.
const BAD = ['victim,attacker@evil.example', '"A" <a@b.fr>', '<svg/onload=alert(1)>@x.fr']

test('isValidEmail: one plain address only', () => {
  for (const good of ['jean.dupont@example.fr', 'a+tag@sub.example.com', 'x@xn--bcher-kva.example']) {
    expect(isValidEmail(good)).toBe(true)
  }
  const more = [
    'a@b.fr;c@d.fr',
    'a b@c.fr',
    'a@b',
    'a@@b.fr',
    'a@b.fr\u0000',
    'a@b.fr\n',
    'jean@bücher.de',
    '.a@b.fr',
    'a..b@c.fr',
    'a@-b.fr',
    `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.fr`,
  ]
  for (const bad of [...BAD, ...more]) expect([bad, isValidEmail(bad)]).toEqual([bad, false])
})

test('import: the email column of a row with a list or a display name is an error of the row', () => {
  const mapping = proposeMapping(['Last name', 'Email', 'Period', 'Amount'])
  for (const email of BAD) {
    const row = readRow(2, ['Durand', email, '2026-05', '10'], mapping)
    expect([email, row.errors]).toEqual([email, ['importBadEmail']])
  }
  expect(readRow(2, ['Durand', 'durand@example.fr', '2026-05', '10'], mapping).errors).toEqual([])
})

describeEachDatabase('finding 8: e-mail addresses', (database) => {
  let demo: SeededDemo
  let admin: Agent
  const ds = () => database().dataSource
  const counts = async () => ({
    clients: await ds().getRepository(Client).count(),
    events: await ds().getRepository(ClientEvent).count(),
  })

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  test('client create and edit refuse a list, a display name, markup; nothing written', async () => {
    const client = await ds().getRepository(Client).findOneByOrFail({ status: 'active' })
    const before = await counts()
    for (const email of BAD) {
      const created = await admin
        .post('/admin/api/resources/Client/actions/new')
        .type('form')
        .send({ lastName: 'Durand', email })
      expect([email, created.body.record?.errors?.email?.message]).toEqual([email, 'invalidEmail'])
      const edited = await admin
        .post(`/admin/api/resources/Client/records/${client.id}/edit`)
        .type('form')
        .send({ email })
      expect([email, edited.body.record?.errors?.email?.message]).toEqual([email, 'invalidEmail'])
    }
    expect(await counts()).toEqual(before)
    expect((await ds().getRepository(Client).findOneByOrFail({ id: client.id })).email).toBe(client.email)
  })

  test('the mailer never hands a list or a display name to the transport: a failed EmailLog row', async () => {
    const calls: unknown[] = []
    const transport = {
      sendMail: async (message: unknown) => {
        calls.push(message)
        return { messageId: '<1@test>' }
      },
    }
    const { clientMailer, outbox } = mailModule(ds(), transport as never)
    for (const to of BAD) {
      const row = await clientMailer.send({ clientId: null, to, subject: 'Hello', text: 'Body' })
      expect(row).toMatchObject({ status: 'failed', to })
      expect(row.error).toMatch(/not one valid e-mail address/)
    }
    await outbox.drain()
    expect(calls).toHaveLength(0)
    expect(await ds().getRepository(EmailLog).countBy({ status: 'sent', subject: 'Hello' })).toBe(0)
    const ok = await clientMailer.send({
      clientId: null,
      to: 'jean@example.fr',
      subject: 'Hello',
      text: 'Body',
    })
    expect(ok.status).toBe('queued')
    expect(await outbox.drain()).toMatchObject({ claimed: 1, sent: 1 })
    expect(calls).toHaveLength(1)
    expect(await ds().getRepository(EmailLog).findOneByOrFail({ id: ok.id })).toMatchObject({
      status: 'sent',
    })
  })
})
