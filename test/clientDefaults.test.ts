// The right defaults (issue 18, point 6 and 7): a client created in an English panel writes to it
// in English; the same caller reads as the same address in the panel and the client area.
import request from 'supertest'
import { Client, ClientEvent } from '../src/index.js'
import { createDemoApp } from '../demo/app.js'
import { describeEachDatabase } from './support/databases.js'
import { DEMO_PASSWORD, nullMailer, TEST_ORIGIN } from './support/demoAgent.js'
import { seedAdmins } from '../demo/seed.js'

describeEachDatabase('defaults a host expects', (database) => {
  test("a client created in an English panel without a language gets the panel's", async () => {
    const demo = createDemoApp({
      dataSource: database().dataSource,
      mailer: nullMailer,
      sessionSecret: 'e'.repeat(32),
      language: 'en',
      origins: [TEST_ORIGIN],
    })
    await seedAdmins(database().dataSource, demo.clients.passwordHasher, DEMO_PASSWORD)
    const agent = request.agent(demo.app).set('Origin', TEST_ORIGIN)
    await agent
      .post('/admin/login')
      .type('form')
      .send({ email: 'admin@example.com', password: DEMO_PASSWORD })
    const res = await agent
      .post('/admin/api/resources/Client/actions/new')
      .type('form')
      .send({ lastName: 'English', firstName: 'Ann', email: 'ann.english@example.com' })
    expect(res.status).toBe(200)
    const client = await database()
      .dataSource.getRepository(Client)
      .findOneByOrFail({ email: 'ann.english@example.com' })
    expect(client.locale).toBe('en')
  })

  test('an IPv4-mapped address is recorded as IPv4 by the client area, as by the panel', async () => {
    const demo = createDemoApp({
      dataSource: database().dataSource,
      mailer: nullMailer,
      sessionSecret: 'i'.repeat(32),
    })
    await demo.clients.accounts.register({
      lastName: 'Mapped',
      firstName: 'Address',
      email: 'mapped.address@example.com',
      password: 'violet-harbour-lantern-42',
      ip: '::ffff:192.0.2.44',
    })
    const client = await database()
      .dataSource.getRepository(Client)
      .findOneByOrFail({ email: 'mapped.address@example.com' })
    const events = database().dataSource.getRepository(ClientEvent)
    expect((await events.findOneByOrFail({ clientId: client.id, type: 'created' })).ip).toBe('192.0.2.44')
    await demo.clients.lifecycle.addNote(
      { type: 'admin', email: 'admin@example.com', ip: '::ffff:192.0.2.45' },
      client.id,
      {
        body: 'mapped address',
      },
    )
    expect((await events.findOneByOrFail({ clientId: client.id, type: 'note_added' })).ip).toBe('192.0.2.45')
  })
})
