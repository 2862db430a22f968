import type { Agent } from 'supertest'
import { In } from 'typeorm'
import { Client, ClientEvent, ClientNote, ClientToken, Commission, Contract, EmailLog } from '../src/index.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo, type SeededDemo } from './support/demoAgent.js'
import { clientApi, historyCounts } from './support/clientApi.js'

const TABLES = {
  contracts: Contract,
  commissions: Commission,
  emails: EmailLog,
  notes: ClientNote,
  history: ClientEvent,
}

describeEachDatabase('merging two clients', (database) => {
  let demo: SeededDemo
  let admin: Agent
  const ds = () => database().dataSource

  beforeAll(async () => {
    demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  /** Two active clients that both have contracts, commissions, emails, notes and history. */
  async function pair() {
    const repo = ds().getRepository(Client)
    const [keep, other] = await repo.save(
      [
        {
          lastName: 'Dupont',
          firstName: 'Jean',
          email: null,
          phone: '0600000001',
          city: 'Lyon',
          balance: '10.00',
          status: 'active',
        },
        {
          lastName: 'Dupond',
          firstName: 'Jean',
          email: `jean.dupond.${Date.now()}@example.fr`,
          city: 'Paris',
          balance: '5.50',
          status: 'active',
        },
      ].map((c) => repo.create(c as Partial<Client>)),
    )
    for (const c of [keep, other]) {
      const [contract] = await ds()
        .getRepository(Contract)
        .save([{ reference: `M-${c.id}`, clientId: c.id, product: 'PER' }])
      await ds()
        .getRepository(Commission)
        .save([
          { clientId: c.id, contractId: contract.id, amount: '10.00', period: '2026-01-01' },
          { clientId: c.id, contractId: contract.id, amount: '12.00', period: '2026-02-01' },
        ])
      await ds()
        .getRepository(EmailLog)
        .save({ clientId: c.id, to: 'x@example.fr', subject: 's', body: 'b', status: 'sent' })
      await ds().getRepository(ClientNote).save({ clientId: c.id, author: 'a', body: 'note' })
      await ds()
        .getRepository(ClientEvent)
        .save({ clientId: c.id, type: 'login', actorType: 'client', actor: 'c' })
      await ds()
        .getRepository(ClientToken)
        .save({
          clientId: c.id,
          purpose: 'password_reset',
          tokenHash: `${c.id}`.padEnd(64, 'a'),
          expiresAt: new Date(Date.now() + 3600_000),
        })
    }
    return { keep, other }
  }

  const rowsOf = async (clientId: number) =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(TABLES).map(async ([name, entity]) => [
          name,
          (
            await ds()
              .getRepository(entity as typeof Contract)
              .find({ select: { id: true }, where: { clientId } })
          )
            .map((r) => r.id)
            .sort((a, b) => a - b),
        ]),
      ),
    ) as Record<keyof typeof TABLES, number[]>

  test('every row moves to the kept client, chosen values survive, the other is soft-deleted and points to it', async () => {
    const { keep, other } = await pair()
    const before = { keep: await rowsOf(keep.id), other: await rowsOf(other.id) }
    const form = await clientApi(admin).bulkGet('mergeClients', [keep.id, other.id])
    expect(form.body.records).toHaveLength(2)

    const res = await clientApi(admin).bulk('mergeClients', [keep.id, other.id], {
      keepId: String(keep.id),
      'choice.email': 'other',
      'choice.city': 'other',
      'choice.lastName': 'keep',
    })
    expect(res.body.notice).toMatchObject({
      type: 'success',
      message: 'clientsMerged',
      options: { contracts: 1, commissions: 2, emails: 1, notes: 1, history: 1 },
    })

    const after = { keep: await rowsOf(keep.id), other: await rowsOf(other.id) }
    for (const name of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
      const expected = [...before.keep[name], ...before.other[name]]
      if (name === 'history') {
        // Plus the `merged` event of each.
        expect(after.keep.history).toEqual(expect.arrayContaining(expected))
        expect(after.keep.history).toHaveLength(expected.length + 1)
        expect(after.other.history).toHaveLength(1)
      } else {
        expect([name, after.keep[name]]).toEqual([name, expected.sort((a, b) => a - b)])
        expect([name, after.other[name]]).toEqual([name, []])
      }
    }
    const kept = await ds().getRepository(Client).findOneByOrFail({ id: keep.id })
    expect(kept).toMatchObject({
      lastName: 'Dupont',
      email: other.email,
      city: 'Paris',
      phone: '0600000001',
      balance: '15.50',
    })
    const merged = await ds().getRepository(Client).findOneByOrFail({ id: other.id })
    expect(merged).toMatchObject({ status: 'deleted', mergedIntoId: keep.id, email: null, balance: '0.00' })
    expect(await ds().getRepository(ClientToken).countBy({ clientId: other.id })).toBe(0)
    expect(await ds().getRepository(ClientToken).countBy({ clientId: keep.id })).toBe(1)

    const events = await ds()
      .getRepository(ClientEvent)
      .find({ where: { clientId: In([keep.id, other.id]), type: 'merged' } })
    expect(events).toHaveLength(2)
    const onKept = events.find((e) => e.clientId === keep.id)
    expect(onKept).toMatchObject({
      actor: 'admin@example.com',
      ip: '127.0.0.1',
      data: { keptId: keep.id, mergedId: other.id },
    })
    expect(onKept?.changes).toEqual(
      expect.arrayContaining([
        { field: 'email', from: null, to: other.email },
        { field: 'city', from: 'Lyon', to: 'Paris' },
        { field: 'balance', from: '10.00', to: '15.50' },
      ]),
    )
    // The kept client is found by the name it kept, the merged one is out of the list.
    const list = await clientApi(admin).list('?filters.q=dupon')
    const ids = list.body.records.map((r: { id: string }) => Number(r.id))
    expect(ids).toContain(keep.id)
    expect(ids).not.toContain(other.id)
  })

  test('refused without change: one client, three, a deleted one; support gets 403', async () => {
    const { keep, other } = await pair()
    const [third] = await ds()
      .getRepository(Client)
      .find({ where: { status: 'active' }, take: 1 })
    const [deleted] = await ds()
      .getRepository(Client)
      .find({ where: { status: 'deleted' }, take: 1 })
    const counts = await historyCounts(ds())
    const cases: [number[], string][] = [
      [[keep.id, other.id, third.id], 'mergeTwoClients'],
      [[keep.id], 'mergeTwoClients'],
      [[keep.id, deleted.id], 'isDeleted'],
    ]
    for (const [ids, message] of cases) {
      const res = await clientApi(admin).bulk('mergeClients', ids, { keepId: String(keep.id) })
      expect([ids.length, res.status, res.body.notice?.message]).toEqual([ids.length, 200, message])
    }
    const wrongKeep = await clientApi(admin).bulk('mergeClients', [keep.id, other.id], {
      keepId: String(third.id),
    })
    expect(wrongKeep.body.notice.message).toBe('mergeTwoClients')
    const support = await loginAs(demo.app, 'support@example.com')
    expect(
      (await clientApi(support).bulk('mergeClients', [keep.id, other.id], { keepId: String(keep.id) }))
        .status,
    ).toBe(403)
    expect(await historyCounts(ds())).toEqual(counts)
    expect((await ds().getRepository(Client).findOneByOrFail({ id: other.id })).status).toBe('active')
  })
})

