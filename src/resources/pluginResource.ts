import { BaseRecord, ValidationError } from 'adminjs'
import { Resource } from '@adminjs/typeorm'
import type { BaseEntity, DataSource, EntityManager, ObjectLiteral } from 'typeorm'
import { contractLinksTouched, refreshClientAdvisors } from '../services/core/clientAdvisors.js'
import { inTransaction, retryRead } from '../services/core/transaction.js'
import { EntityRows } from '../services/core/entityRows.js'

type Params = Record<string, unknown>

/**
 * A person as a reference names them, everywhere a client or an advisor is picked or shown
 * (lists, filters, forms): last name, first name and their number or code, `Leclerc Jean · C5576349`.
 */
export function personTitle(lastName: unknown, firstName: unknown, number: unknown): string {
  const name = [lastName, firstName]
    .filter((part) => part !== null && part !== undefined && String(part).trim() !== '')
    .join(' ')
  const tail = number === null || number === undefined || number === '' ? '' : String(number)
  return name && tail ? `${name} · ${tail}` : name || tail
}

/**
 * How a client or an advisor is named wherever it is referenced (a commission's client, the
 * advisor picked in a filter): AdminJS would show its title property, the last name alone.
 */
const TITLES: Record<string, (params: Params) => string> = {
  Client: (p) => personTitle(p.lastName, p.firstName, p.clientNumber),
  Advisor: (p) => personTitle(p.lastName, p.firstName, p.code),
}

type Properties = Record<string, ReturnType<Resource['property']>>

type Row = ObjectLiteral
/**
 * What a save or a removal through AdminJS's built-in new, edit and delete changes beyond its
 * row: the clients whose advisor filter rows (`client_advisors`) it touches, refreshed in its
 * transaction. (A client's new and edit are the lifecycle's, which refreshes them itself.)
 */
const KEPT_IN_STEP: Record<string, (before: Row | null, after: Row | null) => (number | null)[]> = {
  Contract: contractLinksTouched,
}

/** The adapter's answer to a statement the database refused (a foreign key, a NOT NULL): field errors. */
async function refusedAsValidation<T>(write: () => Promise<T>, onDelete = false): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'QueryFailedError') throw error
    const column = (error as Error & { column?: string }).column
    throw onDelete
      ? new ValidationError({}, { type: 'QueryFailedError', message: error.message })
      : new ValidationError({ [String(column)]: { type: 'QueryFailedError', message: error.message } })
  }
}

/**
 * AdminJS's TypeORM adapter for the plugin's own entities, with three changes: a person's title
 * (below), a contract's save or removal in one transaction with the rows it keeps in step
 * (KEPT_IN_STEP), and a record read by id
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
  private readonly touched?: (before: Row | null, after: Row | null) => (number | null)[]

  constructor(
    private readonly entity: typeof BaseEntity,
    private readonly dataSource: DataSource,
  ) {
    super(entity)
    this.title = TITLES[entity.name]
    this.touched = KEPT_IN_STEP[entity.name]
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
    const decorator = this.decorate()
    // Its properties are fixed once decorated: AdminJS's populator (every record action, every
    // list) and the resource's JSON read them flattened, which AdminJS works out again on each call.
    const flattened = decorator.getFlattenProperties()
    decorator.getFlattenProperties = () => flattened
    const title = this.title
    if (!title) return
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

  // AdminJS's new and edit save through the adapter's validateAndSave (a new row, or the row read
  // by id with the form's values), its delete and bulk delete through delete: for an entity whose
  // writes touch more than its row (KEPT_IN_STEP), each is one of our transactions with the rows
  // it keeps in step. A statement the database refuses is answered as the adapter answers it.
  override async validateAndSave(instance: BaseEntity): Promise<void> {
    const touched = this.touched
    if (!touched || Resource.validate) return super.validateAndSave(instance)
    const values = { ...instance }
    const id = (values as Row)[this.idName()]
    const saved = await refusedAsValidation(() =>
      inTransaction(this.dataSource, async (manager) => {
        const before = id === undefined || id === null ? null : await this.read(manager, id)
        // A new entity per attempt: a retried transaction starts from the form's values again.
        const row = await manager.save(manager.create(this.entity, values))
        await refreshClientAdvisors(manager, touched(before, row))
        return row
      }),
    )
    Object.assign(instance, saved)
  }

  override async delete(pk: string | number): Promise<void> {
    const touched = this.touched
    if (!touched) return super.delete(pk)
    await refusedAsValidation(
      () =>
        inTransaction(this.dataSource, async (manager) => {
          const before = await this.read(manager, pk)
          if (!before) return
          await manager.remove(before)
          await refreshClientAdvisors(manager, touched(before, null))
        }),
      true,
    )
  }

  private read(manager: EntityManager, id: unknown): Promise<Row | null> {
    return manager.findOneBy(this.entity, { [this.idName()]: id })
  }
}

// The adapter reads the properties in its constructor; ours waits for the first use (above).
Object.defineProperty(PluginResource.prototype, 'prepareProps', { value: () => undefined })
