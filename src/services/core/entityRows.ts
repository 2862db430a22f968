import type { DataSource, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { DriverUtils } from 'typeorm/driver/DriverUtils.js'
import { queryAndParameters } from './queryText.js'

type ColumnMetadata = EntityMetadata['columns'][number]

/**
 * Loads entities by primary key with one prepared statement: the columns TypeORM selects by
 * default (never a `select: false` one, such as a secret), hydrated by the driver exactly as
 * `findOneBy`/`findBy` hydrate them, without building the query again on every call (TypeORM's
 * query builder costs more than the query itself on a client page). No relation is loaded,
 * as with `findOneBy` (the plugin's entities have no eager relation).
 */
export class EntityRows<T extends ObjectLiteral> {
  private prepared?: {
    metadata: EntityMetadata
    columns: ColumnMetadata[]
    /** Per column, the entity's property it sets: a plain column's name, or null (an embedded one, set by TypeORM). */
    properties: (string | null)[]
    select: string
    key: string
  }

  /** Per alias of a query, the names its rows carry each column under (`c_lastName`). */
  private readonly aliased = new Map<string, string[]>()

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: new () => T,
  ) {}

  private static readonly shared = new WeakMap<DataSource, Map<unknown, unknown>>()

  /** The loader of this entity on this DataSource, made once (its statement is built once). */
  static of<E extends ObjectLiteral>(dataSource: DataSource, entity: new () => E): EntityRows<E> {
    let byEntity = EntityRows.shared.get(dataSource)
    if (!byEntity) EntityRows.shared.set(dataSource, (byEntity = new Map()))
    let rows = byEntity.get(entity)
    if (!rows) byEntity.set(entity, (rows = new EntityRows(dataSource, entity)))
    return rows as EntityRows<E>
  }

  /** The statement, built once the DataSource knows the entity (after `initialize`). */
  private statement() {
    if (!this.prepared) {
      const metadata = this.dataSource.getMetadata(this.entity)
      const columns = metadata.columns.filter(
        (c) => c.isSelect && !c.isVirtual && !c.relationMetadata?.isEager,
      )
      const escape = (name: string) => this.dataSource.driver.escape(name)
      this.prepared = {
        metadata,
        columns,
        properties: columns.map((c) => (c.embeddedMetadata ? null : c.propertyName)),
        select: `SELECT ${columns.map((c) => escape(c.databaseName)).join(', ')} FROM ${escape(metadata.tableName)}`,
        key: escape(metadata.primaryColumns[0].databaseName),
      }
    }
    return this.prepared
  }

  private hydrate(raw: Record<string, unknown>, keys?: string[]): T {
    const { metadata, columns, properties } = this.statement()
    const driver = this.dataSource.driver
    const entity = metadata.create() as T
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i]
      const value = driver.prepareHydratedValue(raw[keys ? keys[i] : column.databaseName], column)
      // A plain column is set as TypeORM's setEntityValue sets it (no selected column is virtual).
      const property = properties[i]
      if (property === null) column.setEntityValue(entity, value)
      else (entity as Record<string, unknown>)[property] = value
    }
    return entity
  }

  /**
   * The entities a query builder selects with `getMany()` (no join selected): TypeORM builds
   * the SQL once per shape, the rows are hydrated here, the same values at a fraction of `getMany`'s cost.
   */
  async fromQuery(query: SelectQueryBuilder<T>): Promise<T[]> {
    let keys = this.aliased.get(query.alias)
    if (!keys) {
      keys = this.statement().columns.map((c) =>
        DriverUtils.buildAlias(this.dataSource.driver, undefined, query.alias, c.databaseName),
      )
      this.aliased.set(query.alias, keys)
    }
    // Its text made once per shape of query (queryText.ts).
    const [sql, parameters] = queryAndParameters(query)
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, parameters)
    return rows.map((raw) => this.hydrate(raw, keys))
  }

  async one(id: string | number): Promise<T | null> {
    const { select, key } = this.statement()
    const [raw] = await this.dataSource.query(`${select} WHERE ${key} = ?`, [id])
    return raw ? this.hydrate(raw) : null
  }

  /**
   * The entities whose `column` is one of `values` and `also` one of its values, in `order`
   * (columns, ascending), as `find({ where: { column: In(values), also: In(…) }, order })`
   * gives them; read through `runner` (a transaction's manager, or the DataSource).
   */
  async whereIn(
    runner: Pick<DataSource, 'query'>,
    where: Record<string, readonly (string | number)[]>,
    order: readonly string[],
  ): Promise<T[]> {
    const { select } = this.statement()
    const escape = (name: string) => this.dataSource.driver.escape(name)
    const lists = Object.entries(where)
    if (lists.some(([, values]) => values.length === 0)) return []
    const rows: Record<string, unknown>[] = await runner.query(
      `${select} WHERE ${lists.map(([column, values]) => `${escape(column)} IN (${values.map(() => '?').join(', ')})`).join(' AND ')} ORDER BY ${order.map((column) => `${escape(column)} ASC`).join(', ')}`,
      lists.flatMap(([, values]) => values),
    )
    return rows.map((raw) => this.hydrate(raw))
  }

  /** In no particular order, as `findBy({ id: In(ids) })`. */
  async many(ids: (string | number)[]): Promise<T[]> {
    if (ids.length === 0) return []
    const { select, key } = this.statement()
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${select} WHERE ${key} IN (${ids.map(() => '?').join(', ')})`,
      ids,
    )
    return rows.map((raw) => this.hydrate(raw))
  }
}
