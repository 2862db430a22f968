import type { Agent } from 'supertest'
import { In, type DataSource } from 'typeorm'
import { Client, ClientEvent } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { clientApi } from './support/clientApi.js'

let batch = 0

/** `count` clients of their own (numbers `CMP…`), active with an English address unless told. */
async function makeClients(
  dataSource: DataSource,
  count: number,
  fields: (i: number) => Partial<Client> = () => ({}),
): Promise<Client[]> {
  batch += 1
  const tag = `${process.pid % 1000}${batch}`
  const rows = Array.from({ length: count }, (_, i) => ({
    clientNumber: `CMP${tag}X${String(i).padStart(4, '0')}`,
    lastName: `Campaign${tag}`,
    firstName: `Reader${i}`,
    email: `cmp${tag}.reader${i}@example.com`,
    status: 'active' as const,
    locale: 'en',
    emailConfirmedAt: new Date(),
    ...fields(i),
  }))
  // Saved as entities: the search columns are filled by the entity's listeners.
  const repository = dataSource.getRepository(Client)
  await repository.save(
    rows.map((r) => repository.create(r)),
    { chunk: 200 },
  )
  return repository.find({
    where: { clientNumber: In(rows.map((r) => r.clientNumber)) },
    order: { id: 'ASC' },
  })
}

describeEachDatabase('campaigns: consent, segment, delivery, unsubscribe', (database) => {
  let demo: SeededDemo
  let admin: Agent
  let support: Agent
  const ds = () => database().dataSource

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    support = await loginAs(demo.app, 'support@example.com')
  })

  test('marketing consent: set from the panel with its date and source, one event, filterable; support may not', async () => {
    const [a, b] = await makeClients(ds(), 2)
    const res = await clientApi(admin).record('marketingConsent', a.id, { consent: 'out' })
    expect(res.status).toBe(200)
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'marketingConsentSaved' })
    const saved = await ds().getRepository(Client).findOneByOrFail({ id: a.id })
    expect(saved).toMatchObject({ marketingConsent: 'out', marketingConsentSource: 'panel' })
    expect(saved.marketingConsentAt).toBeInstanceOf(Date)
    const events = await ds()
      .getRepository(ClientEvent)
      .findBy({ clientId: a.id, type: 'marketing_consent_changed' })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actor: 'admin@example.com',
      changes: [{ field: 'marketingConsent', from: null, to: 'out' }],
      data: { source: 'panel' },
    })
    // The same consent again: no second event.
    await clientApi(admin).record('marketingConsent', a.id, { consent: 'out' })
    expect(
      await ds().getRepository(ClientEvent).countBy({ clientId: a.id, type: 'marketing_consent_changed' }),
    ).toBe(1)
    // A bad value is a field error, never a 500.
    const bad = await clientApi(admin).record('marketingConsent', b.id, { consent: 'maybe' })
    expect(bad.status).toBe(200)
    expect(bad.body.record?.errors?.consent?.message).toBe('fieldRequired')
    expect((await clientApi(support).record('marketingConsent', b.id, { consent: 'in' })).status).toBe(403)
    // The list filters on it; the client page shows it.
    const list = await clientApi(admin).list(
      `?perPage=500&filters.q=${encodeURIComponent(a.lastName)}&filters.marketingConsent=out`,
    )
    expect((list.body.records as { id: string }[]).map((r) => Number(r.id))).toEqual([a.id])
    const never = await clientApi(admin).list(
      `?perPage=500&filters.q=${encodeURIComponent(a.lastName)}&filters.marketingConsent=unknown`,
    )
    expect((never.body.records as { id: string }[]).map((r) => Number(r.id))).toEqual([b.id])
    const show = await admin.get(`/admin/api/resources/Client/records/${a.id}/show`)
    expect(show.body.record.params).toMatchObject({
      marketingConsent: 'out',
      marketingConsentSource: 'panel',
    })
  })
})
