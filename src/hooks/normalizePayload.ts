import type { Before } from 'adminjs'
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm'

/**
 * Before create and edit: trims strings, turns an empty field into NULL where the column is
 * nullable (an empty date or decimal would fail on MySQL), lower-cases `email` columns.
 */
export function normalizePayload(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): Before {
  return async (request) => {
    if (!request.payload || request.method !== 'post') return request
    const { columns } = dataSource.getMetadata(entity)
    const payload: Record<string, unknown> = { ...request.payload }
    for (const column of columns) {
      const key = column.propertyName
      if (!(key in payload) || typeof payload[key] !== 'string') continue
      let value = (payload[key] as string).trim()
      if (key === 'email') value = value.toLowerCase()
      payload[key] = value === '' && column.isNullable ? null : value
    }
    return { ...request, payload }
  }
}
