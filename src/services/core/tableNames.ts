import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm'

/**
 * The quoted table of an entity for raw SQL, from TypeORM's metadata: it follows the host's
 * `entityPrefix` and naming strategy (test/tableNames.test.ts keeps literal names out of SQL).
 */
export function tableOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  return dataSource.driver.escape(dataSource.getMetadata(entity).tableName)
}
