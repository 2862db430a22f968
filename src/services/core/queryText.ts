import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm'

/**
 * The SQL of a query builder, made by TypeORM once per shape of query and per DataSource. A list
 * page builds three statements with TypeORM's builder (its filters are declared once, there);
 * `getQuery()` rewrites every property name of every alias with regular expressions on each call,
 * a quarter of a search's CPU in our handler. The text depends only on what the builder was told
 * (selects, joins, conditions, order, limit and offset), never on the parameters' values: the
 * same shape with other values is the same text, escaped with its own parameters. A builder
 * using something this key does not describe is built as before, every time.
 */
const MAX_SHAPES = 1000

type Alias = {
  name: string
  type: string
  hasMetadata: boolean
  metadata?: { tablePath: string }
  tablePath?: string
  subQuery?: string
}
type ExpressionMap = SelectQueryBuilder<ObjectLiteral>['expressionMap'] & {
  useIndex?: string
  comment?: string
}

const aliasKey = (a: Alias | undefined) =>
  a && [a.name, a.type, a.hasMetadata ? a.metadata?.tablePath : null, a.tablePath ?? null, a.subQuery ?? null]

/** What `getQuery()` reads, as a string; null when the builder uses a feature left out of the key. */
function shapeOf(map: ExpressionMap): string | null {
  if (
    map.queryType !== 'select' ||
    map.commonTableExpressions.length ||
    map.relationIdAttributes.length ||
    map.relationCountAttributes.length ||
    map.selectDistinct ||
    map.selectDistinctOn.length ||
    map.lockMode ||
    map.comment ||
    map.maxExecutionTime ||
    map.joinAttributes.some((j) => typeof j.entityOrProperty !== 'string' && j.relation)
  ) {
    return null
  }
  return JSON.stringify([
    map.aliases.map((a) => aliasKey(a as Alias)),
    map.mainAlias?.name,
    map.selects,
    map.joinAttributes.map((j) => [
      j.direction,
      typeof j.entityOrProperty === 'string' ? j.entityOrProperty : null,
      aliasKey(j.alias as Alias),
      j.condition ?? null,
      j.mapToProperty ?? null,
    ]),
    map.wheres,
    map.havings,
    map.orderBys,
    map.groupBys,
    map.skip ?? null,
    map.take ?? null,
    map.offset ?? null,
    map.limit ?? null,
    map.withDeleted,
    map.useIndex ?? null,
    map.subQuery,
    map.aliasNamePrefixingEnabled,
    map.disableEscaping,
  ])
}

const texts = new WeakMap<DataSource, Map<string, string>>()

/** `query.getQuery()`, made once per shape. */
export function queryText<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): string {
  const shape = shapeOf(query.expressionMap as ExpressionMap)
  if (shape === null) return query.getQuery()
  let known = texts.get(query.connection)
  if (!known) texts.set(query.connection, (known = new Map()))
  let text = known.get(shape)
  if (text === undefined) {
    // Offsets are part of the text (a page number each): past the bound, start again.
    if (known.size >= MAX_SHAPES) known.clear()
    text = query.getQuery()
    known.set(shape, text)
  }
  return text
}

/** `query.getQueryAndParameters()`, its text made once per shape: what `dataSource.query` takes. */
export function queryAndParameters<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
): [string, unknown[]] {
  return query.connection.driver.escapeQueryWithParameters(
    queryText(query),
    query.getParameters(),
    query.expressionMap.nativeParameters,
  )
}
