import type { DataSource, EntityManager } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import { ClientEvent } from '../../entities/ClientEvent.js'
import { Contract } from '../../entities/Contract.js'
import type { ContractStatus } from '../../entities/columns.js'
import { chunks, isMysqlFamily } from '../core/transaction.js'

function addTo(byClient: Map<number, number[]>, contract: Contract): void {
  byClient.set(contract.clientId as number, [
    ...(byClient.get(contract.clientId as number) ?? []),
    contract.id,
  ])
}

async function updateContracts(
  manager: EntityManager,
  ids: number[],
  from: ContractStatus[],
  to: ContractStatus,
): Promise<void> {
  for (const part of chunks(ids)) {
    await manager
      .createQueryBuilder()
      .update(Contract)
      .set({ status: to })
      .where('id IN (:...ids)', { ids: part })
      .andWhere('status IN (:...from)', { from })
      .execute()
  }
}

/**
 * Sets `to` on the clients' contracts now in one of `from` (only those of `only` when given:
 * the contracts ticked in the form; ids of other clients' contracts are ignored); returns the
 * contract ids per client.
 */
export async function setContractStatus(
  dataSource: DataSource,
  manager: EntityManager,
  clients: Client[],
  from: ContractStatus[],
  to: ContractStatus,
  only: number[] | null = null,
): Promise<Map<number, number[]>> {
  const byClient = new Map<number, number[]>()
  if (only && only.length === 0) return byClient
  for (const part of chunks(clients.map((c) => c.id))) {
    const qb = manager
      .createQueryBuilder(Contract, 'k')
      .select(['k.id', 'k.clientId'])
      .where('k.clientId IN (:...ids)', { ids: part })
      .andWhere('k.status IN (:...from)', { from })
    if (only) qb.andWhere('k.id IN (:...only)', { only })
    if (isMysqlFamily(dataSource)) qb.setLock('pessimistic_write')
    for (const contract of await qb.getMany()) addTo(byClient, contract)
  }
  await updateContracts(manager, [...byClient.values()].flat(), from, to)
  return byClient
}

/**
 * The contracts each client's latest suspension suspended and that are still suspended: not
 * one suspended by hand or by an earlier suspension.
 */
export async function reactivateSuspendedContracts(
  dataSource: DataSource,
  manager: EntityManager,
  clients: Client[],
): Promise<Map<number, number[]>> {
  const candidates: number[] = []
  for (const part of chunks(clients.map((c) => c.id))) {
    const latest = manager
      .createQueryBuilder(ClientEvent, 'l')
      .select('MAX(l.id)')
      .where('l.type = :type')
      .andWhere('l.clientId IN (:...ids)')
      .groupBy('l.clientId')
    const events = await manager
      .createQueryBuilder(ClientEvent, 'e')
      .where(`e.id IN (${latest.getQuery()})`)
      .setParameters({ type: 'suspended', ids: part })
      .getMany()
    for (const event of events) {
      const ids = event.data?.contractIds
      if (Array.isArray(ids)) candidates.push(...ids.filter((id): id is number => Number.isInteger(id)))
    }
  }
  const byClient = new Map<number, number[]>()
  const clientIds = new Set(clients.map((c) => c.id))
  for (const part of chunks(candidates)) {
    const qb = manager
      .createQueryBuilder(Contract, 'k')
      .select(['k.id', 'k.clientId'])
      .where('k.id IN (:...ids)', { ids: part })
      .andWhere('k.status = :status', { status: 'suspended' })
    if (isMysqlFamily(dataSource)) qb.setLock('pessimistic_write')
    for (const contract of await qb.getMany()) {
      // A contract moved to another client since is not this client's to take back.
      if (clientIds.has(contract.clientId as number)) addTo(byClient, contract)
    }
  }
  await updateContracts(manager, [...byClient.values()].flat(), ['suspended'], 'active')
  return byClient
}
