// Suspend and ban suspend or terminate only the contracts ticked in their form (issue 16);
// reactivation brings back exactly those.
import type { Agent } from 'supertest'
import { In } from 'typeorm'
import { Client, Contract } from '../src/index.js'
import { findClient, findClients } from './support/findClients.js'
import { describeEachDatabase } from './support/databases.js'
import { loginAs, seededDemo } from './support/demoAgent.js'
import { clientApi, eventsOf, historyCounts } from './support/clientApi.js'

describeEachDatabase('the contracts ticked in the suspend and ban forms', (database) => {
  let admin: Agent
  const ds = () => database().dataSource
  const contracts = () => ds().getRepository(Contract)
  const statusOf = async (ids: number[]) =>
    Object.fromEntries((await contracts().findBy({ id: In(ids) })).map((k) => [k.id, k.status]))

  /** An active client with three active contracts of its own, and another client's contract. */
  async function clientWithThreeContracts() {
    const [client, other] = await findClients(ds(), { status: 'active' }, 2)
    const made = await contracts().save(
      [1, 2, 3].map((n) => ({
        reference: `CHOICE-${client.id}-${n}`,
        clientId: client.id,
        product: 'Assurance vie',
        status: 'active' as const,
      })),
    )
    const foreign = await contracts().save({
      reference: `CHOICE-OTHER-${other.id}`,
      clientId: other.id,
      product: 'SCPI',
      status: 'active',
    })
    const all = await contracts().findBy({ clientId: client.id, status: 'active' })
    return { client, ticked: made[0], kept: all.filter((k) => k.id !== made[0].id), foreign }
  }

  beforeAll(async () => {
    const demo = await seededDemo(database())
    admin = await loginAs(demo.app, 'admin@example.com')
  })

  test('suspend: only the ticked contract is suspended (another client’s id is ignored); reactivation brings back exactly it', async () => {
    const { client, ticked, kept, foreign } = await clientWithThreeContracts()
    const res = await clientApi(admin).record('suspend', client.id, {
      reason: 'Impayé',
      contractIds: `${ticked.id},${foreign.id}`,
    })
    expect(res.body.notice).toMatchObject({ type: 'success', message: 'clientSuspended' })
    expect(await statusOf([ticked.id])).toEqual({ [ticked.id]: 'suspended' })
    expect(Object.values(await statusOf(kept.map((k) => k.id)))).toEqual(kept.map(() => 'active'))
    expect((await contracts().findOneByOrFail({ id: foreign.id })).status).toBe('active')
    const [event] = await eventsOf(ds(), client.id, 'suspended')
    expect(event.data?.contractIds).toEqual([ticked.id])

    await clientApi(admin).record('reactivate', client.id, { contracts: 'true' })
    expect(await statusOf([ticked.id])).toEqual({ [ticked.id]: 'active' })
    const [back] = await eventsOf(ds(), client.id, 'reactivated')
    expect(back.data?.contractIds).toEqual([ticked.id])
  })

  test('suspend with no contract ticked suspends the client alone', async () => {
    const { client, ticked, kept } = await clientWithThreeContracts()
    await clientApi(admin).record('suspend', client.id, { reason: 'Contrôle', contractIds: '' })
    expect((await ds().getRepository(Client).findOneByOrFail({ id: client.id })).status).toBe('suspended')
    const all = [ticked, ...kept].map((k) => k.id)
    expect(Object.values(await statusOf(all))).toEqual(all.map(() => 'active'))
    expect((await eventsOf(ds(), client.id, 'suspended'))[0].data?.contractIds).toEqual([])
  })

  test('ban: only the ticked contracts are terminated', async () => {
    const { client, ticked, kept } = await clientWithThreeContracts()
    await clientApi(admin).record('ban', client.id, {
      reason: 'Fraude',
      contractIds: [ticked.id, kept[0].id].join(','),
    })
    expect(await statusOf([ticked.id, kept[0].id])).toEqual({
      [ticked.id]: 'terminated',
      [kept[0].id]: 'terminated',
    })
    expect(Object.values(await statusOf(kept.slice(1).map((k) => k.id)))).toEqual(
      kept.slice(1).map(() => 'active'),
    )
  })

  test('a list that is not contract ids is a field error, and nothing is written', async () => {
    const { client, ticked } = await clientWithThreeContracts()
    const before = await historyCounts(ds())
    for (const contractIds of ['abc', `${ticked.id};1`, '-3', '0']) {
      const res = await clientApi(admin).record('suspend', client.id, { reason: 'x', contractIds })
      expect(res.status).toBe(200)
      expect(res.body.record.errors.contractIds).toMatchObject({ message: 'badContractIds' })
    }
    expect(await historyCounts(ds())).toEqual(before)
    expect((await contracts().findOneByOrFail({ id: ticked.id })).status).toBe('active')
    expect((await ds().getRepository(Client).findOneByOrFail({ id: client.id })).status).toBe('active')
  })

  test('a client with 150 active contracts is offered all of them (one answer, active only); suspend with all ticked suspends all', async () => {
    const client = await findClient(ds(), { status: 'active' })
    await contracts().save(
      Array.from({ length: 150 }, (_, n) => ({
        reference: `MANY-${client.id}-${String(n).padStart(3, '0')}`,
        clientId: client.id,
        product: 'SCPI',
        status: 'active' as const,
      })),
    )
    await contracts().save({
      reference: `MANY-${client.id}-ended`,
      clientId: client.id,
      product: 'SCPI',
      status: 'terminated',
    })
    const active = await contracts().findBy({ clientId: client.id, status: 'active' })
    const res = await clientApi(admin).show('activeContracts', client.id)
    expect(res.status).toBe(200)
    const offered = res.body.activeContracts as { contracts: { id: number }[]; total: number }
    expect(offered.total).toBe(active.length)
    expect(offered.contracts.map((k) => k.id).sort((a, b) => a - b)).toEqual(
      active.map((k) => k.id).sort((a, b) => a - b),
    )
    // What the form sends back with every box ticked fits its field, and suspends every one.
    await clientApi(admin).record('suspend', client.id, {
      reason: 'Impayé',
      contractIds: offered.contracts.map((k) => k.id).join(','),
    })
    expect(await contracts().countBy({ clientId: client.id, status: 'active' })).toBe(0)
    expect(await contracts().countBy({ clientId: client.id, status: 'suspended' })).toBe(active.length)
  })
})
