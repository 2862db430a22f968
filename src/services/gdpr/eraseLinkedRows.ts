import { In, type EntityManager } from 'typeorm'
import type { ResolvedErasure } from './erasureMap.js'
import { REDACTED } from './redacted.js'
import { rewriteRows, type RowRewrite } from './rewriteRows.js'
import { scrubAny, type Identity } from './scrubByValue.js'

// The plugin's own codes inside an event's JSON: kept, so that a restore still reads the status
// to go back to. Every other text of the JSON is the person's.
const KEPT_KEYS = new Set(['field', 'previousStatus', 'via', 'template', 'files'])

// A field's old and new values (`changes`' from/to) and an import's custom values: any kind, a
// number (an income) or a flag (a yes/no field) as much as a text, says something of the person.
const VALUE_KEYS = new Set(['from', 'to', 'custom'])

/**
 * Every text value of a JSON `[redacted]`; keys, numbers, flags and the kept codes stay, but
 * under a value key (a change's from/to, an import's custom values) every value goes.
 */
export function maskJson(value: unknown, kept = false, anyValue = false): unknown {
  if (typeof value === 'string') return kept ? value : REDACTED
  if (anyValue && (typeof value === 'number' || typeof value === 'boolean')) return REDACTED
  if (Array.isArray(value)) return value.map((v) => maskJson(v, kept, anyValue))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        maskJson(v, KEPT_KEYS.has(k), anyValue || VALUE_KEYS.has(k)),
      ]),
    )
  }
  return value
}

const ROW_WISE = new Set(['jsonValues', 'scrub'])

/**
 * The rows of the map linked to these clients: deleted (tokens), or each column as the map says,
 * in a fixed number of statements per table (the row-wise ones rewritten by CASE in chunks).
 */
export async function eraseLinkedRows(
  manager: EntityManager,
  map: readonly ResolvedErasure[],
  ids: number[],
  identity: Identity,
): Promise<void> {
  for (const entry of map) {
    if (entry.handledBy || !entry.clientColumn) continue
    const linked = { [entry.clientColumn]: In(ids) }
    if (entry.deleteLinked) {
      await manager.delete(entry.entity, linked)
      continue
    }
    const metadata = manager.connection.getMetadata(entry.entity)
    const set: Record<string, unknown> = {}
    const rowWise: string[] = []
    for (const [prop, how] of Object.entries(entry.columns)) {
      if (how.linked === 'null') set[prop] = null
      else if (how.linked === 'redact') {
        const column = metadata.findColumnWithPropertyName(prop)
        const fits = !column?.length || Number(column.length) >= REDACTED.length
        set[prop] = fits || !column?.isNullable ? REDACTED : null
      } else if (how.linked === 'clientActed') {
        await manager.update(entry.entity, { ...linked, actorType: 'client' }, { [prop]: null })
      } else if (how.linked && ROW_WISE.has(how.linked)) rowWise.push(prop)
    }
    if (Object.keys(set).length > 0) await manager.update(entry.entity, linked, set)
    if (rowWise.length === 0) continue
    const primary = metadata.primaryColumns[0].propertyName
    const qb = manager.createQueryBuilder(entry.entity, 'r').select(`r.${primary}`)
    for (const p of rowWise) qb.addSelect(`r.${p}`)
    qb.where(`r.${entry.clientColumn} IN (:...ids)`, { ids })
    qb.andWhere(`(${rowWise.map((p) => `r.${p} IS NOT NULL`).join(' OR ')})`)
    const rows = (await qb.getMany()) as Record<string, unknown>[]
    const rewrites: RowRewrite[] = rows.map((row) => ({
      id: row[primary],
      set: Object.fromEntries(
        rowWise.map((p) => {
          const value = row[p]
          if (value === null || value === undefined) return [p, null]
          if (entry.columns[p].linked === 'scrub') return [p, scrubAny(value, identity)]
          const masked = maskJson(typeof value === 'string' ? safeJson(value) : value)
          return [p, scrubAny(masked, identity)]
        }),
      ),
    }))
    await rewriteRows(manager, entry, rewrites)
  }
}

/** A JSON text parsed, or the text itself as one value when it is not JSON. */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
