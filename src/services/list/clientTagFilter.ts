import type { DataSource, SelectQueryBuilder } from 'typeorm'
import type { Client } from '../../entities/Client.js'
import { ClientTag } from '../../entities/ClientTag.js'
import { tableOf } from '../core/tableNames.js'
import { TAG_IDS_PATTERN, TAG_MODES, type TagMode } from '../../shared/tags.js'

// The client list's filter by tags (issue 28): `filters.tags` (tag ids, comma-separated) and
// `filters.tagMode` (any — the default —, all, none). Kept apart from the list's other filters.

export interface TagFilter {
  ids: number[]
  mode: TagMode
}

/** The filter as sent, or null when it is absent or does not fit (the list then ignores it). */
export function readTagFilter(filters: Record<string, unknown>): TagFilter | null {
  const raw = typeof filters.tags === 'string' ? filters.tags.trim() : ''
  if (!TAG_IDS_PATTERN.test(raw)) return null
  const ids = [...new Set(raw.split(',').map(Number))].filter((id) => id > 0)
  if (ids.length === 0) return null
  const mode = (TAG_MODES as readonly string[]).includes(String(filters.tagMode))
    ? (filters.tagMode as TagMode)
    : 'any'
  return { ids, mode }
}

/**
 * Any: a link to one of the tags exists; none: no link to any; all: as many links to them as
 * there are tags. Each a subquery on the links' primary key (clientId, tagId) per client row.
 */
export function applyTagFilter(
  dataSource: DataSource,
  qb: SelectQueryBuilder<Client>,
  alias: string,
  filter: TagFilter | null,
): void {
  if (!filter) return
  const links = `SELECT 1 FROM ${tableOf(dataSource, ClientTag)} ${alias}_ct WHERE ${alias}_ct.clientId = ${alias}.id AND ${alias}_ct.tagId IN (:...${alias}TagIds)`
  const params = { [`${alias}TagIds`]: filter.ids }
  if (filter.mode === 'any') qb.andWhere(`EXISTS (${links})`, params)
  else if (filter.mode === 'none') qb.andWhere(`NOT EXISTS (${links})`, params)
  else
    qb.andWhere(`(${links.replace('SELECT 1', 'SELECT COUNT(*)')}) = :${alias}TagCount`, {
      ...params,
      [`${alias}TagCount`]: filter.ids.length,
    })
}