describeEachDatabase('likely duplicates on create and edit', (database) => {
  let admin: Agent
  const ds = () => database().dataSource
  const create = (payload: Record<string, string>) =>
    admin.post('/admin/api/resources/Client/actions/new').type('form').send(payload)

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
    const repo = ds().getRepository(Client)
    await repo.save(
      [
        {
          lastName: 'Zubrowski',
          firstName: 'Jean',
          phone: '+33 6 12 34 56 78',
          postalCode: '69003',
          status: 'active',
        },
        { lastName: 'Quenelle', firstName: 'Anne', postalCode: '75011', status: 'active' },
      ].map((c) => repo.create(c as Partial<Client>)),
    )
  })

  const reasonsOf = (res: {
    body: { record: { errors: Record<string, { duplicates?: { lastName: string; reasons: string[] }[] }> } }
  }) => (res.body.record.errors.ignoreDuplicates?.duplicates ?? []).map((d) => [d.lastName, d.reasons])

  test('a close name, the same phone, the same name and postal code: listed, nothing saved until "save anyway"', async () => {
    const before = await ds().getRepository(Client).count()
    const close = await create({ lastName: 'Zubrowsky', firstName: 'Jean' })
    expect(close.body.notice).toMatchObject({ type: 'error', message: 'possibleDuplicateNotice' })
    expect(reasonsOf(close)).toEqual([['Zubrowski', ['closeName']]])
    const phone = await create({ lastName: 'Autre', firstName: 'Nom', phone: '06.12.34.56.78' })
    expect(reasonsOf(phone)).toEqual([['Zubrowski', ['samePhone']]])
    const postal = await create({ lastName: 'Quenelle', firstName: 'Anne', postalCode: '75 011' })
    expect(reasonsOf(postal)).toEqual([['Quenelle', ['sameNameAndPostalCode']]])
    expect(await ds().getRepository(Client).count()).toBe(before)

    const anyway = await create({ lastName: 'Zubrowsky', firstName: 'Jean', ignoreDuplicates: 'true' })
    expect(anyway.body.notice).toMatchObject({ type: 'success' })
    expect(await ds().getRepository(Client).count()).toBe(before + 1)
    const saved = await ds().getRepository(Client).findOneByOrFail({ lastName: 'Zubrowsky' })
    expect(saved).not.toHaveProperty('ignoreDuplicates')
    expect(saved.status).toBe('pending')
    // Created in the panel: the client and its `created` event in one go.
    const [created] = await ds().getRepository(ClientEvent).findBy({ clientId: saved.id, type: 'created' })
    expect(created).toMatchObject({ actor: 'admin@example.com', ip: '127.0.0.1' })
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { field: 'clientNumber', from: null, to: saved.clientNumber },
        { field: 'lastName', from: null, to: 'Zubrowsky' },
        { field: 'firstName', from: null, to: 'Jean' },
      ]),
    )
  })

  test('an edit that leaves name, email, phone and postal code alone is not stopped', async () => {
    const client = await ds().getRepository(Client).findOneByOrFail({ lastName: 'Zubrowsky' })
    const res = await clientApi(admin).record('edit', client.id, { city: 'Lyon' })
    expect(res.body.notice).toMatchObject({ type: 'success' })
    const renamed = await clientApi(admin).record('edit', client.id, { firstName: 'Jeann' })
    expect(reasonsOf(renamed)).toEqual([['Zubrowski', ['closeName']]])
  })
})
