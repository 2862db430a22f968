import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm'

/**
 * The rows whose `column` is one of `values`, with only `columns` read: one query with one
 * spread parameter (`IN (:...values)`). `find({ where: { column: In(values) } })` makes a
 * parameter per value and copies every parameter so far for each new one, which is quadratic
 * in the number of values: 0.6 s of CPU for an import of 100,000 rows in chunks of thousands.
 */
export function findIn<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  columns: readonly (keyof T & string)[],
  column: keyof T & string,
  values: readonly unknown[],
): Promise<T[]> {
  if (values.length === 0) return Promise.resolve([])
  return manager
    .createQueryBuilder(entity, 'x')
    .select(columns.map((c) => `x.${c}`))
    .where(`x.${column} IN (:...values)`, { values })
    .getMany()
}
