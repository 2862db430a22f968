import type { EntityManager } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import { chunks, isMysqlFamily } from '../core/transaction.js'
import { likeEscape } from '../core/sqlPatterns.js'
import type { ResolvedErasure } from './erasureMap.js'
import { REDACTED } from './redacted.js'
import { rewriteRows, type RowRewrite } from './rewriteRows.js'

// Shorter values would cut pieces out of every other text (a two-letter name is left, and said so).
const MIN_VALUE_LENGTH = 3
const MIN_PHONE_DIGITS = 6

/** What identifies these clients in a free text: names, email, phone (as typed and as digits), address lines. */
export interface Identity {
  /** The plain values, for the database's LIKE that finds the rows. */
  values: string[]
  /** Any of them as a whole word, any case, for the rewrite; null when there is none. */
  pattern: RegExp | null
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The identity values of these clients, read before they are anonymised. */
export function identityOf(clients: readonly Client[]): Identity {
  const values = new Set<string>()
  const phones: string[] = []
  for (const c of clients) {
    for (const v of [c.email, c.lastName, c.firstName, c.phone, c.addressLine1, c.addressLine2]) {
      const text = typeof v === 'string' ? v.trim() : ''
      if (text.length >= MIN_VALUE_LENGTH) values.add(text)
    }
    const digits = (c.phone ?? '').replace(/\D/g, '')
    if (digits.length >= MIN_PHONE_DIGITS) {
      values.add(digits)
      // The same number written with spaces, dots or dashes between its digits.
      phones.push(digits.split('').join('[\\s.\\-]*'))
    }
  }
  const list = [...values].sort((a, b) => b.length - a.length)
  const alternatives = [...list.map(escapeRegExp), ...phones]
  const pattern =
    alternatives.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  return { values: list, pattern }
}

/** The text with every identity value replaced by `[redacted]`. */
export function scrubText(text: string, identity: Identity): string {
  return identity.pattern ? text.replace(identity.pattern, REDACTED) : text
}

/** A JSON value with every string in it scrubbed (keys too: a search term may be one). */
export function scrubJson(value: unknown, identity: Identity): unknown {
  if (typeof value === 'string') return scrubText(value, identity)
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, identity))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [scrubText(k, identity), scrubJson(v, identity)]),
    )
  }
  return value
}

/** Any value scrubbed: a string as text, an object or array as JSON, anything else as it is. */
export const scrubAny = (value: unknown, identity: Identity): unknown =>
  typeof value === 'string' ? scrubText(value, identity) : scrubJson(value, identity)

/** Values per LIKE round: columns × values stays far below every driver's bound parameters. */
const VALUES_PER_ROUND = 100

/**
 * The rows linked to no client that name these clients, in every `byValue` column of the map:
 * found by LIKE (one query per table and round of values), rewritten with the values cut out.
 */
export async function scrubUnlinkedRows(
  manager: EntityManager,
  map: readonly ResolvedErasure[],
  identity: Identity,
): Promise<void> {
  if (!identity.pattern) return
  const mysql = isMysqlFamily(manager.connection)
  for (const entry of map) {
    if (entry.handledBy) continue
    const props = Object.keys(entry.columns).filter((p) => entry.columns[p].byValue)
    if (props.length === 0) continue
    const metadata = manager.connection.getMetadata(entry.entity)
    const primary = metadata.primaryColumns[0].propertyName
    for (const values of chunks(identity.values, VALUES_PER_ROUND)) {
      const qb = manager.createQueryBuilder(entry.entity, 'r').select(`r.${primary}`)
      for (const p of props) qb.addSelect(`r.${p}`)
      if (entry.clientColumn) qb.where(`r.${entry.clientColumn} IS NULL`)
      const params: Record<string, string> = {}
      const likes = props.flatMap((p) =>
        values.map((v, i) => {
          params[`v${i}`] = `%${likeEscape(v)}%`
          return `r.${p} LIKE :v${i}${mysql ? '' : " ESCAPE '\\'"}`
        }),
      )
      qb.andWhere(`(${likes.join(' OR ')})`, params)
      const rows = (await qb.getMany()) as Record<string, unknown>[]
      const rewrites: RowRewrite[] = []
      for (const row of rows) {
        const set: Record<string, unknown> = {}
        for (const p of props) {
          if (row[p] === null || row[p] === undefined) continue
          const scrubbed = scrubAny(row[p], identity)
          if (JSON.stringify(scrubbed) !== JSON.stringify(row[p])) set[p] = scrubbed
        }
        if (Object.keys(set).length > 0) rewrites.push({ id: row[primary], set })
      }
      await rewriteRows(manager, entry, rewrites)
    }
  }
}
