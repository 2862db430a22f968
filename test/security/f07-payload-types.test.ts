import type { Agent } from 'supertest'
import { Client, ClientEvent, Contract, SettingsChange } from '../../src/index.js'
import { describeEachDatabase } from '../support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from '../support/demoAgent.js'

// Finding 7 (payload types): wrong JSON types and a malformed `recordIds` answer 4xx, never a
// 500, and write nothing.
describeEachDatabase('finding 7: wrong payload types are a 400 with field errors', (database) => {
  let demo: SeededDemo
  let admin: Agent
  // Ids the router's guard lets through (one list of words) reach the actions' own check.
  let unguarded: Agent
  const ds = () => database().dataSource
  const counts = async () => ({
    clients: await ds().getRepository(Client).count(),
    events: await ds().getRepository(ClientEvent).count(),
    contracts: await ds().getRepository(Contract).count(),
  })

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    unguarded = await loginAs(demo.app, 'admin@example.com')
  })

  test('client create with an array client number or an object last name: 400, no client', async () => {
    const before = await counts()
    const array = await admin
      .post('/admin/api/resources/Client/actions/new')
      .send({ lastName: 'Durand', clientNumber: ['C1', 'C2'] })
    expect(array.status).toBe(400)
    expect(array.body.record.errors.clientNumber.message).toBe('invalidValue')
    const object = await admin
      .post('/admin/api/resources/Client/actions/new')
      .send({ lastName: { first: 'a' }, email: 'durand@example.fr' })
    expect(object.status).toBe(400)
    expect(object.body.record.errors.lastName.message).toBe('invalidValue')
    expect(await counts()).toEqual(before)
  })

  test('suspend with an object reason, bulk suspend with an array reason: 400, nothing changed', async () => {
    const [one, two] = await ds()
      .getRepository(Client)
      .find({ where: { status: 'active' }, order: { id: 'ASC' }, take: 2 })
    const before = await counts()
    const single = await admin
      .post(`/admin/api/resources/Client/records/${one.id}/suspend`)
      .send({ reason: { text: 'x' } })
    expect(single.status).toBe(400)
    expect(single.body.record.errors.reason.message).toBe('invalidValue')
    const bulk = await admin
      .post(`/admin/api/resources/Client/bulk/bulkSuspend?recordIds=${one.id},${two.id}`)
      .send({ reason: ['a', 'b'] })
    expect(bulk.status).toBe(400)
    // The form encoding of an array: `reason.0`, `reason.1`.
    const flattened = await admin
      .post(`/admin/api/resources/Client/records/${one.id}/ban`)
      .type('form')
      .send({ 'reason.0': 'a', 'reason.1': 'b' })
    expect(flattened.status).toBe(400)
    expect(await counts()).toEqual(before)
    const statuses = await ds()
      .getRepository(Client)
      .findBy([{ id: one.id }, { id: two.id }])
    expect(statuses.map((c) => c.status)).toEqual(['active', 'active'])
  })

  test('recordIds[]= (an array), holes or non-numbers in the list: 400, nothing changed', async () => {
    const [one] = await ds()
      .getRepository(Client)
      .find({ where: { status: 'active' }, take: 1 })
    const contract = await ds().getRepository(Contract).findOneByOrFail({ status: 'active' })
    const before = await counts()
    const array = await admin
      .post('/admin/api/resources/Client/bulk/bulkSuspend?recordIds[]=')
      .type('form')
      .send({ reason: 'Unpaid' })
    expect(array.status).toBe(400)
    expect(array.body.record.errors.recordIds.message).toBe('invalidRecordIds')
    const holes = await admin
      .post(`/admin/api/resources/Client/bulk/bulkSuspend?recordIds=${one.id},x`)
      .type('form')
      .send({ reason: 'Unpaid' })
    expect(holes.status).toBe(400)
    const unguardedHoles = await unguarded
      .post(`/admin/api/resources/Client/bulk/bulkSuspend?recordIds=${one.id},x`)
      .type('form')
      .send({ reason: 'Unpaid' })
    expect(unguardedHoles.status).toBe(400)
    expect(unguardedHoles.body.record.errors.recordIds.message).toBe('invalidRecordIds')
    const contracts = await admin
      .post(`/admin/api/resources/Contract/bulk/bulkChangeStatus?recordIds[]=${contract.id}`)
      .type('form')
      .send({ status: 'terminated' })
    expect(contracts.status).toBe(400)
    expect(await counts()).toEqual(before)
    expect((await ds().getRepository(Client).findOneByOrFail({ id: one.id })).status).toBe('active')
    expect((await ds().getRepository(Contract).findOneByOrFail({ id: contract.id })).status).toBe('active')
  })

  test('security settings with an object or an array: 400, no change recorded', async () => {
    const changes = () => ds().getRepository(SettingsChange).count()
    const before = await changes()
    const object = await admin
      .post('/admin/api/resources/SecuritySettings/actions/securitySettings')
      .send({ hashingDriver: { toString: 'bcrypt' } })
    expect(object.status).toBe(400)
    const array = await admin
      .post('/admin/api/resources/SecuritySettings/actions/securitySettings')
      .send({ autoConfirmRegistration: ['true', 'false'] })
    expect(array.status).toBe(400)
    expect(await changes()).toBe(before)
  })
})
