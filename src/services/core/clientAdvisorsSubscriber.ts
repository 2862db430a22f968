import { EventSubscriber } from 'typeorm'
import type { EntitySubscriberInterface, InsertEvent, RemoveEvent, UpdateEvent } from 'typeorm'
import { Client } from '../../entities/Client.js'
import { Contract } from '../../entities/Contract.js'
import { refreshClientAdvisors } from './clientAdvisors.js'

// A foreign key column may be reported as its relation (`client` for `clientId`).
const touches = (event: UpdateEvent<Client | Contract>, names: string[]) =>
  event.updatedColumns.some((c) => names.includes(c.propertyName)) ||
  event.updatedRelations.some((r) => names.includes(`${r.propertyName}Id`))

/**
 * Keeps `client_advisors` in step with a client or a contract a host's own code saves or removes
 * as an entity (`manager.save`), in the transaction TypeORM runs the save in. The plugin's own
 * writers refresh it themselves (AdminJS's contract new, edit and delete in
 * resources/pluginResource.ts, the services with refreshClientAdvisors), so it is no longer
 * added to the host's DataSource: a host lists it (`clientManagementSubscribers`) only if its code
 * saves clients or contracts; the plugin's own DataSource (`clientManagementDataSource`) has it.
 * Query builders and raw SQL do not come here (TypeORM gives them no row identity).
 */
// The decorator lets a DataSource's `subscribers` option take the class (TypeORM keeps only decorated ones).
@EventSubscriber()
export class ClientAdvisorsSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<Client | Contract>): Promise<void> {
    // No entityId: a query builder's insert (bulk writers refresh on their own).
    if (!event.entityId) return
    if (event.metadata.target === Client) {
      const client = event.entity as Client
      if (client.advisorId) await refreshClientAdvisors(event.manager, [client.id])
    } else if (event.metadata.target === Contract) {
      const contract = event.entity as Contract
      if (contract.advisorId && contract.clientId)
        await refreshClientAdvisors(event.manager, [contract.clientId])
    }
  }

  async afterUpdate(event: UpdateEvent<Client | Contract>): Promise<void> {
    // No databaseEntity: a query builder's update.
    if (!event.databaseEntity || !event.entity) return
    if (event.metadata.target === Client) {
      if (touches(event, ['advisorId', 'lastName', 'status'])) {
        await refreshClientAdvisors(event.manager, [(event.databaseEntity as Client).id])
      }
    } else if (event.metadata.target === Contract && touches(event, ['advisorId', 'clientId'])) {
      await refreshClientAdvisors(event.manager, [
        (event.databaseEntity as Contract).clientId,
        (event.entity as Contract).clientId,
      ])
    }
  }

  async afterRemove(event: RemoveEvent<Client | Contract>): Promise<void> {
    // A client's links go with it (foreign key); a contract's advisor may stay through another.
    if (event.metadata.target !== Contract) return
    const contract = (event.databaseEntity ?? event.entity) as Contract | undefined
    if (contract?.clientId) await refreshClientAdvisors(event.manager, [contract.clientId])
  }
}
