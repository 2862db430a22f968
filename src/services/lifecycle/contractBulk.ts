import { In } from 'typeorm'
import { Advisor } from '../../entities/Advisor.js'
import { Contract } from '../../entities/Contract.js'
import type { ContractStatus } from '../../entities/columns.js'
import type { Actor } from '../core/requestValues.js'
import { change, eventRow, insertEvents, inTransaction, isMysqlFamily } from '../core/transaction.js'
import { InvalidInputError } from '../core/errors.js'
import type { ChangeAdvisorInput, ChangeContractStatusInput } from '../../shared/actionInputs/contractBulk.js'
import type { LifecycleDeps } from './lifecycleDeps.js'
import { refreshClientAdvisors } from '../core/clientAdvisors.js'

export interface ContractChangeResult {
  /** Contracts changed (those that already had the value are left alone). */
  contracts: number
  /** Clients concerned: one `contracts_changed` event each. */
  clients: number
}

/** Gives many contracts the advisor of that code (`unknownAdvisorCode` if there is none). */
export async function changeContractAdvisor(
  deps: Pick<LifecycleDeps, 'dataSource'>,
  actor: Actor,
  ids: number[],
  { advisorCode }: ChangeAdvisorInput,
): Promise<ContractChangeResult> {
  const advisor = await deps.dataSource.getRepository(Advisor).findOneBy({ code: advisorCode })
  if (!advisor) throw new InvalidInputError({ advisorCode: 'unknownAdvisorCode' })
  return changeContracts(deps, actor, ids, 'advisorId', advisor.id)
}

/** Gives many contracts another status. */
export function changeContractStatus(
  deps: Pick<LifecycleDeps, 'dataSource'>,
  actor: Actor,
  ids: number[],
  { status }: ChangeContractStatusInput,
): Promise<ContractChangeResult> {
  return changeContracts(deps, actor, ids, 'status', status)
}

/**
 * Gives many contracts a new advisor or a new status in one transaction: one UPDATE, and one
 * `contracts_changed` event per client concerned (its contracts, each one's old value).
 */
async function changeContracts(
  { dataSource }: Pick<LifecycleDeps, 'dataSource'>,
  actor: Actor,
  ids: number[],
  field: 'advisorId' | 'status',
  value: number | ContractStatus,
): Promise<ContractChangeResult> {
  const unique = [...new Set(ids.filter((id) => Number.isInteger(id)))]
  if (unique.length === 0) return { contracts: 0, clients: 0 }
  return inTransaction(dataSource, async (manager) => {
    const contracts = await manager.find(Contract, {
      select: { id: true, clientId: true, advisorId: true, status: true },
      where: { id: In(unique) },
      lock: isMysqlFamily(dataSource) ? { mode: 'pessimistic_write' } : undefined,
    })
    const changing = contracts.filter((k) => k[field] !== value)
    if (changing.length === 0) return { contracts: 0, clients: 0 }
    await manager
      .createQueryBuilder()
      .update(Contract)
      .set({ [field]: value })
      .where('id IN (:...ids)', { ids: changing.map((k) => k.id) })
      .execute()
    if (field === 'advisorId')
      await refreshClientAdvisors(
        manager,
        changing.map((k) => k.clientId),
      )
    const byClient = new Map<number, Contract[]>()
    for (const k of changing) {
      if (k.clientId === null) continue
      byClient.set(k.clientId, [...(byClient.get(k.clientId) ?? []), k])
    }
    await insertEvents(
      manager,
      [...byClient.entries()].map(([clientId, list]) =>
        eventRow(
          actor,
          clientId,
          'contracts_changed',
          null,
          list.map((k) => change(`contract ${k.id} ${field}`, k[field], value)),
          { contractIds: list.map((k) => k.id), field, to: value },
        ),
      ),
    )
    return { contracts: changing.length, clients: byClient.size }
  })
}
