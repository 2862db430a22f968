import type { Agent } from 'supertest'
import type { SendMailOptions } from 'nodemailer'
import { Advisor, Client, ClientEvent, Commission, Contract, EmailLog } from '../../src/index.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'

// Finding 8: bad values are refused with field errors on every resource, and nothing is written.
describeEachDatabase('finding 8: no bad value saved', (database) => {
  let demo: SeededDemo
  let admin: Agent
  const sent: SendMailOptions[] = []
  const ds = () => database().dataSource
  const api = '/admin/api/resources'
  const counts = async () => ({
    clients: await ds().getRepository(Client).count(),
    contracts: await ds().getRepository(Contract).count(),
    commissions: await ds().getRepository(Commission).count(),
    advisors: await ds().getRepository(Advisor).count(),
    events: await ds().getRepository(ClientEvent).count(),
    emails: await ds().getRepository(EmailLog).count(),
  })

  beforeAll(async () => {
    demo = await seededDemo(database(), {
      mailer: {
        describe: 'counting',
        sendMail: async (message) => {
          sent.push(message)
          return { messageId: `<${sent.length}@test>` }
        },
      },
    })
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  test('contract and commission status "bogus": refused on create and edit, nothing written', async () => {
    const contract = await ds().getRepository(Contract).findOneByOrFail({ status: 'active' })
    const commission = await ds().getRepository(Commission).findOneByOrFail({ status: 'pending' })
    const before = await counts()
    const editContract = await admin
      .post(`${api}/Contract/records/${contract.id}/edit`)
      .type('form')
      .send({ status: 'bogus' })
    expect(editContract.body.record.errors.status.message).toBe('invalidChoice')
    const newContract = await admin
      .post(`${api}/Contract/actions/new`)
      .type('form')
      .send({ reference: 'CT-BOGUS-1', product: 'SCPI', status: 'bogus' })
    expect(newContract.body.record.errors.status.message).toBe('invalidChoice')
    const editCommission = await admin
      .post(`${api}/Commission/records/${commission.id}/edit`)
      .type('form')
      .send({ status: 'bogus' })
    expect(editCommission.body.record.errors.status.message).toBe('invalidChoice')
    const newCommission = await admin
      .post(`${api}/Commission/actions/new`)
      .type('form')
      .send({ period: '2026-01-01', amount: '10.00', status: 'bogus' })
    expect(newCommission.body.record.errors.status.message).toBe('invalidChoice')
    expect(await counts()).toEqual(before)
    expect((await ds().getRepository(Contract).findOneByOrFail({ id: contract.id })).status).toBe('active')
    expect((await ds().getRepository(Commission).findOneByOrFail({ id: commission.id })).status).toBe(
      'pending',
    )
  })

  test('a last name that is an object, an array or holds a NUL: refused, nothing written', async () => {
    const client = await ds().getRepository(Client).findOneByOrFail({ status: 'active' })
    const advisor = await ds().getRepository(Advisor).findOneByOrFail({ code: 'ADV001' })
    const before = await counts()
    const object = await admin.post(`${api}/Client/actions/new`).send({ lastName: { $gt: '' } })
    expect(object.status).toBe(400)
    const array = await admin
      .post(`${api}/Client/records/${client.id}/edit`)
      .type('form')
      .send({ 'lastName.0': 'a', 'lastName.1': 'b' })
    expect(array.status).toBe(400)
    expect(array.body.record.errors.lastName.message).toBe('invalidValue')
    const nul = await admin
      .post(`${api}/Client/records/${client.id}/edit`)
      .type('form')
      .send({ lastName: 'Dur\u0000and' })
    expect(nul.body.record.errors.lastName.message).toBe('invalidCharacters')
    const nulNew = await admin.post(`${api}/Client/actions/new`).type('form').send({ lastName: 'A\u0000B' })
    expect(nulNew.body.record.errors.lastName.message).toBe('invalidCharacters')
    const advisorNul = await admin
      .post(`${api}/Advisor/records/${advisor.id}/edit`)
      .type('form')
      .send({ lastName: 'Mar\u0001tin' })
    expect(advisorNul.body.record.errors.lastName.message).toBe('invalidCharacters')
    expect(await counts()).toEqual(before)
    expect((await ds().getRepository(Client).findOneByOrFail({ id: client.id })).lastName).toBe(
      client.lastName,
    )
    expect((await ds().getRepository(Advisor).findOneByOrFail({ id: advisor.id })).lastName).toBe(
      advisor.lastName,
    )
  })

  test('types, lengths and numbers checked on contracts and commissions', async () => {
    const contract = await ds().getRepository(Contract).findOneByOrFail({ status: 'active' })
    const before = await counts()
    const res = await admin
      .post(`${api}/Contract/records/${contract.id}/edit`)
      .type('form')
      .send({ product: 'x'.repeat(121), clientId: '1.5', startDate: '2026-02-30' })
    expect(res.body.record.errors).toMatchObject({
      product: { message: 'tooLong' },
      clientId: { message: 'invalidWholeNumber' },
      startDate: { message: 'invalidDate' },
    })
    const premium = await admin
      .post(`${api}/Contract/records/${contract.id}/edit`)
      .send({ premium: { value: 1 } })
    expect(premium.status).toBe(400)
    expect(await counts()).toEqual(before)
    expect(await ds().getRepository(Contract).findOneByOrFail({ id: contract.id })).toEqual(contract)
  })

  test('sendEmail with an array subject or an object body: refused, no mail sent or logged', async () => {
    const client = await ds().getRepository(Client).findOneByOrFail({ status: 'active' })
    const [other] = await ds()
      .getRepository(Client)
      .find({ where: { status: 'active' }, order: { id: 'DESC' }, take: 1 })
    const before = await counts()
    const array = await admin
      .post(`${api}/Client/records/${client.id}/sendEmail`)
      .send({ subject: ['a', 'b'], body: 'Hello' })
    expect(array.status).toBe(400)
    expect(array.body.record.errors.subject.message).toBe('invalidValue')
    const object = await admin
      .post(`${api}/Client/records/${client.id}/sendEmail`)
      .send({ subject: 'Hello', body: { html: '<b>x</b>' } })
    expect(object.status).toBe(400)
    expect(object.body.record.errors.body.message).toBe('invalidValue')
    const bulk = await admin
      .post(`${api}/Client/bulk/bulkSendEmail?recordIds=${client.id},${other.id}`)
      .type('form')
      .send({ 'subject.0': 'a', 'subject.1': 'b', body: 'Hello' })
    expect(bulk.status).toBe(400)
    const nul = await admin
      .post(`${api}/Client/records/${client.id}/sendEmail`)
      .type('form')
      .send({ subject: 'Hi\u0000', body: 'Hello' })
    expect(nul.body.record.errors.subject.message).toBe('invalidCharacters')
    expect(sent).toHaveLength(0)
    expect(await counts()).toEqual(before)
  })
})
