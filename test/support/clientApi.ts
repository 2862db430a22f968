import type { Agent } from 'supertest'
import { In, type DataSource } from 'typeorm'
import { Client, ClientEvent, ClientNote, ClientToken, Contract, EmailLog } from '../../src/index.js'

type Payload = Record<string, string>

/** The Client resource's actions through AdminJS's HTTP API, as the panel calls them. */
export function clientApi(agent: Agent) {
  const base = '/admin/api/resources/Client'
  return {
    /** GET: what the form needs; nothing may change. */
    show: (action: string, id: number | string) => agent.get(`${base}/records/${id}/${action}`),
    /** POST, form-encoded as a browser form would be. */
    record: (action: string, id: number | string, payload: Payload = {}) =>
      agent.post(`${base}/records/${id}/${action}`).type('form').send(payload),
    bulk: (action: string, ids: (number | string)[], payload: Payload = {}) =>
      agent
        .post(`${base}/bulk/${action}?recordIds=${ids.join(',')}`)
        .type('form')
        .send(payload),
    bulkGet: (action: string, ids: (number | string)[]) =>
      agent.get(`${base}/bulk/${action}?recordIds=${ids.join(',')}`),
    list: (query = '') => agent.get(`${base}/actions/list${query}`),
  }
}

/** Row counts of everything an action may write: compared before and after a refused call. */
export async function historyCounts(dataSource: DataSource) {
  const [events, emails, notes, tokens] = await Promise.all([
    dataSource.getRepository(ClientEvent).count(),
    dataSource.getRepository(EmailLog).count(),
    dataSource.getRepository(ClientNote).count(),
    dataSource.getRepository(ClientToken).count(),
  ])
  return { events, emails, notes, tokens }
}

/** Snapshot of clients (all columns we may touch, secrets included) to prove nothing changed. */
export async function clientSnapshot(dataSource: DataSource, ids: number[]) {
  const clients = await dataSource
    .getRepository(Client)
    .createQueryBuilder('c')
    .addSelect(['c.passwordHash', 'c.twoFactorSecret'])
    .where('c.id IN (:...ids)', { ids })
    .orderBy('c.id')
    .getMany()
  const contracts = await dataSource
    .getRepository(Contract)
    .find({ where: { clientId: In(ids) }, order: { id: 'ASC' } })
  return { clients, contracts }
}

/** The newest EmailLog row of a client for a template (the seed has older ones). */
export async function lastEmailOf(dataSource: DataSource, clientId: number, template: string) {
  return dataSource
    .getRepository(EmailLog)
    .findOneOrFail({ where: { clientId, template }, order: { id: 'DESC' } })
}

export async function eventsOf(dataSource: DataSource, clientId: number, type?: string) {
  return dataSource.getRepository(ClientEvent).find({
    where: type ? { clientId, type: type as ClientEvent['type'] } : { clientId },
    order: { id: 'ASC' },
  })
}
