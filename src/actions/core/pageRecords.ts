import { BaseRecord, populator, type ActionContext, type BaseResource, type PropertyDecorator } from 'adminjs'

/**
 * A record of `resource` holding `values`, as `new BaseRecord(values, resource)` makes it: its
 * params are `values` flattened (`flat`). A row of plain values (no object but dates) is already
 * flat and is copied as it is, without `flat`'s walk of every value (a list page makes 20 of them
 * on each request).
 */
export function recordOf(values: object, resource: BaseResource): BaseRecord {
  const row = values as Record<string, unknown>
  for (const key in row) {
    const value = row[key]
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      return new BaseRecord(row, resource)
    }
  }
  const record = new BaseRecord(undefined as unknown as Record<string, unknown>, resource)
  record.params = { ...row }
  return record
}

/** A reference of a resource read as one value at the top of its params (`advisorId`). */
interface PlainReference {
  path: string
  resource: BaseResource
}

const plainReferences = new WeakMap<BaseResource, PlainReference[] | null>()

/**
 * The resource's references when each is one value at the top of the params (no array, no
 * nested path): what `populateRecords` fills itself. Null when one is not (AdminJS's populator
 * then does it). Worked out once per resource: its properties are fixed once decorated.
 */
function referencesOf(resource: BaseResource): PlainReference[] | null {
  if (plainReferences.has(resource)) return plainReferences.get(resource) ?? null
  const properties = Object.values(resource.decorate().getFlattenProperties()) as PropertyDecorator[]
  const references = properties.filter((p) => Boolean(p.reference()))
  const plain = references.every((p) => !p.propertyPath.includes('.') && !p.isArray())
  const found = plain
    ? references.map((p) => ({ path: p.propertyPath, resource: p.reference() as BaseResource }))
    : null
  plainReferences.set(resource, found)
  return found
}

const searchable = (value: unknown): value is string | number | bigint =>
  (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'bigint'

/**
 * AdminJS's `populator(records, context)`: each reference of the records filled with the record
 * it names, one `findMany` per reference property whatever the number of records. Without
 * working out the resource's properties again on each call (AdminJS's populator flattens every
 * property of the resource each time) nor reading each value through `flat`. A value whose record
 * is not found is left unpopulated (AdminJS puts the bare id there, which no row can show).
 */
export async function populateRecords(records: BaseRecord[], context: ActionContext): Promise<BaseRecord[]> {
  if (records.length === 0) return records
  const references = referencesOf(records[0].resource)
  if (!references) return populator(records, context)
  await Promise.all(
    references.map(async ({ path, resource }) => {
      const ids = [...new Set(records.map((r) => r.params[path]).filter(searchable))]
      if (ids.length === 0) return
      const found = await resource.findMany(ids as (string | number)[], context)
      const byId = new Map(found.map((r) => [String(r.id()), r]))
      for (const record of records) {
        const value = record.params[path]
        const reference = searchable(value) ? byId.get(String(value)) : undefined
        if (reference) record.populate(path, reference)
      }
    }),
  )
  return records
}
