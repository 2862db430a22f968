import { BaseRecord } from 'adminjs'
import { Resource } from '@adminjs/typeorm'
import type { BaseEntity, DataSource } from 'typeorm'
import { retryRead } from '../services/core/transaction.js'
import { EntityRows } from '../services/core/entityRows.js'
import { personTitle } from '../shared/displayFormat.js'

type Params = Record<string, unknown>

/**
 * How a client or an advisor is named wherever it is referenced (a commission's client, the
 * advisor picked in a filter): AdminJS would show its title property, the last name alone.
 */
const TITLES: Record<string, (params: Params) => string> = {
  Client: (p) => personTitle(p.lastName, p.firstName, p.clientNumber),
  Advisor: (p) => personTitle(p.lastName, p.firstName, p.code),
}

type Properties = Record<string, ReturnType<Resource['property']>>

/**
 * AdminJS's TypeORM adapter for the plugin's own entities, with two changes: a person's title
 * (below), and a record read by id
 * (every record action, and the populate of references on every list and page) is one prepared
 * statement (services/core/entityRows.ts) instead of a query TypeORM builds again each time,
 * which cost more than the query on the client page. Everything else is the adapter's.
 * The properties are read at first use: the DataSource may be initialized after
 * `createClientManagement`, as long as it is before `new AdminJS`.
 */
export class PluginResource extends Resource {
  private readonly rows: EntityRows<BaseEntity>
  private lazyProperties?: Properties
  private readonly title?: (params: Params) => string

  constructor(entity: typeof BaseEntity, dataSource: DataSource) {
    super(entity)
    this.title = TITLES[entity.name]
    this.rows = EntityRows.of(dataSource, entity as unknown as new () => BaseEntity)
  }

  private known(): Properties {
    const prepare = (Resource.prototype as unknown as { prepareProps: (this: Resource) => Properties })
      .prepareProps
    this.lazyProperties ??= prepare.call(this)
    return this.lazyProperties
  }

  // AdminJS titles a record by one property (`titleOf`); a person is titled by its full name
  // and number instead, in every record this resource gives (rows, references, search answers).
  override assignDecorator(...args: Parameters<Resource['assignDecorator']>): void {
    super.assignDecorator(...args)
    const title = this.title
    if (!title) return
    const decorator = this.decorate()
    decorator.titleOf = (record: BaseRecord) => title(record.params)
  }

  override properties(): ReturnType<Resource['properties']> {
    return Object.values(this.known())
  }

  override property(path: string): ReturnType<Resource['property']> {
    return this.known()[path]
  }

  // Reads by id are tried again on a new connection when theirs was lost (a failover, a KILL):
  // every record action reads its record first, and a page reads its references.
  override async findOne(id: string | number): Promise<BaseRecord | null> {
    const entity = await retryRead(() => this.rows.one(id))
    return entity ? new BaseRecord(entity, this) : null
  }

  override async findMany(ids: (string | number)[]): Promise<BaseRecord[]> {
    return (await retryRead(() => this.rows.many(ids))).map((entity) => new BaseRecord(entity, this))
  }
}

// The adapter reads the properties in its constructor; ours waits for the first use (above).
Object.defineProperty(PluginResource.prototype, 'prepareProps', { value: () => undefined })
